public import LectorCore

/// A document after the chain ran: the document, what each step did, and whether it failed.
public struct ProcessedDocument: Sendable {
    /// The enriched document (as far as the chain got).
    public var document: Document
    /// One record per step, in chain order; steps after a failure are not listed.
    public var steps: [StepRecord]
    /// The step that failed with `on_error: fail`, if any. A failed document is not
    /// written to the outbox; it goes to `failed/` (daemon) or to an error line (`--jsonl`).
    public var failure: StepFailure?
    /// The chain that made it.
    public var chain: ChainIdentity

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - document: The document.
    ///   - steps: The step records.
    ///   - failure: The failure, if any.
    ///   - chain: The chain's identity.
    public init(document: Document, steps: [StepRecord], failure: StepFailure?, chain: ChainIdentity) {
        self.document = document
        self.steps = steps
        self.failure = failure
        self.chain = chain
    }

    /// Whether every step either ran, was skipped, or failed with `on_error: skip`.
    public var succeeded: Bool { failure == nil }
}

/// A step that failed the document.
public struct StepFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The step's processor name.
    public var step: String
    /// The error's code (`invalid_input`, `timed_out`, … or `error` for a foreign error).
    public var code: String
    /// The error's description.
    public var message: String

    /// Creates a failure.
    ///
    /// - Parameters:
    ///   - step: The processor name.
    ///   - code: The error code.
    ///   - message: The description.
    public init(step: String, code: String, message: String) {
        self.step = step
        self.code = code
        self.message = message
    }

    /// `step: message`.
    public var description: String { "\(step): \(message)" }
}

/// Which configuration made a document: written into `processing`.
public struct ChainIdentity: Sendable, Equatable {
    /// `sha256:` and the hex digest of the configuration file (or of the chain's names when
    /// no file was used).
    public var configHash: String
    /// 1 for the first configuration, one more after each successful reload.
    public var generation: Int

    /// Creates an identity.
    ///
    /// - Parameters:
    ///   - configHash: The configuration's hash, `sha256:…`.
    ///   - generation: The generation.
    public init(configHash: String, generation: Int) {
        self.configHash = configHash
        self.generation = generation
    }
}
