import ArgumentParser
import Foundation
import Glibc
import LectorConfig
import LectorCore
import LectorNATS
import LectorPipeline

/// `lector publish`: feeds documents to the NATS input subject of a configuration.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish documents to the NATS input stream that `lector run` consumes.",
        discussion: """
            Each FILE (or every file in a DIR) is published as one message whose body is the \
            file's bytes and whose Nats-Msg-Id is its id (the name without its extension), as \
            the inbox would name it. With --jsonl, each line of each FILE is one record \
            {"id", "text", "metadata"?}, published as it is with its id. The stream is \
            created when absent. Publishing the same id twice within the stream's duplicate \
            window stores it once. Exit status 69 when no server answers.
            """
    )

    @Option(name: .long, help: "The configuration file (its input.nats).")
    var config = "config.yaml"

    @Option(name: .long, help: "The subject; default: input.nats.subject with its wildcards replaced by the id.")
    var subject: String?

    @Flag(name: .long, help: "Each FILE holds JSON Lines records, one document a line.")
    var jsonl = false

    @Option(name: .long, help: "Publish at this many documents per second (default: as fast as acknowledged).")
    var rate: Double?

    @Argument(help: "Files or folders to publish.")
    var inputs: [String]

    func run() throws {
        let configuration = try ChainLoader.loadConfiguration(path: config, purpose: .daemon)
        guard let input = configuration.natsInput else {
            StandardError.write("lector: \(config) has no input.nats\n")
            throw ExitStatus.config
        }
        let connection: NATSConnection
        do {
            connection = try NATSConnection(input.server, name: "lector-publish")
            try connection.ensureStream(
                input.stream,
                subjects: [input.subject],
                retention: .workQueue,
                replicas: input.replicas
            )
        } catch {
            StandardError.write("lector: \(error)\n")
            throw ExitCode(69)
        }
        var published = 0
        var duplicates = 0
        let start = ContinuousClock.now
        for (index, (id, body)) in try documents().enumerated() {
            if let rate, rate > 0 {
                let due = start + .milliseconds(Int64(Double(index) * 1_000 / rate))
                let wait = due - ContinuousClock.now
                if wait > .zero { Thread.sleep(forTimeInterval: wait.inSeconds) }
            }
            let target = subject ?? NATSDocuments.subject(Self.publishTemplate(input.subject), id: id ?? "unnamed")
            let ack = try Self.publish(body, to: target, id: id, connection: connection)
            published += 1
            if ack.duplicate { duplicates += 1 }
        }
        connection.close()
        print("published \(published) documents to \(input.stream) (\(duplicates) already there)")
    }

    /// The input subject with each wildcard token (`*`, `>`) made the `{id}` placeholder.
    static func publishTemplate(_ subject: String) -> String {
        subject.split(separator: ".").map { $0 == "*" || $0 == ">" ? "{id}" : String($0) }.joined(separator: ".")
    }

    private static func publish(
        _ body: [UInt8],
        to subject: String,
        id: String?,
        connection: NATSConnection
    ) throws -> NATSPublishAck {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try connection.publish(body, to: subject, messageID: id.map(NATSDocuments.messageID))
            } catch {
                if attempt >= 5 {
                    StandardError.write("lector: \(error)\n")
                    throw ExitCode(69)
                }
                Thread.sleep(forTimeInterval: 0.2 * Double(attempt))
            }
        }
    }

    /// Each document's id (when it has one) and body, in order.
    private func documents() throws -> [(String?, [UInt8])] {
        var files: [String] = []
        for input in inputs {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
                StandardError.write("lector: \(input): no such file or folder\n")
                throw ExitStatus.noInput
            }
            if isFolder.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: input).filter { !$0.hasPrefix(".") }
                files += names.sorted().map { (input as NSString).appendingPathComponent($0) }
            } else {
                files.append(input)
            }
        }
        var documents: [(String?, [UInt8])] = []
        for file in files {
            if jsonl {
                documents += try records(file)
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try FileReader.read(path: file, limit: .max)
            } catch {
                StandardError.write("lector: \(file): \(error.message)\n")
                throw ExitCode.failure
            }
            let name = (file as NSString).lastPathComponent
            documents.append((DocumentReader.identifier(forFileName: name), bytes))
        }
        return documents
    }

    /// A JSON Lines file's records, each with its id when it has one.
    private func records(_ file: String) throws -> [(String?, [UInt8])] {
        let descriptor: Int32
        do {
            descriptor = try FileReader.openStream(path: file).descriptor
        } catch {
            StandardError.write("lector: \(file): \(error.message)\n")
            throw ExitCode.failure
        }
        defer { close(descriptor) }
        var reader = JSONLinesReader(descriptor: descriptor, lineLimit: .max)
        var documents: [(String?, [UInt8])] = []
        do {
            while case let lines = try reader.next(maximum: 4096), !lines.isEmpty {
                for line in lines {
                    let id = DocumentReader.recordIdentifier((try? JSONValue.parse(line.bytes))?.objectValue?["id"])
                    documents.append((id, line.bytes))
                }
            }
        } catch {
            StandardError.write("lector: \(file): read failed: \(error)\n")
            throw ExitCode.failure
        }
        return documents
    }
}
