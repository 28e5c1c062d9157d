/// Spots a news-agency dateline at the start of an article's body: `MOSCOW (Reuters) -`,
/// `LONDON, Feb 16 (Reuters) -`, `PARIS, 16 February -`.
///
/// The place must be written in capitals and be followed either by an agency in
/// parentheses or by a comma and a short part with a digit (the day), then a dash. The
/// dateline stays in the text; only the place is recorded.
enum DatelineDetector {
    /// The longest place name.
    static let maximumPlaceLength = 40
    /// The longest text between the place's comma and the agency or dash.
    static let maximumMiddleLength = 30

    /// The place named by a dateline at the start of `body`.
    ///
    /// - Parameter body: The start of the body text.
    /// - Returns: The place as written (`MOSCOW`), or `nil` when there is no clear dateline.
    static func place(in body: Substring) -> String? {
        var place = body.prefix { $0.isUppercase || " .-'’".contains($0) }
        while let last = place.last, " -".contains(last) { place.removeLast() }
        guard place.count <= maximumPlaceLength, place.filter(\.isLetter).count >= 2, place.first?.isLetter == true
        else { return nil }
        var rest = body[place.endIndex...]
        var hasDay = false
        if rest.first == "," {
            let middle = rest.dropFirst().prefix { $0 != "(" && !"-–—\n".contains($0) }
            guard middle.count <= maximumMiddleLength else { return nil }
            hasDay = middle.contains(where: \.isNumber)
            rest = rest[middle.endIndex...]
        }
        rest = rest.drop { $0 == " " }
        var hasAgency = false
        if rest.first == "(" {
            guard let close = rest.firstIndex(of: ")") else { return nil }
            let agency = rest[rest.index(after: rest.startIndex)..<close]
            guard !agency.isEmpty, agency.count <= maximumMiddleLength,
                agency.allSatisfy({ $0.isLetter || " .&-".contains($0) })
            else { return nil }
            hasAgency = true
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        guard hasAgency || hasDay, let dash = rest.first, "-–—".contains(dash) else { return nil }
        return String(place)
    }
}
