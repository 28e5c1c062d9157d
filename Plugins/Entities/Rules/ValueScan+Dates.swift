import LectorCore
import LectorText

extension ValueScan {
    /// A date starting at token `index`, and the token after it.
    func date(at index: Int) -> (EntityMention, Int)? {
        let token = tokens[index]
        guard mayBeDateWord(index), var lower = lower(index) else { return nil }
        if lower.count > 3, lower.hasSuffix(".") { lower.removeLast() }
        if mayStartFullDate(index, lower: lower), let full = fullDate(at: index) { return full }
        // Before weekdays: `Domingo de Resurrección`, `Viernes Santo`.
        if let holiday = holiday(at: index, lower: lower) { return holiday }
        let words = recognizer.words
        if let weekday = words.weekdays[lower], isCapitalized(index) || words.lowercaseNames {
            let isNext =
                ["next", "prochain", "próximo", "proximo", "prossimo", "nächsten", "komende", "volgende"]
                .contains(self.lower(index - 1) ?? "") || self.lower(index + 1) == "prochain"
            let value = reference.map { reference in
                var delta = (weekday - reference.weekday + 7) % 7
                if !isNext { delta = delta == 0 ? 0 : delta - 7 } else if delta == 0 { delta = 7 }
                return JSONValue.string(CivilDate(dayNumber: reference.dayNumber + delta).iso)
            }
            // `segunda-feira`: the weekday and its `-feira`.
            let last =
                word(index + 1) == "-" && touch(index, index + 1) && self.lower(index + 2) == "feira"
                ? index + 2 : index
            return mention(index, last, .date, value: value)
        }
        // German `Morgen` is the morning; only `morgen` is tomorrow.
        if let offset = words.relativeDays[lower], !(recognizer.language == "de" && isCapitalized(index) && offset == 1)
        {
            let value = reference.map { JSONValue.string(CivilDate(dayNumber: $0.dayNumber + offset).iso) }
            return mention(index, index, .date, value: value)
        }
        if let month = month(at: index, lower: lower) {
            return monthDate(at: index, month: month)
        }
        if let day = dayNumber(at: index, lower: lower) {
            var next = index + 1
            // `3. März`
            if word(next) == ".", touch(index, next) { next += 1 }
            if ["of", "de"].contains(self.lower(next) ?? "") { next += 1 }
            if let nextLower = self.lower(next), let month = self.month(at: next, lower: nextLower),
                !lineBreakBetween(index, next)
            {
                return resolved(from: index, through: next, month: month, day: day)
            }
        }
        if token.kind == .number, lower.count == 4, let year = Int(lower), (1800...2100).contains(year),
            !isUnitNoun(index + 1)
        {
            return mention(index, index, .date, value: .string(lower))
        }
        return nil
    }

    /// Whether token `index` is worth lowercasing: a number, or a word of 3 to 10 scalars
    /// that is capitalised, Spanish, or starts like a relative day (`yesterday`, `today`…).
    func mayBeDateWord(_ index: Int) -> Bool {
        let token = tokens[index]
        if token.kind == .number { return true }
        guard token.kind == .word, (3...14).contains(token.end - token.start) else { return false }
        if Self.isDigit(text.scalars[token.start]) { return true }
        return Self.dateWords.contains(Self.key(text.scalars[token.range]))
    }

