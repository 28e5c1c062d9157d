import LectorConfig
public import LectorCore
public import Logging

/// A built, immutable chain of processors: what every document goes through.
///
/// A chain is made once from a configuration (see ``ChainBuilder``) and shared by all
/// workers; a reload builds a new chain and swaps it between documents, so a document in
/// flight finishes on the chain it started with.
public struct Chain: Sendable {
    /// The steps, in order.
    public let steps: [ChainStep]
    /// Which configuration this is.
    public let identity: ChainIdentity
    /// Whether outputs carry the body `text`.
    public let includeText: Bool

    /// Creates a chain.
    ///
    /// - Parameters:
    ///   - steps: The steps.
    ///   - identity: The configuration's hash and generation.
    ///   - includeText: Whether outputs carry `text`.
    public init(steps: [ChainStep], identity: ChainIdentity, includeText: Bool = true) {
        self.steps = steps
        self.identity = identity
        self.includeText = includeText
    }

    /// The same chain with another generation number (after a reload).
    ///
    /// - Parameter generation: The new generation.
    /// - Returns: The chain, renumbered.
    public func withGeneration(_ generation: Int) -> Chain {
        Chain(
            steps: steps,
            identity: ChainIdentity(configHash: identity.configHash, generation: generation),
            includeText: includeText
        )
    }

    /// Runs a document through every step.
    ///
    /// Each step is skipped (with a reason) when its condition is false or the document's
    /// language is one its processor does not support; otherwise it runs and is timed. A
    /// processor error stops the chain when the step's `on_error` is `fail`, and is recorded
    /// and passed over when it is `skip`. This function never throws: failures are data.
    ///
    /// - Parameters:
    ///   - document: The document as read.
    ///   - logger: The logger; the chain adds `document.id` to a copy of it.
    /// - Returns: The result, with one record per step that was reached.
    public func run(_ document: Document, logger: Logger) -> ProcessedDocument {
        var logger = logger
        logger[metadataKey: "document.id"] = "\(document.id)"
        let context = ProcessingContext(logger: logger, generation: identity.generation)
        var current = document
        var records: [StepRecord] = []
        records.reserveCapacity(steps.count)
        let clock = ContinuousClock()
        for step in steps {
            if let reason = step.skipReason(for: current) {
                records.append(StepRecord(name: step.name, status: .skipped(reason: reason), milliseconds: 0))
                continue
            }
            let start = clock.now
            do {
                current = try step.processor.process(current, context: context)
                records.append(
                    StepRecord(
                        name: step.name,
                        status: .ok,
                        milliseconds: (ContinuousClock.now - start).inMilliseconds,
                        models: step.modelVersions
                    )
                )
            } catch {
                let (code, message) = Self.describe(error)
                let continued = step.onError == .skip
                records.append(
                    StepRecord(
                        name: step.name,
                        status: .failed(code: code, message: message, continued: continued),
                        milliseconds: (ContinuousClock.now - start).inMilliseconds,
                        models: step.modelVersions
                    )
                )
                logger.debug(
                    "step failed",
                    metadata: ["processor.name": "\(step.name)", "error": "\(message)", "on_error": "\(step.onError)"]
                )
                if !continued {
                    let failure = StepFailure(step: step.name, code: code, message: message)
                    return ProcessedDocument(document: current, steps: records, failure: failure, chain: identity)
                }
            }
        }
        return ProcessedDocument(document: current, steps: records, failure: nil, chain: identity)
    }

    private static func describe(_ error: any Error) -> (code: String, message: String) {
        if let error = error as? ProcessorError {
            var message = error.message
            if let cause = error.cause { message += " (\(cause))" }
            return (error.code.description, message)
        }
        return ("error", "\(error)")
    }
}
