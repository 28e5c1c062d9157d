import LectorCore
import LectorText

/// Holidays read as dates (`Christmas`, `Christmas Eve`, `New Year's Day`, `Easter`,
/// `Weihnachten`, `Noël`, `Nochevieja`, `Ferragosto`, `Koningsdag`): a DATE whose value is
/// the holiday's day in the year that puts it closest to the reference date, or in the
/// year written after it (`Christmas 2004`). One followed by another capitalised word is
/// part of a longer name (`Easter Island`, `Christmas Special`) and is left alone.
///
/// Taggers trained on CoNLL never saw most of them as other than words, and read a
/// capitalised `Christmas` as a person, a place or a thing: in the 655 BBC DEV articles the
/// English model tagged it PERSON 15 times, LOC 6, MISC 5 and ORG once, and `Halloween`
/// PERSON 4 times. As a date, which wins over a named mention it overlaps, it is found and
/// given its day. Only holidays with one day in the whole language area are listed
/// (`Thanksgiving` and `Independence Day` differ between countries); names that are also
/// places are left out (Portuguese `Natal`, a Brazilian city).
enum Holidays {
    /// A holiday's day in a given year.
    enum Day: Sendable {
        /// The same month and day every year.
        case fixed(month: Int, day: Int)
        /// Easter Sunday (Gregorian), moved by some days.
        case easter(offset: Int)

        /// The holiday's date in `year`.
        func date(in year: Int) -> CivilDate {
            switch self {
            case .fixed(let month, let day): CivilDate(year: year, month: month, day: day)
            case .easter(let offset):
                CivilDate(dayNumber: Holidays.easterSunday(year).dayNumber + offset)
            }
        }
    }

    /// The most words of a holiday's name.
    static let longest = 3

    /// The holidays per language, keyed by their lowercased words joined by single spaces
    /// (straight apostrophes).
    static let names: [String: [String: Day]] = [
        "en": [
            "christmas": .fixed(month: 12, day: 25), "christmas day": .fixed(month: 12, day: 25),
            "christmas eve": .fixed(month: 12, day: 24), "boxing day": .fixed(month: 12, day: 26),
            "new year's day": .fixed(month: 1, day: 1), "new year's eve": .fixed(month: 12, day: 31),
            "valentine's day": .fixed(month: 2, day: 14), "halloween": .fixed(month: 10, day: 31),
            "easter": .easter(offset: 0), "easter sunday": .easter(offset: 0),
            "easter monday": .easter(offset: 1), "good friday": .easter(offset: -2),
        ],
        "de": [
            "weihnachten": .fixed(month: 12, day: 25), "heiligabend": .fixed(month: 12, day: 24),
            "silvester": .fixed(month: 12, day: 31), "neujahr": .fixed(month: 1, day: 1),
            "allerheiligen": .fixed(month: 11, day: 1), "ostern": .easter(offset: 0),
            "ostersonntag": .easter(offset: 0), "ostermontag": .easter(offset: 1), "karfreitag": .easter(offset: -2),
            "pfingsten": .easter(offset: 49),
        ],
        "fr": [
            "noël": .fixed(month: 12, day: 25), "toussaint": .fixed(month: 11, day: 1),
            "pâques": .easter(offset: 0), "pentecôte": .easter(offset: 49),
        ],
        "es": [
            "navidad": .fixed(month: 12, day: 25), "nochebuena": .fixed(month: 12, day: 24),
            "nochevieja": .fixed(month: 12, day: 31), "año nuevo": .fixed(month: 1, day: 1),
            "domingo de resurrección": .easter(offset: 0), "viernes santo": .easter(offset: -2),
        ],
        "it": [
            "natale": .fixed(month: 12, day: 25), "capodanno": .fixed(month: 1, day: 1),
            "ferragosto": .fixed(month: 8, day: 15), "epifania": .fixed(month: 1, day: 6),
            "pasqua": .easter(offset: 0), "pasquetta": .easter(offset: 1),
        ],
        "pt": [
            "ano novo": .fixed(month: 1, day: 1), "páscoa": .easter(offset: 0),
        ],
        "nl": [
            "kerstmis": .fixed(month: 12, day: 25), "kerst": .fixed(month: 12, day: 25),
            "kerstavond": .fixed(month: 12, day: 24), "oudejaarsavond": .fixed(month: 12, day: 31),
            "oudjaar": .fixed(month: 12, day: 31), "nieuwjaarsdag": .fixed(month: 1, day: 1),
            "koningsdag": .fixed(month: 4, day: 27), "pasen": .easter(offset: 0),
            "pinksteren": .easter(offset: 49),
        ],
    ]

