extension DatelineDetector {
    /// A place in capitals (`NEW YORK`), up to where the dateline goes on.
    static func capitalsPlace(_ body: Substring) -> Substring? {
        var place = body.prefix { $0.isUppercase || " .-'’".contains($0) }
        while let last = place.last, " -".contains(last) { place.removeLast() }
        guard place.count <= maximumPlaceLength, place.filter(\.isLetter).count >= 2, place.first?.isLetter == true,
            place.last?.isLetter == true, body[place.endIndex...].first?.isLowercase != true
        else { return nil }
        return place
    }

    /// Lowercase words that join the capitalised words of a place name (`Frankfurt am Main`,
    /// `Rio de Janeiro`, `Alphen aan den Rijn`; `Châlons-en-Champagne` is one word). Not `e`,
    /// `y` or `on`: `Lisboa e Porto, 3 de março …` names two places, `Posted on Friday, …` none.
    static let placeParticles: Set<Substring> = [
        "am", "an", "der", "im", "ob", "bei", "de", "do", "da", "dos", "das", "del", "la", "di", "sur", "sous",
        "upon", "aan", "den", "op", "en",
    ]

    /// One to three capitalised words (`Berlin`, `New York`), with particles between them
    /// (``placeParticles``; ``maximumPlaceWords`` words in all), directly followed by `mark`
    /// (a comma, or ` (` before an agency).
    static func titleCasePlace(_ body: Substring, before mark: String = ",") -> Substring? {
        var end = body.startIndex
        var capitalised = 0
        for _ in 0..<maximumPlaceWords {
            let word = body[end...].prefix { $0.isLetter || "-'’/".contains($0) }
            guard let first = word.first, word.count >= 2 || placeParticles.contains(word) else { return nil }
            end = word.endIndex
            if first.isUppercase {
                capitalised += 1
                guard capitalised <= 3 else { return nil }
                if body[end...].hasPrefix(mark) { return body[body.startIndex..<end] }
            } else {
                // A particle: between capitalised words only.
                guard capitalised > 0, placeParticles.contains(word) else { return nil }
            }
            guard body[end...].first == " " else { return nil }
            end = body.index(after: end)
        }
        return nil
    }

    /// A date with its year at the start of `text`: as written, and where it ends.
    static func completeDate(
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

    /// A day and month without a year at the start of `text` (`Feb 16`, `4 dic`), as written.
    static func dayAndMonth(atStartOf text: Substring, _ normalizer: DateNormalizer) -> String? {
        normalizer.monthAndDay(atStartOf: text).map { String(text[..<$0.end]) }
    }

    /// The agency in parentheses and the dash that end a dateline.
    ///
    /// A dash needs an agency, a day, or a place in capitals with spaces around the dash
    /// and no lowercase word after it; without a dash, the agency must be a known one.
    static func ending(
        _ rest: Substring,
        place: Substring,
        date: String?,
        hasDay: Bool,
        inCapitals: Bool = false
    ) -> Dateline? {
        var rest = rest.drop { $0 == " " }
        let spaceBefore = rest.startIndex > place.endIndex
        var agency: String?
        if rest.first == "(" {
            guard let close = rest.firstIndex(of: ")") else { return nil }
            guard let name = agencyName(rest[rest.index(after: rest.startIndex)..<close]) else { return nil }
            agency = name
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
            // EFE writes `(EFE).-`.
            if rest.hasPrefix(".-") || rest.hasPrefix(".–") { rest = rest.dropFirst() }
        }
        guard let dash = rest.first, "-–—".contains(dash) else {
            guard let agency, knownAgencies.contains(agency), let end = afterKnownAgency(rest) else { return nil }
            return Dateline(place: String(place), agency: agency, date: date, end: end)
        }
        let afterDash = rest.drop { "-–—".contains($0) }
        let next = afterDash.drop { $0 == " " }
        if agency == nil, !hasDay {
            // `MOSCOW — The …`: a bare place in capitals, the dash between spaces.
            guard inCapitals, spaceBefore, afterDash.first == " ", next.first?.isLowercase == false else { return nil }
        }
        return Dateline(place: String(place), agency: agency, date: date, end: next.startIndex)
    }

    /// Where the text goes on after a known agency credited without a dash: after a full
    /// stop (`(Lusa). O …`), or at once (`(CNN)Guilty`); `nil` when a lowercase word follows,
    /// as in a sentence that spells out an acronym (`Artificial General Intelligence (AGI)
    /// could …`).
    static func afterKnownAgency(_ rest: Substring) -> String.Index? {
        let next = rest.first == "." ? rest.dropFirst().drop { $0 == " " } : rest
        guard next.first?.isLowercase != true else { return nil }
        return next.startIndex
    }

    /// An agency's name as credited in parentheses (`Reuters`, `dpa/AFP`, `Europa Press`). A
    /// name in lowercase must start with a known agency or a short credit of up to four
    /// letters (`dpa`, `ots`, `dts Nachrichtenagentur`, `sda`): `Die Zahl der Arbeitslosen
    /// (saisonbereinigt) – …` credits no one.
    static func agencyName(_ name: Substring) -> String? {
        guard !name.isEmpty, name.count <= maximumMiddleLength, let first = name.first, first.isLetter,
            name.allSatisfy({ $0.isLetter || " .&-/".contains($0) })
        else { return nil }
        if !first.isUppercase {
            let lead = name.prefix { !" -/".contains($0) }
            guard knownAgencies.contains(String(lead)) || lead.count <= 4 else { return nil }
        }
        return String(name)
    }
}
