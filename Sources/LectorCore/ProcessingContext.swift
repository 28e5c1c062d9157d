public import Logging

/// What a processor gets besides the document.
public struct ProcessingContext: Sendable {
    /// A logger whose metadata carries `document.id`; processors log at `info` or below.
    public var logger: Logger

    /// The configuration generation the document is processed with (1 for the first
    /// configuration loaded, one more after each successful reload).
    public var generation: Int

    /// Work the steps share for this document (see ``DocumentMemo``); new for each document.
    public var memo: DocumentMemo

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - logger: The per-document logger.
    ///   - generation: The configuration generation.
    ///   - memo: The shared work; a new, empty memo by default.
    public init(logger: Logger, generation: Int = 1, memo: DocumentMemo = DocumentMemo()) {
        self.logger = logger
        self.generation = generation
        self.memo = memo
    }
}
