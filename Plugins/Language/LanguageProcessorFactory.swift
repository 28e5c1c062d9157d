public import LectorCore

/// Makes the built-in `language` processor (see ``LanguageProcessor``).
///
/// Options (all optional):
/// - `languages` (list of ISO 639-1 codes, default all 75): the only languages reported;
/// - `min_confidence` (number 0…1, default `0`): below it the code is `und`;
/// - `alternatives` (integer 0…74, default `3`): how many runner-up languages to list;
/// - `mixed` (Boolean, default `false`): label each sentence and report each language's share.
public struct LanguageProcessorFactory: ProcessorFactory {
    /// Creates the factory.
    public init() {}

    /// `language`.
    public var name: String { "language" }

    /// The languages served.
    public var languageCoverage: String {
        "75 languages (`lector eval language` lists them)"
    }

    /// What the processor adds, for `lector processors`.
    public var summary: String {
        "Detects the document's language (75 languages, ISO 639-1, with script and confidence)"
    }

    /// The processor's options.
    public var options: [OptionDescription] {
        [
            OptionDescription(
                "languages",
                type: "list of language codes",
                default: "all",
                "Only report these languages (ISO 639-1: en, de, nb, nn, tl, …)"
            ),
            OptionDescription(
                "min_confidence",
                type: "number 0…1",
                default: "0",
                "Below this confidence the code is 'und'"
            ),
            OptionDescription(
                "alternatives",
                type: "integer 0…74",
                default: "3",
                "How many runner-up languages to list"
            ),
            OptionDescription(
                "mixed",
                type: "boolean",
                default: "false",
                "Also label each sentence: share of each language and spans"
            ),
        ]
    }

    /// `language`: later steps may use `when: {language: …}` and supported languages.
    public var provides: Set<String> { ["language"] }

    /// Creates a processor from its options.
    ///
    /// - Parameter options: The step's options; the caller rejects the ones left unread.
    /// - Returns: A ``LanguageProcessor``.
    /// - Throws: ``ProcessorError`` with code ``ProcessorError/Code/invalidOptions`` for a
    ///   bad option (an unknown language code, a number out of range), or
    ///   ``ProcessorError/Code/unavailable`` when the model is missing.
    public func makeProcessor(options: inout ProcessorOptions) throws -> any Processor {
        var languages: Set<String>?
        if let node = options.value("languages") {
            let codes = try node.stringList()
            let known = Self.supportedCodes
            for code in codes where !known.contains(code) {
                var message = "unknown language '\(code)' in languages"
                if let guess = Spelling.suggestion(for: code, among: known.sorted()) {
                    message += " (did you mean '\(guess)'?)"
                }
                throw node.error(message)
            }
            guard !codes.isEmpty else { throw node.error("languages must name at least one language") }
            languages = Set(codes)
        }
        return try LanguageProcessor(
            languages: languages,
            minimumConfidence: try options.double("min_confidence", default: 0, in: 0...1),
            alternatives: try options.int("alternatives", default: 3, in: 0...74),
            mixed: try options.bool("mixed", default: false),
            models: options.models
        )
    }

    /// The 75 ISO 639-1 codes the processor can report.
    package static let supportedCodes: Set<String> = [
        "af", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et", "eu",
        "fa", "fi", "fr", "ga", "gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka", "kk", "ko", "la",
        "lg", "lt", "lv", "mi", "mk", "mn", "mr", "ms", "nb", "nl", "nn", "pa", "pl", "pt", "ro", "ru", "sk", "sl",
        "sn", "so", "sq", "sr", "st", "sv", "sw", "ta", "te", "th", "tl", "tn", "tr", "ts", "uk", "ur", "vi", "xh",
        "yo", "zh", "zu",
    ]
}
