import LectorText

/// Where an article's dateline stands in its text: the place, the date and the agency
/// credit (`LONDON, Feb 16 (Reuters) -`, `BERLIN (dpa) -`), as the metadata step read them
/// (`metadata.dateline`, `metadata.agency`). Its mentions say where and by whom the
/// article was filed, not what it is about, so they weigh little in salience
/// (``MentionGrouper``); its place is a place even where a tagger missed it (`BERLIN`).
struct DatelineSpan: Equatable {
    /// The place's scalars.
    var place: Range<Int>
    /// The whole dateline's: from the place to the end of the agency credit.
    var whole: Range<Int>

    /// How far after the place the agency credit may end: `MADRID, 3 de marzo de 2026 (EFE)`.
    static let creditReach = 80

    /// Finds the dateline: the place, written as the metadata has it at the start of a line,
    /// to the end of the agency credit that follows within ``creditReach`` scalars (or to
    /// the end of the place when there is none).
    ///
    /// - Parameters:
    ///   - text: The document's text.
    ///   - place: `metadata.dateline`.
    ///   - agency: `metadata.agency`, if any.
    /// - Returns: The dateline, or `nil` when the place does not start a line of the text.
    static func find(in text: ScalarText, place: String, agency: String?) -> DatelineSpan? {
        let placeScalars = Array(place.unicodeScalars)
        guard !placeScalars.isEmpty else { return nil }
        var from = 0
        while let found = text.scalars[from...].firstRange(of: placeScalars) {
            if startsLine(found.lowerBound, text) {
                return DatelineSpan(place: found, whole: found.lowerBound..<creditEnd(after: found, agency, in: text))
            }
            from = found.lowerBound + 1
        }
        return nil
    }

    /// The end of the agency credit within ``creditReach`` scalars after the place, or the
    /// place's end when there is none.
    private static func creditEnd(after place: Range<Int>, _ agency: String?, in text: ScalarText) -> Int {
        guard let agency, !agency.isEmpty else { return place.upperBound }
        let reach = place.upperBound..<min(place.upperBound + creditReach, text.count)
        return text.scalars[reach].firstRange(of: Array(agency.unicodeScalars))?.upperBound ?? place.upperBound
    }

    /// Whether a position is the start of the text or of a line (after spaces).
    private static func startsLine(_ position: Int, _ text: ScalarText) -> Bool {
        var index = position - 1
        while index >= 0, text.scalars[index] == " " || text.scalars[index] == "\t" { index -= 1 }
        return index < 0 || text.scalars[index] == "\n" || text.scalars[index] == "\r"
    }

    /// The mentions with the place added as a ``EntityType/location`` where no mention
    /// overlaps it.
    ///
    /// - Parameter mentions: The mentions, in text order.
    /// - Returns: The mentions, in text order.
    func addingPlace(to mentions: [EntityMention]) -> [EntityMention] {
        guard !mentions.contains(where: { $0.range.overlaps(place) }) else { return mentions }
        return (mentions + [EntityMention(start: place.lowerBound, end: place.upperBound, type: .location)])
            .sorted { $0.start < $1.start }
    }
}