    /// Holidays whose name is also a person's (French `Noël`, `Toussaint`; Italian `Natale`,
    /// `Pasqua`, `Epifania`: `Me Noël présente la défense`): a date only after one of
    /// ``leads``, written in lower case (`à Noël`, `la Toussaint`, `a Natale`, not `Di
    /// Natale`).
    static let ambiguous: [String: Set<String>] = [
        "fr": ["noël", "toussaint"], "it": ["natale", "pasqua", "epifania"],
    ]

    /// The words before an ambiguous holiday that make it one.
    static let leads: [String: Set<String>] = [
        "fr": ["à", "a", "de", "avant", "après", "pour", "depuis", "dès", "la", "le", "joyeux", "jusqu'à", "d'ici"],
        "it": ["a", "di", "dopo", "prima", "per", "il", "la", "l'", "buon", "buona", "fino", "entro", "da", "tra"],
    ]

    /// The first words of each language's holidays: a word that is none is no holiday, with
    /// no phrase put together.
    static let starts: [String: Set<String>] = names.mapValues { table in
        Set(table.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    /// The first words of every language's holidays, for ``ValueScan/dateWords``.
    static let firstWords: [String] = starts.values.flatMap(\.self)

    /// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
    ///
    /// - Parameter year: The year.
    /// - Returns: Its Easter Sunday.
    static func easterSunday(_ year: Int) -> CivilDate {
        let golden = year % 19
        let century = year / 100
        let yearOfCentury = year % 100
        let leapCenturies = century / 4
        let centuryRest = century % 4
        let correction = (century + 8) / 25
        let moonCorrection = (century - correction + 1) / 3
        let epact = (19 * golden + century - leapCenturies - moonCorrection + 15) % 30
        let leapYears = yearOfCentury / 4
        let yearRest = yearOfCentury % 4
        let weekday = (32 + 2 * centuryRest + 2 * leapYears - epact - yearRest) % 7
        let shift = (golden + 11 * epact + 22 * weekday) / 451
        let month = (epact + weekday - 7 * shift + 114) / 31
        let day = (epact + weekday - 7 * shift + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)
    }
}

extension ValueScan {
    /// A holiday (``Holidays``) starting at token `index`, capitalised, with its words one
    /// space apart on one line, and the token after it; a year right after it fixes the
    /// year (`Christmas 2004`).
    ///
    /// - Parameters:
    ///   - index: The first token.
    ///   - first: Its lowercased text.
    /// - Returns: The DATE mention and the index of the token after it, or `nil`.
    func holiday(at index: Int, lower first: String) -> (EntityMention, Int)? {
        guard recognizer.holidayStarts.contains(first), isCapitalized(index),
            let table = Holidays.names[recognizer.language]
        else { return nil }
        var words: [String] = []
        var found: (day: Holidays.Day, last: Int)?
        for position in index..<min(index + Holidays.longest, tokens.count) {
            if position > index {
                guard tokens[position].start == tokens[position - 1].end + 1, !lineBreakBetween(position - 1, position)
                else { break }
            }
            guard let word = lower(position) else { break }
            words.append(String(word.map { $0 == "’" ? "'" : $0 }))
            if let day = table[words.joined(separator: " ")] { found = (day, position) }
        }
        guard let (day, last) = found else { return nil }
        if Holidays.ambiguous[recognizer.language]?.contains(words[0]) == true {
            guard let lead = lower(index - 1), Holidays.leads[recognizer.language]?.contains(lead) == true,
                !isCapitalized(index - 1), !lineBreakBetween(index - 1, index)
            else { return nil }
        }
        // A capitalised word right after makes it part of a longer name (`Easter Island`,
        // `Christmas Special`), which is no date.
        if isCapitalized(last + 1), tokens[last + 1].start == tokens[last].end + 1 { return nil }
        if isKind(last + 1, .number), let yearText = word(last + 1), yearText.count == 4, let year = Int(yearText),
            (1800...2100).contains(year), !lineBreakBetween(last, last + 1)
        {
            return mention(index, last + 1, .date, value: .string(day.date(in: year).iso))
        }
        switch day {
        case .fixed(let month, let dayOfMonth):
            // As a month and day without a year: the nearest year, or `--MM-DD`.
            return resolved(from: index, through: last, month: month, day: dayOfMonth)
        case .easter:
            let value = reference.map { reference -> JSONValue in
                let candidates = [reference.year - 1, reference.year, reference.year + 1].map(day.date(in:))
                let nearest = candidates.min {
                    abs($0.dayNumber - reference.dayNumber) < abs($1.dayNumber - reference.dayNumber)
                }
                return .string((nearest ?? day.date(in: reference.year)).iso)
            }
            return mention(index, last, .date, value: value)
        }
    }
}
