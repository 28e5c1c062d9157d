package import LectorCore
import LectorText

/// The built-in `sentiment` processor: the article's tone, per sentence and per entity.
///
/// Writes `annotations["sentiment"]`:
/// ```
/// {"score": -0.42, "label": "negative", "confidence": 0.81,
///  "sentences": [{"start": 0, "end": 171, "score": -0.1, "label": "neutral"}, …],
///  "entities": [{"text": "NATO", "type": "ORG", "score": -0.35, "mentions": 4}, …]}
/// ```
/// `score` is in -1…1; `label` is `positive`, `neutral` or `negative` (see
/// ``SentimentOptions/neutralBand``); `confidence` (0…1) grows with the distance from the
/// nearest label boundary and is 0 for text with no words. Sentence offsets count Unicode
/// scalars into the text, half-open. `entities` scores each entity of
/// `annotations["entities"]`, when the entities step ran first and `per_entity` is on: a
/// person by the target layer (the tone toward each mention in its sentence), anything
/// else from the clauses (or the comma-separated parts of them that carry sentiment of
/// their own) that mention it. `targets` gives the target layer's tone toward each span a
/// caller named. English has the full model; German, Spanish, French, Italian, Dutch,
/// Portuguese and Russian a lexicon read by the same rules (`sentiment/<code>.tsv`), with
/// per-entity tone from the clauses; the document's language (from the `language` step or
/// `metadata.language`) picks the scorer.
package struct SentimentProcessor: Processor {
    /// The options.
    package let options: SentimentOptions
    /// The English scorer: lexicon, rules, learned layer and target layer.
    package let scorer: SentimentScorer
    /// The rule scorers of the other languages served, by code.
    let otherScorers: [String: SentimentScorer]
    /// The model files the scorers were loaded from.
    package let modelVersions: [ModelVersion]

    /// Creates a processor, loading the model through a cache.
    ///
    /// - Parameters:
    ///   - options: The options.
    ///   - models: Where the model files are loaded.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when the model
    ///   files are missing or malformed.
    package init(options: SentimentOptions = SentimentOptions(), models: ModelCache) throws {
        let loaded = try SentimentModel.load(from: models)
        var others: [String: SentimentScorer] = [:]
        var versions = loaded.versions
        // By default every language whose lexicon is there: a distribution without the
        // GPL-licensed lexicons still scores English.
        let wanted =
            options.languages ?? SentimentModel.otherLanguages.filter { models.contains("sentiment/\($0).tsv") }
        for language in wanted where language != "en" {
            let other = try SentimentModel.load(language: language, from: models)
            others[language] = other.value
            versions += other.versions
        }
        self.init(options: options, scorer: loaded.value, otherScorers: others, modelVersions: versions)
    }

    /// Creates a processor with given scorers.
    ///
    /// - Parameters:
    ///   - options: The options.
    ///   - scorer: The English scorer.
    ///   - otherScorers: The other languages' scorers, by code.
    ///   - modelVersions: The model files they came from.
    package init(
        options: SentimentOptions,
        scorer: SentimentScorer,
        otherScorers: [String: SentimentScorer] = [:],
        modelVersions: [ModelVersion] = []
    ) {
        self.options = options
        self.scorer = scorer
        self.otherScorers = otherScorers
        self.modelVersions = modelVersions
    }

    /// English, and each other language with a lexicon that ``SentimentOptions/languages`` names.
    package var supportedLanguages: Set<String>? { Set(otherScorers.keys).union(["en"]) }

    /// A processor that scores every document with one language's scorer (for evaluation).
    ///
    /// - Parameter language: The language's code.
    /// - Returns: The processor, or `nil` when it does not serve the language.
    package func only(_ language: String) -> SentimentProcessor? {
        if language == "en" { return SentimentProcessor(options: options, scorer: scorer) }
        return otherScorers[language].map { SentimentProcessor(options: options, scorer: $0) }
    }

    /// Adds `annotations["sentiment"]`.
    ///
    /// - Parameters:
    ///   - document: The document so far.
    ///   - context: Per-document context: its memo shares the text analysis with other steps.
    /// - Returns: The document with `sentiment` added.
    package func process(_ document: Document, context: ProcessingContext) -> Document {
        var result = document
        result.annotations["sentiment"] = .object(annotation(for: document, memo: context.memo))
        return result
    }

    /// The `sentiment` annotation of a document.
    ///
    /// - Parameters:
    ///   - document: The document.
    ///   - memo: Where the text analysis is shared with the document's other steps.
    /// - Returns: The annotation's object.
    package func annotation(for document: Document, memo: DocumentMemo) -> JSONObject {
        let analysis = memo.value(TextAnalysis.self, of: document.text, TextAnalysis.init)
        // The chain skips a known language this processor does not serve; called directly
        // (evaluation), such a document gets the English scorer.
        let language = document.resolvedLanguageCode
        let processor = language.flatMap { $0 == "en" ? nil : only($0) } ?? self
        return processor.annotation(for: document, analysis: analysis)
    }

    private func annotation(for document: Document, analysis: TextAnalysis) -> JSONObject {
        let sentences = scorer.analyze(analysis.text, tokens: analysis.tokens, sentences: analysis.sentences)
        let features = scorer.documentFeatures(sentences)
        let score = Double(scorer.score(features))
        var object = JSONObject()
        object["score"] = .double(Self.rounded(score))
        object["label"] = .string(options.label(for: score))
        object["confidence"] = .double(Self.rounded(features.wordCount > 0 ? confidence(of: score) : 0))
        if options.sentences {
            object["sentences"] = .array(
                sentences.map { sentence in
                    let value = Double(scorer.score(sentence.features))
                    return [
                        "start": .int(sentence.start), "end": .int(sentence.end),
                        "score": .double(Self.rounded(value)), "label": .string(options.label(for: value)),
                    ]
                }
            )
        }
        if options.perEntity, let entities = document.annotations["entities"]?.arrayValue {
            object["entities"] = .array(
                entityScores(entities, sentences: sentences, analysis: analysis).map(JSONValue.object)
            )
        }
        if !document.targets.isEmpty {
            object["targets"] = .array(targetScores(document, sentences: sentences, analysis: analysis))
        }
        return object
    }

    /// 0.5 at a label boundary, rising to 1 one band-width or more inside a polar label,
    /// and to 1 at the middle of the neutral band.
    func confidence(of score: Double) -> Double {
        let band = options.neutralBand
        let magnitude = abs(score)
        guard band > 0 else { return min(1, 0.5 + magnitude) }
        if magnitude < band { return 0.5 + 0.5 * (1 - magnitude / band) }
        return min(1, 0.5 + 0.5 * (magnitude - band) / max(band, 0.25))
    }

    static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
