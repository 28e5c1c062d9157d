/// Spots a news dateline at the start of an article's body or a sentence: the one detector,
/// used by `metadata` (which records it) and `summary` (which leaves it out of a picked
/// sentence).
///
/// Forms: `MOSCOW (Reuters) -`, `LONDON, Feb 16 (Reuters) -`, `PARIS, 16 February -`,
/// `MOSCOW — `, `BERLIN, 3 March 2024 (dpa) -`, the title-case form with a full date,
/// `Berlin, 3 March 2024.` (Russian `Москва, 3 марта 2024 года.`), the agency form `Berlin (dpa) -`, `Boston (CNN)`, Spanish
/// `Madrid, 3 mar (EFE).-`, the agency first `(ANSA) - ROMA, 3 MAR -`, and an agency alone,
/// `(CNN) -- `.
///
/// A place in capitals must be followed by an agency in parentheses, by a comma and a
/// short part with a digit (the day), or by a dash between spaces before a word that does
/// not start in lowercase (`NATO - the alliance` is not a dateline). A place in title case
/// (one to three capitalised words) must be followed by a comma and a complete date with its
/// year, then a full stop or colon, or by an agency — so `Berlin, the capital, …` is never a
/// dateline. A title-case place may have lowercase particles between its words (`Frankfurt
/// am Main`, `Rio de Janeiro`). An agency is followed by a dash, except one of
/// ``knownAgencies``, which may run into the text (`Boston (CNN)Guilty …`), end with a full
/// stop (`Lisboa, 3 de março de 2024 (Lusa).`) and may stand alone.
public enum DatelineDetector {
    /// The longest place name.
    static let maximumPlaceLength = 40
    /// The most words of a title-case place, particles included (`Mülheim an der Ruhr`).
    static let maximumPlaceWords = 5
    /// The longest text between the place's comma and the agency or dash.
    static let maximumMiddleLength = 30
    /// The longest dateline looked for at the start of a sentence, in scalars.
    static let maximumLength = 100

    /// Agencies that credit an article without a dash (`Boston (CNN)The …`) or alone
    /// (`(CNN) -- The …`).
    public static let knownAgencies: Set<String> = [
        "CNN", "Reuters", "AP", "AFP", "EFE", "DPA", "dpa", "ANSA", "Xinhua", "PA", "UPI", "Bloomberg", "BBC", "AAP",
        "IANS", "PTI", "TASS", "Interfax", "Kyodo", "Yonhap", "CNN Business", "CNN Money", "Sky News", "NBC", "ABC",
        "CBS", "Fox News", "Mashable", "EW.com", "WIRED", "Variety",
        // European agencies: Portugal, Brazil, the Netherlands, Belgium, Austria, Switzerland,
        // Germany, Spain, Italy, Poland, Czechia, Hungary, Scandinavia, Russia.
        "Lusa", "Agência Brasil", "ANP", "Belga", "APA", "SDA", "Keystone-SDA", "KNA", "epd", "AFX", "Europa Press",
        "AGI", "Adnkronos", "LaPresse", "PAP", "ČTK", "CTK", "MTI", "NTB", "Ritzau", "STT", "RIA Novosti", "ТАСС",
        "Интерфакс", "РИА Новости",
    ]

    /// What a dateline says, and where it ends.
    public struct Dateline: Equatable, Sendable {
        /// The place as written (`MOSCOW`, `Berlin`); `nil` for an agency alone.
        public var place: String?
        /// The agency credited (`Reuters`, `dpa`), if any.
        public var agency: String?
        /// The date as written, when it is complete (has a year).
        public var date: String?
        /// A day and month written without a year (`Feb 16`, `4 dic`), when there is no
        /// complete date.
        public var dayAndMonth: String?
        /// Where the text after the dateline (its dash and the spaces after it) starts.
        public var end: String.Index
    }

