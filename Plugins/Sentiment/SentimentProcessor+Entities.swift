import LectorCore
import LectorText

extension SentimentProcessor {
    /// Scores each entity from the clauses that mention it.
    ///
    /// Reads the entities step's shape, `[{"text", "type", "count", "mentions": [{"start",
    /// "end", "text"}]}]` with scalar offsets. Each mention contributes the features of its
    /// segment (a clause split at `,` `:` and dashes) when that carries sentiment, else of
    /// its clause (a sentence split at `but`, `while`, `;` …), so in "Analysts praised Apple
    /// but criticised Samsung" Apple gets the praise and Samsung the criticism. A segment
    /// several mentions of one entity reach counts once, and the words of each mention
    /// are taken out (`Virgin` says nothing about Virgin Media). Only named entities are
    /// scored (PERSON, ORG, LOC, MISC, or an entity with no type): a date, an amount or a
    /// percentage is not something a text has an opinion about.
    ///
    /// - Parameters:
    ///   - entities: The `entities` annotation.
    ///   - sentences: The analysed sentences.
    /// - Returns: `{"text", "type", "score", "mentions"}` per entity with enough mentions,
    ///   in the entities step's order.
    func entityScores(_ entities: [JSONValue], sentences: [SentenceAnalysis]) -> [JSONObject] {
        var results: [JSONObject] = []
        for entity in entities {
            guard let name = entity["text"]?.stringValue, let mentions = entity["mentions"]?.arrayValue else {
                continue
            }
            if let type = entity["type"]?.stringValue, !Self.opinionTypes.contains(type) { continue }
            // A nationality adjective (`Russian`) is where something comes from, not a target.
            if entity["demonym"]?.boolValue == true { continue }
            let spans = mentions.compactMap { mention -> (start: Int, text: String)? in
                mention["start"]?.intValue.map { ($0, mention["text"]?.stringValue ?? name) }
            }
            let (features, found) = features(of: spans, sentences: sentences)
            guard found >= options.minMentions else { continue }
            let score = Double(scorer.score(features))
            var object = JSONObject()
            object["text"] = .string(name)
            if let type = entity["type"] { object["type"] = type }
            object["score"] = .double(Self.rounded(score))
            object["label"] = .string(options.label(for: score))
            object["mentions"] = .int(found)
            results.append(object)
        }
        return results
    }

    /// The features of the clauses that mention something at these places: each mention's
    /// segment when it carries sentiment, else its clause; a segment counts once, and the
    /// mention's own words are taken out (`Apple`, `Shell`, `Virgin` say nothing about them).
    ///
    /// - Parameters:
    ///   - mentions: Each mention's first scalar and its text.
    ///   - sentences: The analysed sentences.
    /// - Returns: The features, and how many mentions fell in a sentence.
    func features(
        of mentions: [(start: Int, text: String)],
        sentences: [SentenceAnalysis]
    ) -> (SentimentFeatures, Int) {
        var features = SentimentFeatures()
        var seen: Set<SegmentKey> = []
        var names: [String: SentimentFeatures] = [:]
        var found = 0
        for mention in mentions {
            guard let index = sentenceIndex(containing: mention.start, sentences) else { continue }
            found += 1
            let own = names[mention.text] ?? scorer.nameFeatures(mention.text)
            names[mention.text] = own
            for segment in sentences[index].attribution(at: mention.start, name: own)
            where seen.insert(SegmentKey(sentence: index, segment: segment)).inserted {
                features.add(sentences[index].segments[segment].features)
            }
            features.remove(own)
        }
        return (features, found)
    }

    /// The tone toward each span a caller named (``Document/targets``): `{"start", "end",
    /// "score", "label", "confidence"}` with the offsets as given, or `{"start", "end",
    /// "error"}` for a span the metadata step removed with the header.
    ///
    /// - Parameters:
    ///   - document: The document, with its targets.
    ///   - text: Its text as scalars.
    ///   - sentences: The analysed sentences.
    /// - Returns: One object per target, in the order given.
    func targetScores(_ document: Document, text: ScalarText, sentences: [SentenceAnalysis]) -> [JSONValue] {
        document.targets.map { target in
            var object = JSONObject()
            object["start"] = .int(target.given.lowerBound)
            object["end"] = .int(target.given.upperBound)
            guard let current = target.current, current.upperBound <= text.count else {
                object["error"] = .string("the span is in the header that the metadata step removed")
                return .object(object)
            }
            let (features, _) = features(of: [(current.lowerBound, text.slice(current))], sentences: sentences)
            let score = Double(scorer.score(features))
            object["score"] = .double(Self.rounded(score))
            object["label"] = .string(options.label(for: score))
            object["confidence"] = .double(Self.rounded(features.wordCount > 0 ? confidence(of: score) : 0))
            return .object(object)
        }
    }

    /// A segment of a sentence, so that each counts once per entity.
    private struct SegmentKey: Hashable {
        let sentence: Int
        let segment: Int
    }

    /// The entity types that per-entity sentiment reports.
    static let opinionTypes: Set<String> = ["PERSON", "ORG", "LOC", "MISC"]

    private func sentenceIndex(containing offset: Int, _ sentences: [SentenceAnalysis]) -> Int? {
        var low = 0
        var high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].end <= offset { low = middle + 1 } else { high = middle }
        }
        guard low < sentences.count, sentences[low].start <= offset else { return nil }
        return low
    }
}
