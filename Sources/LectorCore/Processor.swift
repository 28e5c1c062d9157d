/// A step of the chain: takes a document and returns it enriched.
///
/// Processors are created once from their options (see ``ProcessorFactory``), shared by all
/// workers, and called concurrently, so they must be `Sendable` and keep no per-document
/// state. Models are loaded in the factory and held read-only.
///
/// A processor adds its result under its own field in ``Document/annotations`` (the
/// `language` processor writes `annotations["language"]`). Offsets it writes count Unicode
/// scalars into ``Document/text``.
public protocol Processor: Sendable {
    /// Enriches one document.
    ///
    /// - Parameters:
    ///   - document: The document so far.
    ///   - context: Per-document context: a logger carrying `document.id`.
    /// - Returns: The document with this processor's field added.
    /// - Throws: Anything; the pipeline records the error in `processing.steps` and fails or
    ///   skips the step per its `on_error`. Prefer ``ProcessorError``.
    func process(_ document: Document, context: ProcessingContext) throws -> Document

    /// The ISO 639-1 codes this processor can handle, or `nil` for any language.
    ///
    /// When a language step found a language outside this set, the pipeline skips the step
    /// with a reason; when the language is unknown, the step runs.
    var supportedLanguages: Set<String>? { get }

    /// The name `processing.steps` shows for this step, when it is not the processor's
    /// config name (an exec plugin shows its own name, not `exec`).
    var stepName: String? { get }

    /// The model files this processor was made from, as `processing.steps[].models`
    /// records them for each document it processed.
    var modelVersions: [ModelVersion] { get }
}

extension Processor {
    /// Any language, unless a processor says otherwise.
    public var supportedLanguages: Set<String>? { nil }

    /// The config name, unless a processor says otherwise.
    public var stepName: String? { nil }

    /// No model files, unless a processor says otherwise.
    public var modelVersions: [ModelVersion] { [] }
}