    /// The dateline at the start of `body`, if there is a clear one.
    ///
    /// - Parameters:
    ///   - body: The start of the body text.
    ///   - normalizer: How dates are read.
    /// - Returns: The dateline's parts, or `nil`.
    public static func detect(in body: Substring, normalizer: DateNormalizer) -> Dateline? {
        // `(ANSA) - ROMA, 3 MAR -`: the agency first, then the dateline, or `(CNN) -- ` alone.
        if body.first == "(", let close = body.firstIndex(of: ")"),
            let name = agencyName(body[body.index(after: body.startIndex)..<close])
        {
            let rest = body[body.index(after: close)...].drop { $0 == " " }
            guard let dash = rest.first, "-–—".contains(dash) else {
                guard knownAgencies.contains(name), let end = afterKnownAgency(rest) else { return nil }
                return Dateline(place: nil, agency: name, end: end)
            }
            if var inner = detect(in: rest.dropFirst().drop { $0 == " " }, normalizer: normalizer) {
                inner.agency = inner.agency ?? name
                return inner
            }
            guard knownAgencies.contains(name) else { return nil }
            return Dateline(
                place: nil,
                agency: name,
                end: rest.drop { "-–—".contains($0) }.drop { $0 == " " }.startIndex
            )
        }
        if let place = capitalsPlace(body) {
            var rest = body[place.endIndex...]
            var hasDay = false
            var date: String?
            var dayAndMonth: String?
            if rest.first == "," {
                let middle = rest.dropFirst().prefix { $0 != "(" && !"-–—\n".contains($0) }
                guard middle.count <= maximumMiddleLength else { return nil }
                hasDay = middle.contains(where: \.isNumber)
                let written = middle.drop { $0 == " " }
                date = completeDate(atStartOf: written, normalizer)?.raw
                if date == nil { dayAndMonth = Self.dayAndMonth(atStartOf: written, normalizer) }
                rest = rest[middle.endIndex...]
            }
            var dateline = ending(rest, place: place, date: date, hasDay: hasDay, inCapitals: true)
            dateline?.dayAndMonth = dayAndMonth
            return dateline
        }
        if let place = titleCasePlace(body, before: " (") {
            // `Berlin (dpa) -`: a title-case place needs its agency.
            return ending(body[place.endIndex...], place: place, date: nil, hasDay: false)
        }
        guard let place = titleCasePlace(body) else { return nil }
        let written = body[place.endIndex...].dropFirst().drop { $0 == " " }
        guard let (raw, end) = completeDate(atStartOf: written, normalizer) else {
            // `Madrid, 3 mar (EFE).-`, `Boston, Massachusetts (CNN)`: without a complete
            // date, the place needs its agency.
            let middle = written.prefix { $0 != "(" && !"\n-–—".contains($0) }
            guard middle.count <= maximumMiddleLength,
                var dateline = ending(
                    written[middle.endIndex...],
                    place: place,
                    date: nil,
                    hasDay: middle.contains(where: \.isNumber)
                ),
                dateline.agency != nil
            else { return nil }
            dateline.dayAndMonth = Self.dayAndMonth(atStartOf: written, normalizer)
            return dateline
        }
        var after = written[end...].drop { $0 == " " }
        // `Москва, 3 марта 2024 года.`, `… 2024 г.`: Russian names the year after it.
        if after.hasPrefix("г.") {
            // `г.` abbreviates; it ends the dateline only before a new sentence or a dash
            // (`Россия, 24 февраля 2022 г. начала …` is a sentence).
            let next = after.dropFirst(2).drop { $0 == " " }
            guard next.first.map({ $0.isUppercase || "-–—\n".contains($0) }) ?? true else { return nil }
            return Dateline(place: String(place), date: raw, end: next.startIndex)
        }
        if after.hasPrefix("года") { after = after.dropFirst(4).drop { $0 == " " } }
        if let mark = after.first, ".:".contains(mark) {
            return Dateline(place: String(place), date: raw, end: after.dropFirst().drop { $0 == " " }.startIndex)
        }
        return ending(after, place: place, date: raw, hasDay: true)
    }

    /// The length in scalars of the dateline that opens `range` of `scalars`, with the
    /// spaces after it; 0 when there is none, or when what follows starts in lowercase.
    ///
    /// - Parameters:
    ///   - scalars: A text's scalars.
    ///   - range: A sentence's range.
    ///   - normalizer: How dates are read.
    /// - Returns: How many scalars to skip.
    public static func length(in scalars: [Unicode.Scalar], _ range: Range<Int>, normalizer: DateNormalizer) -> Int {
        guard mayOpen(scalars, range.lowerBound..<min(range.upperBound, range.lowerBound + maximumLength)) else {
            return 0
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range.lowerBound..<min(range.upperBound, range.lowerBound + maximumLength)])
        let text = String(view)
        guard let dateline = detect(in: text[...], normalizer: normalizer) else { return 0 }
        let length = text.unicodeScalars.distance(from: text.startIndex, to: dateline.end)
        let next = range.lowerBound + length
        guard next < range.upperBound, !scalars[next].properties.isLowercase else { return 0 }
        return length
    }

    /// Whether `range` of `scalars` could open with a dateline: a cheap test on scalars that
    /// lets every dateline ``detect(in:normalizer:)`` finds through, so that the summary's
    /// sentences are not copied into strings to be checked. It looks for an opening
    /// parenthesis (an agency first), two capitals or a capital before a dot, space, dash
    /// or apostrophe (a place in capitals), or up to ``maximumPlaceWords`` words whose first
    /// starts with a capital, followed by ` (` or by a comma with a digit or `(` soon after
    /// (a place in title case before a complete date or an agency).
    ///
    /// - Parameters:
    ///   - scalars: A text's scalars.
    ///   - range: The start of a sentence.
    /// - Returns: `false` when no dateline can start there.
    static func mayOpen(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard range.count >= 2 else { return false }
        let first = scalars[range.lowerBound]
        if first == "(" { return true }
        guard first.properties.isUppercase || first.properties.changesWhenLowercased else { return false }
        let second = scalars[range.lowerBound + 1]
        if second.properties.isUppercase || second.properties.changesWhenLowercased
            || ".-'’".unicodeScalars.contains(second)
        {
            return true
        }
        if second == " ", range.count >= 3, scalars[range.lowerBound + 2].properties.isUppercase { return true }
        var index = range.lowerBound
        for _ in 0..<maximumPlaceWords {
            while index < range.upperBound, !" ,(".unicodeScalars.contains(scalars[index]) { index += 1 }
            guard index < range.upperBound else { return false }
            if scalars[index] == "," {
                // A complete date (its digits come early) or, within the middle part, an agency.
                let after = (index + 1)..<min(range.upperBound, index + 1 + maximumMiddleLength + 10)
                return after.contains { scalars[$0] == "(" || scalars[$0].isASCIIDigit }
            }
            guard scalars[index] == " " else { return false }
            index += 1
            if index < range.upperBound, scalars[index] == "(" { return true }
        }
        return false
    }
}
