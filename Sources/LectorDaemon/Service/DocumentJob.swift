import Foundation
import LectorCore
import LectorPipeline
import LectorSystem
import Logging

/// One claimed input: read, decoded and run through the chain on a worker thread
/// (``analyse(logger:)``), then encoded and staged on the writer's queue (``write(_:id:)``)
/// for the ``OutputCommitter``, which finishes the input — or set aside in `failed/`, or
/// asked to be retried.
struct DocumentJob: Sendable {
    /// How the job ended.
    enum Outcome: Sendable {
        /// The output is in the outbox and the input archived or deleted.
        case written(output: FileName, id: String)
        /// The output is written to a temp file in the outbox; the ``OutputCommitter`` makes
        /// it durable, names it and finishes the input.
        case staged(temporary: FilePath, id: String)
        /// The input is in `failed/` with an error record.
        case failed(reason: String)
        /// A transient error: the input is still in the work folder; try again later. When
        /// `spoolBlocked`, the fault is the spool's (outbox or `failed/` unwritable, not
        /// there, full), not the document's: claiming pauses until a write succeeds.
        case retry(reason: String, spoolBlocked: Bool)
        /// The input disappeared from the work folder (someone removed it).
        case vanished
    }

    let name: FileName
    let chain: Chain
    let maximumBytes: Int
    let attempt: Int
    let spool: Spool
    let daemonID: String
    /// Where the output is published besides the outbox, if anywhere.
    var publisher: (any OutputPublisher)?

    /// What the worker's half of a job gave.
    enum Analysis: Sendable {
        /// The job ended on the worker (failed, retry, vanished).
        case ended(Outcome)
        /// The chain ran: the result is to be encoded and written (``write(_:id:)``).
        case analysed(ProcessedDocument, id: String)
    }

    /// The worker's half: reads the claimed input, decodes it and runs the chain. Inputs that
    /// cannot be read or decoded, and documents the chain failed, are set aside here.
    ///
    /// - Parameter logger: The daemon's logger.
    /// - Returns: The chain's result, or how the job ended.
    func analyse(logger: Logger) -> Analysis {
        let bytes: [UInt8]
        let modified: Int64
        do {
            switch try spool.readClaimed(name, limit: maximumBytes) {
            case .bytes(let read, let time):
                bytes = read
                modified = time
            case .rejected(let error):
                return .ended(setAside(DocumentEncoder.inputErrorRecord(id: id, error: error), error.message))
            }
        } catch  where error == .noEntry {
            return .ended(.vanished)
        } catch  where error.isTransient {
            return .ended(.retry(reason: "cannot read: \(error)", spoolBlocked: false))
        } catch {
            let failure = DocumentInputError(code: "unreadable", message: "cannot read: \(error)")
            return .ended(setAside(DocumentEncoder.inputErrorRecord(id: id, error: failure), failure.message))
        }
        let document: Document
        do {
            document = try DocumentReader.document(
                bytes: bytes,
                fileName: name.escapedText,
                maximumBytes: maximumBytes,
                modified: modified
            )
        } catch {
            return .ended(setAside(DocumentEncoder.inputErrorRecord(id: id, error: error), error.message))
        }
        let result = chain.run(document, logger: logger)
        if let failure = result.failure {
            return .ended(setAside(DocumentEncoder.failureRecord(result), failure.description))
        }
        return .analysed(result, id: document.id)
    }

    /// The writer's half: encodes the result, publishes it when a publisher is set, and
    /// stages the output for the committer.
    ///
    /// - Parameters:
    ///   - result: What ``analyse(logger:)`` gave.
    ///   - id: The document id.
    /// - Returns: ``Outcome/staged(temporary:id:)``, or a retry when the outbox or the
    ///   publisher cannot take it.
    func write(_ result: ProcessedDocument, id: String) -> Outcome {
        let json = Self.withExactName(DocumentEncoder.json(result, includeText: chain.includeText), name).encoded()
        if let publisher {
            do {
                try publisher.publish(json, id: id, generation: chain.identity.generation)
            } catch {
                return .retry(reason: "cannot publish the output: \(error)", spoolBlocked: true)
            }
        }
        do {
            return .staged(temporary: try spool.stageOutput(json), id: id)
        } catch {
            // The document is fine; the outbox is not (full, read-only, removed, replaced by
            // a file): keep the input and try again later, never fail the document for it.
            return .retry(reason: "cannot write the output: \(error)", spoolBlocked: true)
        }
    }

    /// Finishes an input whose output is durable in the outbox: archives it, keeps its inode
    /// for a later output, or deletes it (``Spool/finish(_:)``).
    ///
    /// - Parameters:
    ///   - name: The input's name in the work folder.
    ///   - output: The output's name.
    ///   - id: The document id.
    ///   - spool: The spool.
    /// - Returns: ``Outcome/written(output:id:)``, or a retry when the input cannot be
    ///   finished (the retry runs the document again; its output replaces this one).
    static func finish(_ name: FileName, output: FileName, id: String, spool: Spool) -> Outcome {
        do {
            try spool.finish(name)
        } catch  where error == .noEntry {
            // Someone removed the input after we read it; the output stands.
        } catch  where error.isTransient {
            return .retry(reason: "cannot archive or remove the input: \(error)", spoolBlocked: true)
        } catch {
            return .retry(
                reason: "the output is written but the input cannot be archived or removed: \(error)",
                spoolBlocked: true
            )
        }
        return .written(output: output, id: id)
    }

    /// The document id for this input's name (invalid UTF-8 bytes escaped as `%XX`).
    private var id: String { DocumentReader.identifier(forFileName: name.escapedText) }

    /// The encoded document with `source.file_hex` added when the input's name is not UTF-8,
    /// so that the output records exactly which input made it.
    static func withExactName(_ json: JSONValue, _ name: FileName) -> JSONValue {
        guard let hex = OutputOwner(name).fileHex, case .object(var object) = json,
            case .object(var source)? = object["source"]
        else { return json }
        source["file_hex"] = .string(hex)
        object["source"] = .object(source)
        return .object(object)
    }

    /// Writes the error record (with the attempt count, generation, time and daemon) and
    /// moves the input to `failed/`.
    private func setAside(_ record: JSONValue, _ reason: String) -> Outcome {
        var object = record.objectValue ?? JSONObject()
        let owner = OutputOwner(name)
        object["file"] = .string(owner.file)
        if let hex = owner.fileHex { object["file_hex"] = .string(hex) }
        object["attempts"] = .int(attempt)
        object["generation"] = .int(chain.identity.generation)
        object["time"] = .string(Date().ISO8601Format())
        object["daemon"] = .string(daemonID)
        do {
            try spool.fail(name, record: .object(object))
        } catch  where error == .noEntry {
            return .vanished
        } catch {
            // failed/ is unwritable, full or gone: keep the input in the work folder and try
            // again later, as for the outbox.
            return .retry(reason: "cannot move to failed/: \(error) (while failing: \(reason))", spoolBlocked: true)
        }
        return .failed(reason: reason)
    }
}
