import LectorCore
import LectorSentiment

/// One line of a sentiment data file (`{"id", "set", "text", "score_norm", "label"}`).
package struct SentimentRecord: Sendable, Equatable {
    /// The record's id.
    package var id: String
    /// The set it belongs to (the file's name without `.dev.jsonl` when absent).
    package var set: String
    /// The text.
    package var text: String
    /// The human score in -1…1, when the set has one.
    package var score: Double?
    /// The gold label (`positive`, `neutral`, `negative`).
    package var label: String
    /// What the score is about, when the set rates the sentiment towards something named
    /// in the text (SemEval headlines: a company); `nil` for the text's overall sentiment.
    package var target: String?
    /// Where the target is in the text (`target_start`, `target_end`, or `entity_start`,
    /// `entity_end`: scalar offsets), when the set gives it (NewsMTSC, RuSentNE: the tone
    /// toward a person or an organisation).
    package var targetSpan: Range<Int>?

    /// Reads one JSON line; `nil` when it is not a record with a text and a label.
    ///
    /// - Parameters:
    ///   - line: The line's bytes.
    ///   - fallbackSet: The set name to use when the record has none.
    package init?(line: some Collection<UInt8>, fallbackSet: String) {
        guard let value = try? JSONValue.parse(line), let text = value["text"]?.stringValue,
            let label = value["label"]?.stringValue
        else { return nil }
        id = value["id"]?.stringValue ?? ""
        set = value["set"]?.stringValue ?? fallbackSet
        self.text = text
        score = value["score_norm"]?.doubleValue
        self.label = label
        target = value["target"]?.stringValue
        if let start = (value["target_start"] ?? value["entity_start"])?.intValue,
            let end = (value["target_end"] ?? value["entity_end"])?.intValue, 0 <= start,
            start < end, end <= text.unicodeScalars.count
        {
            targetSpan = start..<end
        }
    }

    /// Whether the record is in the fifth held out from training the learned layers: the
    /// first byte of SHA-256 of its id is divisible by 5 (`Tools/sentiment/train.py` uses
    /// the same rule). For a record rated toward a target (a ``targetSpan`` or a named
    /// ``target``), of its text instead, so that a sentence rated toward several people, or
    /// a headline toward several companies, is all on one side.
    package var isHeldOut: Bool {
        let key = targetSpan == nil && target == nil ? id : text
        return (SHA256.digest(Array(key.utf8)).first ?? 0) % 5 == 0
    }
}
