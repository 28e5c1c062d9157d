package import LectorCore
import LectorText

/// The `summary` step: picks the sentences of the article that best stand for the whole.
///
/// Writes `annotations["summary"]`:
/// `{"sentences": [{"start", "end", "text", "score"}, …], "text": "…"}` — whole sentences of
/// the article in document order, offsets counting Unicode scalars into the text
/// (half-open), `score` the sentence's score relative to the best picked one (0…1), and
/// `text` the sentences joined by spaces. Page furniture (see ``FurnitureDetector``) is
/// never picked. An article with fewer sentences than asked gives what it has; an empty
/// one gives an empty list. The processor never throws.
///
/// Sentences come from ``SentenceSplitter``; stop words from the lists of the language a
/// language step found, else of the language whose list the text matches best, else a
/// frequency rule (see ``ArticleAnalysis``). The title (`metadata.title`) and the entities
/// of an `entities` step, when present, raise the sentences that share their words.
package struct SummaryProcessor: Processor {
    /// How long the summary is.
    package var length: SummaryLength
    /// How sentences are scored.
    package var weights: ScoringWeights
    /// The stop-word lists.
    package var stopWords: StopWordLists
    /// The languages to summarise (option `languages`), or `nil` for all.
    package var languages: Set<String>?
    /// The model files the weights and stop words came from.
    package var modelVersions: [ModelVersion]

    /// Creates a processor.
    ///
    /// - Parameters:
    ///   - length: The summary's length.
    ///   - weights: The scoring weights.
    ///   - stopWords: The stop-word lists.
    ///   - languages: The languages to summarise, or `nil` for all.
    ///   - modelVersions: The model files the weights and stop words came from.
    package init(
        length: SummaryLength = SummaryLength(),
        weights: ScoringWeights,
        stopWords: StopWordLists,
        languages: Set<String>? = nil,
        modelVersions: [ModelVersion] = []
    ) {
        self.length = length
        self.weights = weights
        self.stopWords = stopWords
        self.languages = languages
        self.modelVersions = modelVersions
    }

    /// Creates a processor with the shipped weights and stop words.
    ///
    /// - Parameters:
    ///   - length: The summary's length.
    ///   - languages: The languages to summarise, or `nil` for all.
    ///   - models: Where the model files are loaded.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when the model
    ///   files are missing or malformed.
    package init(length: SummaryLength = SummaryLength(), languages: Set<String>? = nil, models: ModelCache) throws {
        let weights = try ScoringWeights.shipped(from: models)
        let stopWords = try StopWordLists.shipped(from: models)
        self.init(
            length: length,
            weights: weights.value,
            stopWords: stopWords.value,
            languages: languages,
            modelVersions: weights.versions + stopWords.versions
        )
    }

    /// The languages given in the options, or `nil` for all.
    package var supportedLanguages: Set<String>? { languages }

    /// Adds `summary` to the document.
    ///
    /// - Parameters:
    ///   - document: The document.
    ///   - context: Per-document context: its memo shares the text analysis with other steps.
    /// - Returns: The document with `annotations["summary"]`.
    package func process(_ document: Document, context: ProcessingContext) -> Document {
        var document = document
        let picked = summarize(document, memo: context.memo)
        let best = picked.map(\.score).max() ?? 0
        var sentences: [JSONValue] = []
        var joined = ""
        for pick in picked {
            let relative = best > 0 ? (max(pick.score, 0) / best * 1000).rounded() / 1000 : 0
            sentences.append(
                [
                    "start": .int(pick.range.lowerBound), "end": .int(pick.range.upperBound),
                    "text": .string(pick.text), "score": .double(relative),
                ]
            )
            if !joined.isEmpty { joined += " " }
            joined += pick.text
        }
        document.annotations["summary"] = ["sentences": .array(sentences), "text": .string(joined)]
        return document
    }

    /// One picked sentence.
    package struct Pick: Sendable, Equatable {
        /// Its range of scalar offsets into the document's text.
        package var range: Range<Int>
        /// Its text.
        package var text: String
        /// Its raw score.
        package var score: Double
    }

    /// The sentences to keep, in document order.
    ///
    /// - Parameters:
    ///   - document: The document.
    ///   - memo: Where the text analysis is shared with the document's other steps.
    /// - Returns: The picks.
    package func summarize(_ document: Document, memo: DocumentMemo) -> [Pick] {
        let analysis = ArticleAnalysis(
            analysis: memo.value(TextAnalysis.self, of: document.text, TextAnalysis.init),
            title: document.metadata["title"]?.stringValue,
            language: document.languageCode,
            stopWords: stopWords
        )
        guard !analysis.items.isEmpty else { return [] }
        let mentions = Self.entityWeights(document.annotations["entities"], items: analysis.items)
        let scores = SentenceScorer(weights: weights).scores(analysis, entityMentions: mentions)
        let chosen = SentenceSelector(length: length, redundancy: weights.redundancy).select(analysis, scores: scores)
        return chosen.map { index in
            let item = analysis.items[index]
            return Pick(range: item.range, text: analysis.text.slice(item.range), score: scores[index] ?? 0)
        }
    }

    /// Per sentence, the entity mentions inside it, each weighted by `log(1 + count)` of its
    /// entity.
    static func entityWeights(_ entities: JSONValue?, items: [ArticleAnalysis.Item]) -> [Double] {
        guard let list = entities?.arrayValue, !list.isEmpty, !items.isEmpty else { return [] }
        var weights = [Double](repeating: 0, count: items.count)
        let starts = items.map(\.range.lowerBound)
        for entity in list {
            let count = Double(entity["count"]?.intValue ?? 1)
            for mention in entity["mentions"]?.arrayValue ?? [] {
                guard let start = mention["start"]?.intValue else { continue }
                var low = 0
                var high = starts.count
                while low < high {
                    let middle = (low + high) / 2
                    if starts[middle] <= start { low = middle + 1 } else { high = middle }
                }
                let index = low - 1
                if index >= 0, items[index].range.contains(start) { weights[index] += (1 + count).squareRoot() }
            }
        }
        return weights
    }
}
