package import LectorCore
import LectorText

/// The built-in `language` processor: tells which language a document is written in.
///
/// Writes `annotations["language"]`:
/// `{"code": "de", "name": "German", "script": "Latn", "confidence": 0.97,
///   "alternatives": [{"code": "nl", "confidence": 0.02}]}`, with `"code": "und"` when the
/// text has too few letters or the best guess is below the minimum confidence. A long
/// document is read through a bounded sample: its first ``earlyWindowBytes``, and only when
/// that leaves the answer below ``earlyConfidence``, three such windows (start, middle, end), so
/// the cost is flat. With `mixed`, every sentence is labelled too and the field gains
/// `mixed: {languages: [{code, share, sentences}], spans: [{start, end, code}]}`.
package struct LanguageProcessor: Processor {
    /// A document longer than this many UTF-8 bytes is read through three windows.
    package static let sampleWindowBytes = 320

    /// How much of a long document's start is read first, in UTF-8 bytes.
    static let earlyWindowBytes = 120

    /// A confidence on the first window of a long document that settles it.
    static let earlyConfidence = 0.999

    let detector: LanguageDetector
    let minimumConfidence: Double
    let alternatives: Int
    let mixed: Bool
    /// The model files the detector was loaded from.
    package let modelVersions: [ModelVersion]

    /// Creates a processor.
    ///
    /// - Parameters:
    ///   - languages: The codes that may be reported, or `nil` for all the model knows.
    ///   - minimumConfidence: Below this confidence the code is `und`.
    ///   - alternatives: How many runner-up languages to list.
    ///   - mixed: Whether to label each sentence and report the share of each language.
    ///   - priors: Per-language score offsets by code, or `nil` for the shipped ones
    ///     (`Models/language/priors.txt`).
    ///   - models: Where the model files are loaded.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when the model is
    ///   missing or damaged.
    package init(
        languages: Set<String>? = nil,
        minimumConfidence: Double = 0,
        alternatives: Int = 3,
        mixed: Bool = false,
        priors: [String: Double]? = nil,
        models: ModelCache
    ) throws {
        let loaded = try LanguageModelFiles.load(from: models)
        detector = LanguageDetector(
            model: loaded.value.ngrams,
            words: loaded.value.words,
            languages: languages,
            priors: priors ?? loaded.value.priors
        )
        modelVersions = loaded.versions
        self.minimumConfidence = minimumConfidence
        self.alternatives = alternatives
        self.mixed = mixed
    }

    /// Adds `annotations["language"]`.
    ///
    /// - Parameters:
    ///   - document: The document so far.
    ///   - context: Unused.
    /// - Returns: The document with its language.
    package func process(_ document: Document, context: ProcessingContext) -> Document {
        var result = document
        result.annotations["language"] = .object(annotate(document.text))
        return result
    }

    /// The `language` field for a text.
    ///
    /// - Parameter text: The text.
    /// - Returns: The field's members.
    func annotate(_ text: String) -> JSONObject {
        var detection: Detection?
        if text.utf8.count > Self.sampleWindowBytes * 3 {
            let first = ScalarText(String(text[..<Self.boundary(in: text, atOrAfter: Self.earlyWindowBytes)]))
            let early = detector.detect(first, in: [0..<first.count])
            if let best = early.best, best.confidence >= Self.earlyConfidence { detection = early }
        }
        if detection == nil {
            let sample = ScalarText(Self.sample(text))
            detection = detector.detect(sample, in: [0..<sample.count])
        }
        var field = describe(detection ?? Detection(ranking: [], script: nil, letters: 0))
        if mixed {
            field["mixed"] = .object(describeMixed(ScalarText(text)))
        }
        return field
    }

    /// The code a detection comes to: the best language, or `und`.
    func code(of detection: Detection) -> String {
        guard let best = detection.best, best.confidence >= minimumConfidence else { return "und" }
        return best.code
    }

    private func describe(_ detection: Detection) -> JSONObject {
        let code = code(of: detection)
        var field = JSONObject()
        field["code"] = .string(code)
        field["name"] = .string(code == "und" ? LanguageNames.undetermined : LanguageNames.name(of: code))
        field["script"] = detection.script.map { .string($0.code) } ?? .null
        field["confidence"] = .double(Self.rounded(detection.best?.confidence ?? 0))
        let others =
            code == "und" ? detection.ranking.prefix(alternatives) : detection.ranking.dropFirst().prefix(alternatives)
        field["alternatives"] = .array(
            others.map {
                .object(JSONObject([("code", .string($0.code)), ("confidence", .double(Self.rounded($0.confidence)))]))
            }
        )
        return field
    }

    /// The text itself when short; otherwise its start, middle and end windows.
    static func sample(_ text: String) -> String {
        let utf8 = text.utf8
        let window = sampleWindowBytes
        guard utf8.count > window * 3 else { return text }
        var parts: [Substring] = []
        for start in [0, utf8.count / 2 - window / 2, utf8.count - window] {
            let lower = boundary(in: text, atOrAfter: start)
            let upper = boundary(in: text, atOrAfter: start + window)
            parts.append(text[lower..<upper])
        }
        return parts.joined(separator: "\n")
    }

    private static func boundary(in text: String, atOrAfter offset: Int) -> String.Index {
        var index = text.utf8.index(text.utf8.startIndex, offsetBy: min(offset, text.utf8.count))
        while index < text.utf8.endIndex, index.samePosition(in: text.unicodeScalars) == nil {
            index = text.utf8.index(after: index)
        }
        return index
    }

    static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}
