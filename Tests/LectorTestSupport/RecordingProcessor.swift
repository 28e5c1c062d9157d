public import LectorCore
import Synchronization

/// A processor that records the ids it saw and adds `{"seen": N}` under its field.
public final class RecordingProcessor: Processor {
    /// The field it writes.
    public let field: String
    /// The languages it claims to support (`nil`: all).
    public let supportedLanguages: Set<String>?
    private let seen = Mutex<[String]>([])

    /// Creates a recorder.
    ///
    /// - Parameters:
    ///   - field: The annotation key it writes.
    ///   - supportedLanguages: The languages it supports.
    public init(field: String = "recorded", supportedLanguages: Set<String>? = nil) {
        self.field = field
        self.supportedLanguages = supportedLanguages
    }

    /// The ids of the documents processed, in order.
    public var documentIDs: [String] { seen.withLock { $0 } }

    /// Records the document and adds its field.
    ///
    /// - Parameters:
    ///   - document: The document.
    ///   - context: Unused.
    /// - Returns: The document with `field` set.
    public func process(_ document: Document, context: ProcessingContext) -> Document {
        let count = seen.withLock {
            $0.append(document.id)
            return $0.count
        }
        var result = document
        result.annotations[field] = ["seen": .int(count)]
        return result
    }
}

/// A processor that always throws the error it was given.
public struct FailingProcessor: Processor {
    /// The error it throws.
    public let error: ProcessorError

    /// Creates a failing processor.
    ///
    /// - Parameter error: The error to throw.
    public init(error: ProcessorError = ProcessorError(.invalidInput, "this processor always fails")) {
        self.error = error
    }

    /// Throws ``error``.
    ///
    /// - Parameters:
    ///   - document: Ignored.
    ///   - context: Ignored.
    /// - Returns: Never.
    /// - Throws: ``error``.
    public func process(_ document: Document, context: ProcessingContext) throws -> Document {
        throw error
    }
}

/// A processor that sets a fixed `language` annotation, standing in for language detection.
public struct FixedLanguageProcessor: Processor {
    /// The code it reports.
    public let code: String

    /// Creates the processor.
    ///
    /// - Parameter code: The ISO 639-1 code to report (`und` for unknown).
    public init(code: String) {
        self.code = code
    }

    /// Sets `language.code`.
    ///
    /// - Parameters:
    ///   - document: The document.
    ///   - context: Unused.
    /// - Returns: The document with `language` set.
    public func process(_ document: Document, context: ProcessingContext) -> Document {
        var result = document
        result.annotations["language"] = ["code": .string(code), "confidence": 1.0]
        return result
    }
}
