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
        guard !placeScalars.isEmpty,
            let start = firstOccurrence(of: placeScalars, in: text.scalars, from: 0, where: { startsLine($0, text) })
        else { return nil }
        var end = start + placeScalars.count
        if let agency, !agency.isEmpty {
            let agencyScalars = Array(agency.unicodeScalars)
            if let credit = firstOccurrence(of: agencyScalars, in: text.scalars, from: end, where: { _ in true }),
                credit + agencyScalars.count <= start + placeScalars.count + creditReach
            {
                end = credit + agencyScalars.count
            }
        }
        return DatelineSpan(place: start..<start + placeScalars.count, whole: start..<end)
    }

    /// The mentions with the place added as a ``EntityType/location`` where no mention
    /// overlaps it.
    ///
    /// - Parameter mentions: The mentions, in text order.
    /// - Returns: The mentions, in text order.
    func addingPlace(to mentions: [EntityMention]) -> [EntityMention] {
        guard !mentions.contains(where: { $0.start < place.upperBound && place.lowerBound < $0.end }) else {
            return mentions
        }
        return (mentions + [EntityMention(start: place.lowerBound, end: place.upperBound, type: .location)])
            .sorted { $0.start < $1.start }
    }

    /// Whether a position is the start of the text or of a line (after spaces).
    private static func startsLine(_ position: Int, _ text: ScalarText) -> Bool {
        var index = position - 1
        while index >= 0, text.scalars[index] == " " || text.scalars[index] == "\t" { index -= 1 }
        return index < 0 || text.scalars[index] == "\n" || text.scalars[index] == "\r"
    }

    private static func firstOccurrence(
        of needle: [Unicode.Scalar],
        in haystack: [Unicode.Scalar],
        from start: Int,
        where accepted: (Int) -> Bool
    ) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        for position in start...(haystack.count - needle.count)
        where haystack[position] == needle[0] && haystack[position..<position + needle.count].elementsEqual(needle)
            && accepted(position)
        {
            return position
        }
        return nil
    }
}
