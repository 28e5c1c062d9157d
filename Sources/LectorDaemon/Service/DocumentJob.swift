import Foundation
import LectorCore
import LectorPipeline
import Logging

/// One claimed input, processed on a worker thread: read, decode, run the chain, write the
/// output, finish the input — or set it aside in `failed/`, or ask to be retried.
struct DocumentJob: Sendable {
    /// How the job ended.
    enum Outcome: Sendable {
        /// The output is in the outbox and the input archived or deleted.
        case written(output: FileName, id: String)
        /// The input is in `failed/` with an error record.
        case failed(reason: String)
        /// A transient error: the input is still in the work folder; try again later.
        case retry(reason: String)
        /// The input disappeared from the work folder (someone removed it).
        case vanished
        /// The input could be neither finished nor set aside; it stays in the work folder
        /// and the next start will recover it.
        case stuck(reason: String)
    }

    let name: FileName
    let chain: Chain
    let maximumBytes: Int
    let attempt: Int
    let spool: Spool
    let daemonID: String

    func run(logger: Logger) -> Outcome {
        let bytes: [UInt8]
        do {
            switch try spool.readClaimed(name, limit: maximumBytes) {
            case .bytes(let read): bytes = read
            case .rejected(let error):
                return setAside(DocumentEncoder.inputErrorRecord(id: nil, error: error), error.message)
            }
        } catch  where error == .noEntry {
            return .vanished
        } catch  where error.isTransient {
            return .retry(reason: "cannot read: \(error)")
        } catch {
            let failure = DocumentInputError(code: "unreadable", message: "cannot read: \(error)")
            return setAside(DocumentEncoder.inputErrorRecord(id: nil, error: failure), failure.message)
        }
        let document: Document
        do {
            document = try DocumentReader.document(bytes: bytes, fileName: name.text, maximumBytes: maximumBytes)
        } catch {
            let id = DocumentReader.identifier(forFileName: name.text)
            return setAside(DocumentEncoder.inputErrorRecord(id: id, error: error), error.message)
        }
        let result = chain.run(document, logger: logger)
        if let failure = result.failure {
            return setAside(DocumentEncoder.failureRecord(result), failure.description)
        }
        let json = DocumentEncoder.json(result, includeText: chain.includeText).encoded()
        let output: FileName
        do {
            output = try spool.writeOutput(json, for: name, id: document.id)
        } catch  where error.isTransient {
            return .retry(reason: "cannot write the output: \(error)")
        } catch {
            let failure = DocumentInputError(code: "unwritable", message: "cannot write the output: \(error)")
            return setAside(DocumentEncoder.inputErrorRecord(id: document.id, error: failure), failure.message)
        }
        do {
            try spool.finish(name)
        } catch  where error == .noEntry {
            // Someone removed the input after we read it; the output stands.
        } catch  where error.isTransient {
            return .retry(reason: "cannot archive or remove the input: \(error)")
        } catch {
            return .stuck(reason: "the output is written but the input cannot be archived or removed: \(error)")
        }
        return .written(output: output, id: document.id)
    }

    /// Writes the error record (with the attempt count, generation, time and daemon) and
    /// moves the input to `failed/`.
    private func setAside(_ record: JSONValue, _ reason: String) -> Outcome {
        var object = record.objectValue ?? JSONObject()
        object["file"] = .string(name.text)
        object["attempts"] = .int(attempt)
        object["generation"] = .int(chain.identity.generation)
        object["time"] = .string(Date().ISO8601Format())
        object["daemon"] = .string(daemonID)
        do {
            try spool.fail(name, record: .object(object))
        } catch  where error == .noEntry {
            return .vanished
        } catch  where error.isTransient {
            return .retry(reason: "cannot move to failed/: \(error)")
        } catch {
            return .stuck(reason: "cannot move to failed/: \(error) (while failing: \(reason))")
        }
        return .failed(reason: reason)
    }
}
