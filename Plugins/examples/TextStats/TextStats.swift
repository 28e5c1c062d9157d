// Lector shared-library plugin in Swift (`@_cdecl`): sentence and vocabulary statistics.
//
// Implements the C ABI of Plugins/include/lector_plugin.h, version 1. No Swift type crosses
// the boundary: JSON text in, JSON text out, plugin-allocated strings freed by
// lector_plugin_free.
import Glibc
import LectorCore
import LectorText

/// One instance: the options it was created with.
final class TextStatsInstance {
    let longSentenceWords: Int

    init(longSentenceWords: Int) {
        self.longSentenceWords = longSentenceWords
    }

    /// The statistics of one request's text.
    func reply(to request: JSONValue) -> JSONValue {
        let text = ScalarText(request["document"]?["text"]?.stringValue ?? "")
        let sentences = SentenceSplitter.split(text)
        var words = 0
        var long = 0
        var vocabulary = Set<String>()
        for sentence in sentences {
            let tokens = Tokenizer.tokenize(text, in: sentence.start..<sentence.end).filter { $0.kind == .word }
            words += tokens.count
            if tokens.count >= longSentenceWords { long += 1 }
            for token in tokens { vocabulary.insert(text.slice(token.start..<token.end).lowercased()) }
        }
        let average = sentences.isEmpty ? 0 : Double(words) / Double(sentences.count)
        let ratio = words == 0 ? 0 : Double(vocabulary.count) / Double(words)
        return [
            "fields": [
                "textstats": [
                    "sentences": .int(sentences.count), "words": .int(words),
                    "words_per_sentence": .double((average * 10).rounded() / 10),
                    "long_sentences": .int(long), "type_token_ratio": .double((ratio * 1000).rounded() / 1000),
                ]
            ]
        ]
    }
}

/// A copy of `bytes` in malloc'd memory, NUL-terminated, for Lector to hand back to
/// lector_plugin_free.
private func allocate(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
    guard let memory = malloc(bytes.count + 1)?.assumingMemoryBound(to: CChar.self) else { return nil }
    bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
            if let base = chars.baseAddress { memory.update(from: base, count: bytes.count) }
        }
    }
    memory[bytes.count] = 0
    return memory
}

/// The ABI version this plugin was built against.
@_cdecl("lector_plugin_abi_version")
public func lectorPluginABIVersion() -> UInt32 { 1 }

/// The plugin's name: the field it adds.
@_cdecl("lector_plugin_name")
public func lectorPluginName() -> UnsafePointer<CChar>? {
    UnsafeRawPointer(("textstats" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
}

/// Creates an instance from the options JSON.
@_cdecl("lector_plugin_create")
public func lectorPluginCreate(
    _ options: UnsafePointer<CChar>?,
    _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutableRawPointer? {
    let json = options.flatMap { try? JSONValue.parse(String(cString: $0)) } ?? [:]
    let threshold = json["long_sentence_words"]?.intValue ?? 25
    guard threshold > 0 else {
        error?.pointee = allocate(Array("long_sentence_words must be positive".utf8))
        return nil
    }
    return Unmanaged.passRetained(TextStatsInstance(longSentenceWords: threshold)).toOpaque()
}

/// Processes one request.
@_cdecl("lector_plugin_process")
public func lectorPluginProcess(
    _ instance: UnsafeMutableRawPointer?,
    _ request: UnsafePointer<CChar>?,
    _ length: Int,
    _ replyLength: UnsafeMutablePointer<Int>?,
    _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutablePointer<CChar>? {
    guard let instance, let request else {
        error?.pointee = allocate(Array("no instance or request".utf8))
        return nil
    }
    let plugin = Unmanaged<TextStatsInstance>.fromOpaque(instance).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: request, count: length)
    guard let json = try? JSONValue.parse(Array(bytes)) else {
        error?.pointee = allocate(Array("request is not JSON".utf8))
        return nil
    }
    let reply = plugin.reply(to: json).encoded()
    replyLength?.pointee = reply.count
    return allocate(reply)
}

/// Frees a string this plugin returned.
@_cdecl("lector_plugin_free")
public func lectorPluginFree(_ pointer: UnsafeMutableRawPointer?) {
    free(pointer)
}

/// Destroys an instance.
@_cdecl("lector_plugin_destroy")
public func lectorPluginDestroy(_ instance: UnsafeMutableRawPointer?) {
    guard let instance else { return }
    Unmanaged<TextStatsInstance>.fromOpaque(instance).release()
}

/// Instances keep no mutable state, so calls may run concurrently.
@_cdecl("lector_plugin_thread_safe")
public func lectorPluginThreadSafe() -> Int32 { 1 }
