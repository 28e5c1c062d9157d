import LectorText

/// Spots a news dateline at the start of an article's body: `MOSCOW (Reuters) -`,
/// `LONDON, Feb 16 (Reuters) -`, `PARIS, 16 February -`, `BERLIN, 3 March 2024 (dpa) -`,
/// the title-case form with a full date, `Berlin, 3 March 2024.`, the German agency form
/// `Berlin (dpa) -`, Spanish `Madrid, 3 mar (EFE).-`, and the Italian agency-first
/// `(ANSA) - ROMA, 3 MAR -`.
///
/// A place in capitals must be followed by an agency in parentheses, or by a comma and a
/// short part with a digit (the day), then a dash. A place in title case (one to three
/// capitalised words) must be followed by a comma and a complete date with its year, then a
/// full stop or colon, or an optional agency and a dash — so `Berlin, the capital, …` is
/// never a dateline. The dateline stays in the text; its place, agency and (complete) date
/// are recorded.
enum DatelineDetector {
    /// The longest place name.
    static let maximumPlaceLength = 40
    /// The longest text between the place's comma and the agency or dash.
    static let maximumMiddleLength = 30

    /// What a dateline says.
    struct Dateline: Equatable {
        /// The place as written (`MOSCOW`, `Berlin`).
        var place: String
        /// The agency credited (`Reuters`, `dpa`), if any.
        var agency: String?
        /// The date as written, when it is complete (has a year).
        var date: String?
    }

    /// The place named by a dateline at the start of `body`.
    ///
    /// - Parameter body: The start of the body text.
    /// - Returns: The place as written (`MOSCOW`), or `nil` when there is no clear dateline.
    static func place(in body: Substring) -> String? {
        detect(in: body, normalizer: DateNormalizer())?.place
    }

    /// The dateline at the start of `body`, if there is a clear one.
    ///
    /// - Parameters:
    ///   - body: The start of the body text.
    ///   - normalizer: How dates are read.
    /// - Returns: The dateline's parts, or `nil`.
    static func detect(in body: Substring, normalizer: DateNormalizer) -> Dateline? {
        // `(ANSA) - ROMA, 3 MAR -`: the agency first, then the dateline.
        if body.first == "(", let close = body.firstIndex(of: ")"),
            let name = agencyName(body[body.index(after: body.startIndex)..<close])
        {
            let rest = body[body.index(after: close)...].drop { $0 == " " }
            guard let dash = rest.first, "-–—".contains(dash) else { return nil }
            guard var inner = detect(in: rest.dropFirst().drop { $0 == " " }, normalizer: normalizer) else {
                return nil
            }
            inner.agency = inner.agency ?? name
            return inner
        }
        if let place = capitalsPlace(body) {
            var rest = body[place.endIndex...]
            var hasDay = false
            var date: String?
            if rest.first == "," {
                let middle = rest.dropFirst().prefix { $0 != "(" && !"-–—\n".contains($0) }
                guard middle.count <= maximumMiddleLength else { return nil }
                hasDay = middle.contains(where: \.isNumber)
                date = completeDate(atStartOf: middle.drop { $0 == " " }, normalizer)?.raw
                rest = rest[middle.endIndex...]
            }
            return ending(rest, place: place, date: date, hasDay: hasDay)
        }
        if let place = titleCasePlace(body, before: " (") {
            // `Berlin (dpa) -`: a title-case place needs its agency.
            return ending(body[place.endIndex...], place: place, date: nil, hasDay: false)
        }
        guard let place = titleCasePlace(body) else { return nil }
        let written = body[place.endIndex...].dropFirst().drop { $0 == " " }
        guard let (raw, end) = completeDate(atStartOf: written, normalizer) else {
            // `Madrid, 3 mar (EFE).-`: a day without its year needs the agency.
            let middle = written.prefix { $0 != "(" && !"\n-–—".contains($0) }
            guard middle.count <= maximumMiddleLength, middle.contains(where: \.isNumber),
                let dateline = ending(written[middle.endIndex...], place: place, date: nil, hasDay: true),
                dateline.agency != nil
            else { return nil }
            return dateline
        }
        let after = written[end...].drop { $0 == " " }
        if let mark = after.first, ".:".contains(mark) {
            return Dateline(place: String(place), agency: nil, date: raw)
        }
        return ending(after, place: place, date: raw, hasDay: true)
    }

    /// A place in capitals (`NEW YORK`), up to where the dateline goes on.
    private static func capitalsPlace(_ body: Substring) -> Substring? {
        var place = body.prefix { $0.isUppercase || " .-'’".contains($0) }
        while let last = place.last, " -".contains(last) { place.removeLast() }
        guard place.count <= maximumPlaceLength, place.filter(\.isLetter).count >= 2, place.first?.isLetter == true,
            place.last?.isLetter == true, body[place.endIndex...].first?.isLowercase != true
        else { return nil }
        return place
    }

    /// One to three capitalised words (`Berlin`, `New York`) directly followed by `mark`
    /// (a comma, or ` (` before an agency).
    private static func titleCasePlace(_ body: Substring, before mark: String = ",") -> Substring? {
        var end = body.startIndex
        for _ in 0..<3 {
            let word = body[end...].prefix { $0.isLetter || "-'’/".contains($0) }
            guard let first = word.first, first.isUppercase, word.count >= 2 else { return nil }
            end = word.endIndex
            if body[end...].hasPrefix(mark) { return body[body.startIndex..<end] }
            guard body[end...].first == " " else { return nil }
            end = body.index(after: end)
        }
        return nil
    }

    /// A date with its year at the start of `text`: as written, and where it ends.
    private static func completeDate(
        atStartOf text: Substring,
        _ normalizer: DateNormalizer
    ) -> (raw: String, end: String.Index)? {
        guard let match = normalizer.match(atStartOf: text) else { return nil }
        let raw = text[match.range]
        var digits = 0
        var longest = 0
        for character in raw {
            digits = character.isNumber ? digits + 1 : 0
            longest = max(longest, digits)
        }
        guard longest >= 4 else { return nil }
        return (String(raw), match.range.upperBound)
    }

    /// The agency in parentheses and the dash that end a dateline.
    private static func ending(_ rest: Substring, place: Substring, date: String?, hasDay: Bool) -> Dateline? {
        var rest = rest.drop { $0 == " " }
        var agency: String?
        if rest.first == "(" {
            guard let close = rest.firstIndex(of: ")") else { return nil }
            guard let name = agencyName(rest[rest.index(after: rest.startIndex)..<close]) else { return nil }
            agency = name
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
            // EFE writes `(EFE).-`.
            if rest.hasPrefix(".-") || rest.hasPrefix(".–") { rest = rest.dropFirst() }
        }
        guard agency != nil || hasDay, let dash = rest.first, "-–—".contains(dash) else { return nil }
        return Dateline(place: String(place), agency: agency, date: date)
    }

    /// An agency's name as credited in parentheses (`Reuters`, `dpa/AFP`, `Europa Press`).
    private static func agencyName(_ name: Substring) -> String? {
        guard !name.isEmpty, name.count <= maximumMiddleLength, name.first?.isLetter == true,
            name.allSatisfy({ $0.isLetter || " .&-/".contains($0) })
        else { return nil }
        return String(name)
    }
}
