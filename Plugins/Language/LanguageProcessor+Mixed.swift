import LectorCore
import LectorText

extension LanguageProcessor {
    /// The most sentences labelled in `mixed` mode; later ones count toward no language.
    static let maximumMixedSentences = 2_000

    /// The fewest letters a sentence needs to be labelled on its own; shorter sentences join
    /// the span around them.
    static let minimumSentenceLetters = 12

    /// Labels each sentence and sums the share of each language.
    ///
    /// - Parameter text: The whole document.
    /// - Returns: `languages` (code, share of the labelled sentences' scalars, sentence
    ///   count; largest share first) and `spans` (runs of sentences in one language, with
    ///   half-open scalar offsets; an unlabelled sentence joins the run before it).
    func describeMixed(_ text: ScalarText) -> JSONObject {
        var spans: [(start: Int, end: Int, code: String)] = []
        var totals: [String: (scalars: Int, sentences: Int)] = [:]
        var pendingStart: Int?
        for sentence in SentenceSplitter.split(text).prefix(Self.maximumMixedSentences) {
            let detection = detector.detect(text, in: [sentence.range])
            let code = detection.letters >= Self.minimumSentenceLetters ? code(of: detection) : "und"
            guard code != "und" else {
                if let last = spans.indices.last {
                    spans[last].end = sentence.end
                } else if pendingStart == nil {
                    pendingStart = sentence.start
                }
                continue
            }
            var total = totals[code] ?? (0, 0)
            total.scalars += sentence.end - sentence.start
            total.sentences += 1
            totals[code] = total
            if let last = spans.indices.last, spans[last].code == code {
                spans[last].end = sentence.end
            } else {
                spans.append((pendingStart ?? sentence.start, sentence.end, code))
                pendingStart = nil
            }
        }
        let labelled = max(1, totals.values.reduce(0) { $0 + $1.scalars })
        let languages = totals.sorted { ($1.value.scalars, $0.key) < ($0.value.scalars, $1.key) }
        var field = JSONObject()
        field["languages"] = .array(
            languages.map { entry in
                .object(
                    JSONObject([
                        ("code", .string(entry.key)),
                        ("share", .double(Self.rounded(Double(entry.value.scalars) / Double(labelled)))),
                        ("sentences", .int(entry.value.sentences)),
                    ])
                )
            }
        )
        field["spans"] = .array(
            spans.map { span in
                .object(
                    JSONObject([("start", .int(span.start)), ("end", .int(span.end)), ("code", .string(span.code))])
                )
            }
        )
        return field
    }
}
