/// What the detector found in a stretch of text.
struct Detection: Sendable, Equatable {
    /// The candidate languages, most likely first; empty when the text has too few letters
    /// or none of the allowed languages is written in its script.
    var ranking: [LanguageScore]
    /// The script most of the letters are written in, or `nil` when there are none.
    var script: Script?
    /// The letters looked at (of the main script).
    var letters: Int

    /// The most likely language, if any.
    var best: LanguageScore? { ranking.first }
}