    /// A hash of a word's scalars, ASCII letters lowercased, so that candidate date words
    /// are found without building a string.
    static func key(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let trimmed = scalars.count > 3 && scalars.last == "." ? scalars.dropLast() : scalars
        for scalar in trimmed {
            var value = scalar.value
            if (0x41...0x5A).contains(value) { value += 0x20 }
            hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The keys of month names, weekday names and relative days (`yesterday`, `hoy`).
    static let dateWords: HashSet64 = {
        let languages = ValueWords.languages.map(ValueWords.for)
        let words =
            Array(DateNormalizer.monthNames.keys) + languages.flatMap { Array($0.weekdays.keys) }
            + languages.flatMap { Array($0.relativeDays.keys) } + Holidays.firstWords
        var keys = Set<UInt64>()
        for word in words {
            keys.insert(key(ArraySlice(Array(word.unicodeScalars))))
            var capitalized = Array(word.unicodeScalars)
            if let first = capitalized.first, let upper = first.properties.uppercaseMapping.unicodeScalars.first {
                capitalized[0] = upper
                keys.insert(key(ArraySlice(capitalized)))
            }
        }
        return HashSet64(keys)
    }()

    /// Whether a full date may start at token `index`: a number followed by a separator or
    /// a month name, a number with inner periods, or a month or weekday name.
    func mayStartFullDate(_ index: Int, lower: String) -> Bool {
        if tokens[index].kind == .number || lower.first?.isNumber == true {
            if lower.contains(".") || lower.contains(",") { return lower.count >= 8 }
            guard let next = word(index + 1) else { return false }
            if touch(index, index + 1) { return next == "-" || next == "/" || next == "." }
            let nextLower = next.lowercased()
            return nextLower == "of" || nextLower == "de" || DateNormalizer.month(named: nextLower) != nil
        }
        return DateNormalizer.month(named: lower) != nil || recognizer.words.weekdays[lower] != nil
    }

    /// The month a word names: capitalised; or, in languages that write months in lower
    /// case, after a day number or `de`, or (a full name) before a number.
    func month(at index: Int, lower: String) -> Int? {
        guard lower.count >= 3, let month = DateNormalizer.month(named: lower) else { return nil }
        if isCapitalized(index) {
            return lower == "may" && recognizer.language == "en" && !isKind(index + 1, .number) ? nil : month
        }
        guard recognizer.words.lowercaseNames else { return nil }
        if ["de", "del", "di"].contains(self.lower(index - 1) ?? "") { return month }
        if index > 0, dayNumber(at: index - 1, lower: self.lower(index - 1) ?? "") != nil { return month }
        if lower.count >= 4, isKind(index + 1, .number) { return month }
        return recognizer.words.monthLeads.contains(self.lower(index - 1) ?? "") && lower.count >= 4 ? month : nil
    }

    /// The day of the month token `index` writes: `3`, or French `1er`.
    func dayNumber(at index: Int, lower: String) -> Int? {
        guard index >= 0, index < tokens.count else { return nil }
        var digits = Substring(lower)
        if tokens[index].kind != .number {
            guard recognizer.language == "fr", lower.hasSuffix("er") else { return nil }
            digits = digits.dropLast(2)
        }
        guard let day = Int(digits), (1...31).contains(day) else { return nil }
        return day
    }

    /// A date in a form ``DateNormalizer`` reads in full (with a year).
    func fullDate(at index: Int) -> (EntityMention, Int)? {
        let start = tokens[index].start
        var end = min(text.count, start + 48)
        if let lineEnd = text.scalars[start..<end].firstIndex(of: "\n") { end = lineEnd }
        let candidate = text.slice(start..<end)
        guard let match = recognizer.normalizer.match(atStartOf: Substring(candidate)) else { return nil }
        let length = candidate[..<match.range.upperBound].unicodeScalars.count
        var last = index
        while last + 1 < tokens.count, tokens[last + 1].end <= start + length { last += 1 }
        guard tokens[last].end == start + length else { return nil }
        return mention(index, last, .date, value: .string(match.value))
    }

    /// `February 15`, `Feb. 15th`, `February 2022`, or a month after a leading word.
    func monthDate(at index: Int, month: Int) -> (EntityMention, Int)? {
        var next = index + 1
        if word(next) == ".", touch(index, next) { next += 1 }
        if let dayText = word(next), !lineBreakBetween(index, next) {
            let digits = dayText.prefix { $0.isNumber }
            let suffix = dayText.dropFirst(digits.count).lowercased()
            if let day = Int(digits), (1...31).contains(day), ["", "st", "nd", "rd", "th"].contains(suffix) {
                return resolved(from: index, through: next, month: month, day: day)
            }
            if isKind(next, .number), digits.count == 4, let year = Int(digits), (1000...2999).contains(year) {
                return mention(index, next, .date, value: .string("\(year)-\(month < 10 ? "0" : "")\(month)"))
            }
        }
        if word(next) == "de", let yearText = word(next + 1), yearText.count == 4, let year = Int(yearText) {
            return mention(index, next + 1, .date, value: .string("\(year)-\(month < 10 ? "0" : "")\(month)"))
        }
        guard let lead = lower(index - 1), recognizer.words.monthLeads.contains(lead) else { return nil }
        let value = reference.map { reference -> JSONValue in
            var year = reference.year
            if month - reference.month > 6 { year -= 1 } else if reference.month - month > 6 { year += 1 }
            return .string("\(year)-\(month < 10 ? "0" : "")\(month)")
        }
        return mention(index, index, .date, value: value)
    }

    /// A month and day without a year (tokens `first` through `last`), resolved against the
    /// reference date; a year right after (`February 15, 2022`) was read by ``fullDate(at:)``.
    func resolved(from first: Int, through last: Int, month: Int, day: Int) -> (EntityMention, Int)? {
        guard let reference else {
            let value = "--\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            return mention(first, last, .date, value: .string(value))
        }
        let candidates = [reference.year - 1, reference.year, reference.year + 1]
            .filter { DateNormalizer.isValidDate(year: $0, month: month, day: day) }
            .map { CivilDate(year: $0, month: month, day: day) }
        guard
            let best = candidates.min(by: {
                abs($0.dayNumber - reference.dayNumber) < abs($1.dayNumber - reference.dayNumber)
            })
        else { return nil }
        return mention(first, last, .date, value: .string(best.iso))
    }
}
