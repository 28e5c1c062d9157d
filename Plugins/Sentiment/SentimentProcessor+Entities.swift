package import LectorCore
import LectorText

extension SentimentProcessor {
    /// Scores each entity from the sentences that mention it.
    ///
    /// Reads the entities step's shape, `[{"text", "type", "count", "mentions": [{"start",
    /// "end", "text"}]}]` with scalar offsets. A person, with a target layer (the default
    /// model, trained on the tone toward people in political news), gets the layer's tone
    /// toward each mention in its sentence (``TargetFeatures``: the words around it by side
    /// and distance), and the mean of its mentions' tones: `score` is `positive - negative`,
    /// `label` the most probable class. For other entities (the layer does worse than the
    /// clauses on companies in financial headlines: SemEval r 0.52 against 0.62), and
    /// without a target layer, each mention contributes the features of its
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
    ///   - analysis: The text, its tokens and sentences.
    /// - Returns: `{"text", "type", "score", "label", "mentions"}` per entity with enough
    ///   mentions, in the entities step's order.
    func entityScores(_ entities: [JSONValue], sentences: [SentenceAnalysis], analysis: TextAnalysis) -> [JSONObject] {
        var results: [JSONObject] = []
        for entity in entities {
            guard let name = entity["text"]?.stringValue, let mentions = entity["mentions"]?.arrayValue else {
                continue
            }
            if let type = entity["type"]?.stringValue, !Self.opinionTypes.contains(type) { continue }
            // A nationality adjective (`Russian`) is where something comes from, not a target.
            if entity["demonym"]?.boolValue == true { continue }
            var object = JSONObject()
            object["text"] = .string(name)
            if let type = entity["type"] { object["type"] = type }
            if scorer.targetLayer != nil, entity["type"]?.stringValue == "PERSON" {
                let spans = mentions.compactMap { mention -> Range<Int>? in
                    guard let start = mention["start"]?.intValue, let end = mention["end"]?.intValue, start < end
                    else { return nil }
                    return start..<end
                }
                // A name's own features once per distinct mention text, not per mention.
                var names: [String: SentimentFeatures] = [:]
                let tones = spans.compactMap { span -> TargetTone? in
                    let written = analysis.text.slice(span)
                    let own = names[written] ?? scorer.nameFeatures(written)
                    names[written] = own
                    return self.tone(toward: span, sentences: sentences, analysis: analysis, name: own)
                }
                guard tones.count >= options.minMentions, !tones.isEmpty else { continue }
                let mean = TargetTone.mean(tones)
                object["score"] = .double(Self.rounded(Double(mean.score)))
                object["label"] = .string(mean.label)
                object["mentions"] = .int(tones.count)
            } else {
                let (features, found) = clauseFeatures(of: entity, sentences: sentences)
                guard found >= options.minMentions else { continue }
                let score = Double(scorer.score(features))
                object["score"] = .double(Self.rounded(score))
                object["label"] = .string(options.label(for: score))
                object["mentions"] = .int(found)
            }
            results.append(object)
        }
        return results
    }

    /// The features the clause reading scores an entity of the entities step's shape by
    /// (``features(of:sentences:)`` over its mentions; a mention without text is the
    /// entity's `text`).
    ///
    /// - Parameters:
    ///   - entity: `{"text", "mentions": [{"start", "text"}]}`.
    ///   - sentences: The analysed sentences.
    /// - Returns: The features, and how many mentions fell in a sentence.
    package func clauseFeatures(of entity: JSONValue, sentences: [SentenceAnalysis]) -> (SentimentFeatures, Int) {
        let name = entity["text"]?.stringValue ?? ""
        let spans = (entity["mentions"]?.arrayValue ?? []).compactMap { mention -> (start: Int, text: String)? in
            mention["start"]?.intValue.map { ($0, mention["text"]?.stringValue ?? name) }
        }
        return features(of: spans, sentences: sentences)
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

    /// The target layer's tone toward a span, in the sentence that holds its start.
    ///
    /// - Parameters:
    ///   - span: The span's scalar offsets.
    ///   - sentences: The analysed sentences.
    ///   - analysis: The text, its tokens and sentences.
    ///   - name: The features of the span's own words, when the caller has them.
    /// - Returns: The tone, or `nil` without a target layer or when no sentence holds it.
    func tone(
        toward span: Range<Int>,
        sentences: [SentenceAnalysis],
        analysis: TextAnalysis,
        name: SentimentFeatures? = nil
    ) -> TargetTone? {
        guard let index = sentenceIndex(containing: span.lowerBound, sentences) else { return nil }
        return scorer.tone(toward: span, in: sentences[index], tokens: analysis.tokens, text: analysis.text, name: name)
    }

    /// The tone toward each span a caller named (``Document/targets``): `{"start", "end",
    /// "score", "label", "confidence"}` with the offsets as given, or `{"start", "end",
    /// "error"}` for a span the metadata step removed with the header. With a target layer,
    /// `label` is the most probable class and `confidence` its probability.
    ///
    /// - Parameters:
    ///   - document: The document, with its targets.
    ///   - sentences: The analysed sentences.
    ///   - analysis: The text, its tokens and sentences.
    /// - Returns: One object per target, in the order given.
    func targetScores(_ document: Document, sentences: [SentenceAnalysis], analysis: TextAnalysis) -> [JSONValue] {
        let text = analysis.text
        return document.targets.map { target -> JSONValue in
            var object = JSONObject()
            object["start"] = .int(target.given.lowerBound)
            object["end"] = .int(target.given.upperBound)
            guard let current = target.current, current.upperBound <= text.count else {
                object["error"] = .string("the span is in the header that the metadata step removed")
                return .object(object)
            }
            if current.lowerBound < current.upperBound,
                let tone = self.tone(toward: current, sentences: sentences, analysis: analysis)
            {
                object["score"] = .double(Self.rounded(Double(tone.score)))
                object["label"] = .string(tone.label)
                object["confidence"] = .double(Self.rounded(Double(tone.confidence)))
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
