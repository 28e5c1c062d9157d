import ArgumentParser
import Glibc
import LectorCore
import LectorPipeline
import Logging

/// `lector process`: runs files (or JSON Lines records) through the chain once and prints
/// the enriched documents.
struct ProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Run files through the chain and print one enriched JSON document each.",
        discussion: """
            Without --config, ./config.yaml is used when it exists, else the built-in default \
            chain. With several inputs, each document is one line. Exit status: 0 when every \
            input was processed, 1 when any failed (each failure is reported on stderr, or as an \
            error object in --jsonl mode), 78 when the configuration is wrong, 66 when it does not \
            exist.
            """
    )

    @Option(name: .long, help: "The configuration file (default: ./config.yaml if present).")
    var config: String?

    @Option(name: .long, help: "Comma-separated processors to run at their default options, instead of the chain.")
    var processors: String?

    @Flag(name: .long, help: "Indent the JSON for reading.")
    var pretty = false

    @Flag(name: .long, help: "Inputs are JSON Lines: one {\"id\", \"text\", \"metadata\"?} object per line.")
    var jsonl = false

    @Option(name: .long, help: "Write each document to DIR/ID.json instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Documents processed at once (default: 1).")
    var workers = 1

    @Argument(help: "Files to process; - or nothing reads standard input.")
    var paths: [String] = []

    func validate() throws {
        guard (1...256).contains(workers) else { throw ValidationError("--workers must be between 1 and 256") }
        if jsonl, output != nil { throw ValidationError("--output cannot be used with --jsonl") }
    }

    func run() throws {
        LoggingSetup.bootstrap(defaultLevel: .warning)
        let logger = Logger(label: "lector.process")
        let inputs = paths.isEmpty ? ["-"] : paths
        if let output { try Self.refuseClashingOutputs(inputs, directory: output) }
        let loaded = try ChainLoader.load(configPath: config, processors: processors)
        let failures: Int
        if jsonl {
            failures = try runJSONLines(inputs: inputs, loaded: loaded, logger: logger)
        } else {
            failures = runFiles(inputs: inputs, loaded: loaded, logger: logger)
        }
        if failures > 0 { throw ExitStatus.failure }
    }

    /// Exits 64 (usage), before anything is read or written, when two inputs would be
    /// written to the same `DIR/ID.json`: with `d1/a.txt d1/a.md d2/a.txt`, only the last
    /// would survive, and the exit status would say all three were done.
    private static func refuseClashingOutputs(_ inputs: [String], directory: String) throws {
        let clashes = OutputNames.clashes(inputs)
        guard !clashes.isEmpty else { return }
        for clash in clashes {
            let names = clash.inputs.map { $0 == "-" ? "standard input" : $0 }.joined(separator: ", ")
            StandardError.write("lector: \(names) would all be written to \(directory)/\(clash.name)\n")
        }
        StandardError.write("lector: nothing was processed; rename the inputs or process them in separate runs\n")
        throw ExitStatus.usage
    }

    /// One outcome, computed on a worker and written by the command's thread.
    private enum Outcome: Sendable {
        case document(id: String, json: [UInt8])
        case failed(message: String, json: [UInt8]?)
    }

    private func runFiles(inputs: [String], loaded: LoadedChain, logger: Logger) -> Int {
        let chain = loaded.chain
        let limit = loaded.maximumBytes
        let style: JSONValue.EncodingStyle = pretty ? .pretty : .compact
        var writer = OutputWriter()
        var progress = ProgressReporter(total: inputs.count)
        var failures = 0
        let batchSize = max(64, workers * 16)
        for start in stride(from: 0, to: inputs.count, by: batchSize) {
            let batch = Array(inputs[start..<min(start + batchSize, inputs.count)])
            let outcomes = orderedParallelMap(batch, workers: workers) { path -> Outcome in
                Self.processFile(path: path, chain: chain, limit: limit, style: style, logger: logger)
            }
            for (path, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .document(let id, let json):
                    if let output {
                        do {
                            try OutputWriter.writeFile(directory: output, name: id + ".json", bytes: json)
                        } catch {
                            failures += 1
                            StandardError.write("lector: \(path): \(error)\n")
                        }
                    } else {
                        writer.writeLine(json)
                    }
                case .failed(let message, _):
                    failures += 1
                    StandardError.write("lector: \(path == "-" ? "standard input" : path): \(message)\n")
                }
                progress.advance()
            }
        }
        writer.flush()
        progress.finish()
        return failures
    }

    private static func processFile(
        path: String,
        chain: Chain,
        limit: Int,
        style: JSONValue.EncodingStyle,
        logger: Logger
    ) -> Outcome {
        let bytes: [UInt8]
        var modified: Int64?
        do {
            if path == "-" {
                bytes = try FileReader.readStandardInput(limit: limit)
            } else {
                (bytes, modified) = try FileReader.readWithTime(path: path, limit: limit)
            }
        } catch {
            return .failed(message: error.message, json: nil)
        }
        let fileName = OutputNames.fileName(ofInput: path)
        let document: Document
        do {
            document = try DocumentReader.document(
                bytes: bytes,
                fileName: fileName,
                maximumBytes: limit,
                modified: modified
            )
        } catch {
            return .failed(message: error.message, json: nil)
        }
        let result = chain.run(document, logger: logger)
        if let failure = result.failure {
            return .failed(message: failure.description, json: nil)
        }
        return .document(
            id: document.id,
            json: DocumentEncoder.json(result, includeText: chain.includeText).encoded(style: style)
        )
    }

    /// Streams each input's records through the chain in batches, in input order: the
    /// memory used is a batch's, whatever the corpus's size, and on a pipe each batch is
    /// answered as soon as its lines have arrived.
    private func runJSONLines(inputs: [String], loaded: LoadedChain, logger: Logger) throws -> Int {
        let chain = loaded.chain
        let limit = loaded.maximumBytes
        let batchSize = max(256, workers * 64)
        var writer = OutputWriter()
        var failures = 0
        for input in inputs {
            let name = input == "-" ? "standard input" : input
            let descriptor: Int32
            let size: Int?
            do {
                (descriptor, size) = input == "-" ? (0, nil) : try FileReader.openStream(path: input)
            } catch {
                StandardError.write("lector: \(name): \(error.message)\n")
                failures += 1
                continue
            }
            defer { if descriptor != 0 { close(descriptor) } }
            let lineLimit = JSONLinesReader.lineLimit(maximumBytes: limit)
            var reader = JSONLinesReader(descriptor: descriptor, lineLimit: lineLimit)
            var progress = ProgressReporter(total: nil, totalBytes: size)
            while true {
                let batch: [JSONLinesReader.Line]
                do {
                    batch = try reader.next(maximum: batchSize)
                } catch {
                    StandardError.write("lector: \(name): read failed: \(error)\n")
                    failures += 1
                    break
                }
                if batch.isEmpty { break }
                let outcomes = orderedParallelMap(batch, workers: workers) { line -> Outcome in
                    guard let length = line.skippedLength else {
                        return Self.processRecord(
                            line.bytes[...],
                            lineNumber: line.number,
                            chain: chain,
                            limit: limit,
                            logger: logger
                        )
                    }
                    return Self.lineTooLong(length, limit: lineLimit, lineNumber: line.number)
                }
                for outcome in outcomes {
                    switch outcome {
                    case .document(_, let json):
                        writer.writeLine(json)
                    case .failed(_, let json):
                        failures += 1
                        if let json { writer.writeLine(json) }
                    }
                }
                writer.flush()
                progress.advance(by: batch.count, bytesDone: reader.bytesRead)
            }
            progress.finish()
        }
        writer.flush()
        return failures
    }

    /// The error object for a line over the limit, which was skipped without being parsed.
    private static func lineTooLong(_ length: Int, limit: Int, lineNumber: Int) -> Outcome {
        let error = DocumentInputError(
            code: "too_large",
            message: "the line is \(length) bytes, over the limit of \(limit) for one record (6 x max_bytes + 1 MiB)"
        )
        return .failed(
            message: error.message,
            json: DocumentEncoder.inputErrorRecord(id: nil, error: error, line: lineNumber).encoded()
        )
    }

    private static func processRecord(
        _ line: ArraySlice<UInt8>,
        lineNumber: Int,
        chain: Chain,
        limit: Int,
        logger: Logger
    ) -> Outcome {
        let document: Document
        do {
            document = try DocumentReader.document(jsonLine: line, maximumBytes: limit)
        } catch {
            let record = DocumentEncoder.inputErrorRecord(id: error.id, error: error.error, line: lineNumber)
            return .failed(message: error.error.message, json: record.encoded())
        }
        let result = chain.run(document, logger: logger)
        if result.failure != nil {
            return .failed(
                message: result.failure?.description ?? "",
                json: DocumentEncoder.failureRecord(result).encoded()
            )
        }
        return .document(id: document.id, json: DocumentEncoder.json(result, includeText: chain.includeText).encoded())
    }
}
