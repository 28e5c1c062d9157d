public import LectorConfig
public import LectorCore

/// One step of a built chain: a ready processor and the rules around it.
public struct ChainStep: Sendable {
    /// The processor's name in `config.yaml`.
    public var name: String
    /// The processor, shared by all workers.
    public var processor: any Processor
    /// When the step runs; `nil` means always.
    public var condition: StepCondition?
    /// What a processor error does to the document.
    public var onError: ErrorPolicy
    /// The model files the processor was made from (``Processor/modelVersions``), read once
    /// here so that each document's record copies them cheaply.
    public var modelVersions: [ModelVersion]

    /// Creates a step.
    ///
    /// - Parameters:
    ///   - name: The processor name.
    ///   - processor: The processor.
    ///   - condition: When it runs.
    ///   - onError: What an error does.
    public init(name: String, processor: any Processor, condition: StepCondition? = nil, onError: ErrorPolicy = .fail) {
        self.name = name
        self.processor = processor
        self.condition = condition
        self.onError = onError
        self.modelVersions = processor.modelVersions
    }

    /// Why this step should not run on `document`, or `nil` when it should.
    ///
    /// The `when:` condition comes first; then the processor's supported languages, which
    /// only skip a document whose language is known (a language step found it, or the
    /// record's `metadata.language` gave it) and is outside the set (an unknown language
    /// runs the step).
    ///
    /// - Parameter document: The document so far.
    /// - Returns: A reason for `processing.steps`, or `nil`.
    public func skipReason(for document: Document) -> String? {
        if let condition, let reason = condition.unmetReason(for: document) {
            return reason
        }
        if let supported = processor.supportedLanguages, let code = document.resolvedLanguageCode,
            !supported.contains(code)
        {
            return "language '\(code)' is not supported (supported: \(supported.sorted().joined(separator: ", ")))"
        }
        return nil
    }
}

extension StepCondition {
    /// Why the condition is false for `document`, or `nil` when it holds.
    ///
    /// - Parameter document: The document so far.
    /// - Returns: A reason, or `nil`.
    public func unmetReason(for document: Document) -> String? {
        if let languages {
            let found = document.languageCode ?? "und"
            if !languages.contains(found) {
                return "condition not met: language is '\(found)', not \(languages.joined(separator: " or "))"
            }
        }
        for test in metadata {
            let value = document.metadata[test.key]
            switch test.test {
            case .exists(let wanted):
                let present = value.map { !$0.isNull } ?? false
                if present != wanted {
                    return "condition not met: metadata '\(test.key)' \(wanted ? "is missing" : "is present")"
                }
            case .equals(let allowed):
                let text = value?.scalarText
                if text.map({ allowed.contains($0) }) != true {
                    let shown = text.map { "'\($0)'" } ?? "missing"
                    return "condition not met: metadata '\(test.key)' is \(shown), not "
                        + allowed.map { "'\($0)'" }.joined(separator: " or ")
                }
            }
        }
        return nil
    }
}
