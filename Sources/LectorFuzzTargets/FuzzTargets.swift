import Glibc
import LectorBuiltIn
import LectorConfig
import LectorCore
import LectorExternal
import LectorPipeline
import LectorText
import Logging

/// The fuzz targets: each takes arbitrary bytes, runs one parser or the whole chain on them,
/// and traps (`precondition`) when an invariant breaks. `lector-fuzz` drives them with
/// libFuzzer; the regression tests run the committed corpora through them in normal builds.
public enum FuzzTargets {
    /// The targets by name.
    public static let all: [String: @Sendable ([UInt8]) -> Void] = [
        "decode": decode,
        "config": config,
        "text": text,
        "metadata": metadata,
        "plugin_reply": pluginReply,
        "json": json,
        "chain": chain,
    ]

    /// The target `$LECTOR_FUZZ_TARGET` names, if any.
    public static let selected: (@Sendable ([UInt8]) -> Void)? = {
        guard let name = getenv("LECTOR_FUZZ_TARGET") else { return nil }
        return all[String(cString: name)]
    }()

    /// Runs the selected target on one input: libFuzzer's callback.
    ///
    /// - Parameters:
    ///   - data: The input's bytes.
    ///   - size: Its length.
    /// - Returns: 0, as libFuzzer expects.
    public static func runSelected(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let selected else { return 0 }
        selected(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    /// Decoding: never traps; decoded text has no CR. (A U+FEFF after the byte-order mark
    /// is content, a zero-width no-break space, and stays: fuzzing showed that rule.)
    static func decode(_ bytes: [UInt8]) {
        guard let decoded = try? TextDecoder.decode(bytes, maximumBytes: 1 << 20) else { return }
        precondition(!decoded.text.unicodeScalars.contains("\r"), "CR left in decoded text")
    }

    /// config.yaml: parsing and validation never trap; every error has a position in the file.
    static func config(_ bytes: [UInt8]) {
        do {
            let configuration = try ConfigurationLoader.parse(
                bytes,
                file: "fuzz.yaml",
                directory: "/fuzz",
                purpose: .process
            )
            _ = try? builder.build(configuration)
        } catch {
            for item in error.errors {
                if let location = item.location {
                    precondition(location.line >= 1 && location.column >= 1, "bad location")
                }
            }
        }
    }

    /// Tokenizer and sentence splitter: ranges ordered, inside the text, non-empty.
    static func text(_ bytes: [UInt8]) {
        let scalars = ScalarText(String(decoding: bytes, as: UTF8.self))
        var previous = 0
        for token in Tokenizer.tokenize(scalars) {
            precondition(
                token.start >= previous && token.start < token.end && token.end <= scalars.count,
                "token range"
            )
            previous = token.end
        }
        previous = 0
        for sentence in SentenceSplitter.split(scalars) {
            precondition(sentence.start >= previous && sentence.start < sentence.end, "sentence range")
            precondition(sentence.end <= scalars.count, "sentence past the end")
            previous = sentence.end
        }
    }

    /// Metadata headers: never traps; the body is a suffix-shaped part of the input text.
    static func metadata(_ bytes: [UInt8]) {
        let document = Document(id: "fuzz", text: String(decoding: bytes, as: UTF8.self))
        guard let result = try? metadataChain.steps.first?.processor.process(document, context: context) else { return }
        precondition(
            result.text.unicodeScalars.count <= document.text.unicodeScalars.count + 1,
            "metadata grew the text"
        )
        precondition(result.metadata["date"] != nil && result.metadata["title"] != nil, "date or title missing")
    }

    /// Exec-plugin replies and handshakes: never trap.
    static func pluginReply(_ bytes: [UInt8]) {
        _ = try? PluginProtocol.handshake(bytes, expectedName: nil)
        let handshake = PluginProtocol.Handshake(name: "fuzz", version: "1", adds: ["fuzz", "extra"], languages: nil)
        _ = try? PluginProtocol.reply(bytes, id: "doc", handshake: handshake)
    }

    /// JSON: what parses re-encodes to text that parses to the same value.
    static func json(_ bytes: [UInt8]) {
        guard let value = try? JSONValue.parse(bytes) else { return }
        let again = try? JSONValue.parse(value.encoded())
        precondition(again == value, "JSON round trip changed the value")
    }

    /// The whole default chain on arbitrary bytes: never traps; offsets in the output are
    /// inside the text.
    static func chain(_ bytes: [UInt8]) {
        guard let document = try? DocumentReader.document(bytes: bytes, fileName: "fuzz.txt", maximumBytes: 1 << 20)
        else {
            return
        }
        let result = defaultChain.run(document, logger: logger)
        let length = result.document.text.unicodeScalars.count
        checkOffsets(DocumentEncoder.json(result, includeText: true), length: length)
    }

    private static func checkOffsets(_ value: JSONValue, length: Int) {
        switch value {
        case .object(let object):
            if let start = object["start"]?.intValue, let end = object["end"]?.intValue {
                precondition(0 <= start && start <= end && end <= length, "offset outside the text")
            }
            for (_, member) in object { checkOffsets(member, length: length) }
        case .array(let elements):
            for element in elements { checkOffsets(element, length: length) }
        default:
            break
        }
    }

    /// The built-in processors except `exec` and `library`: a fuzzed config must never start
    /// programs or load libraries.
    private static let registry = ProcessorRegistry(
        ProcessorRegistry.builtIn.factories.filter { !["exec", "library"].contains($0.name) },
        defaultChain: ProcessorRegistry.builtIn.defaultChain
    )
    /// The fuzzed chains' builder: the registry above, and the models of the source tree this
    /// target was built from (`Models/`). One cache for the fuzzer's whole run, which is
    /// this tool's only job. libFuzzer calls a C entry point that carries no context, so the
    /// harness keeps its builder and chains in statics; this target is a development tool
    /// and is never linked into `lector`.
    private static let builder = ChainBuilder(
        registry: registry,
        models: ModelCache(source: FileModelSource(folders: [sourceTree + "/Models"]))
    )
    private static let sourceTree: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }()
    private static let logger = Logger(label: "lector.fuzz") { _ in SwiftLogNoOpLogHandler() }
    private static let context = ProcessingContext(logger: logger)
    // swift-format-ignore: NeverUseForceTry
    private static let metadataChain = try! builder.build(processors: ["metadata"])
    // swift-format-ignore: NeverUseForceTry
    private static let defaultChain = try! builder.build(processors: ProcessorRegistry.builtIn.defaultChain)
}
