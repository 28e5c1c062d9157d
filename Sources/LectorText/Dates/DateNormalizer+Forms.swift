extension DateNormalizer {
    /// The shapes of date that ``DateNormalizer/match(atStartOf:)`` tries, longest match wins.
    enum Form: CaseIterable {
        /// `2022-02-16`, `2022/02/16`, `2022.02.16`.
        case yearFirst
        /// `16.02.2022`, `16/02/2022`, `02/16/2022`, `16-02-2022`.
        case numeric
        /// `16 February 2022`, `Wed, 16 Feb 2022`, `16. Februar 2022`, `16 de febrero de 2022`.
        case dayMonthName
        /// `February 16, 2022`, `Feb. 16, 2022`.
        case monthNameDay
    }

    /// Reads the date part of `form`; the caller checks that the day exists.
    func read(_ form: Form, with scanner: inout DateScanner) -> DateParts? {
        switch form {
        case .yearFirst:
            guard let year = scanner.number(digits: 4...4), let separator = scanner.take(oneOf: "-/."),
                let month = scanner.number(digits: 1...2), scanner.take(separator),
                let day = scanner.number(digits: 1...2)
            else { return nil }
            return DateParts(year: year, month: month, day: day)
        case .numeric:
            guard let first = scanner.number(digits: 1...2), let separator = scanner.take(oneOf: "/.-"),
                let second = scanner.number(digits: 1...2), scanner.take(separator),
                let year = scanner.number(digits: 4...4)
            else { return nil }
            let dayFirst = separator == "." || first > 12 || (second <= 12 && prefersDayFirst)
            return dayFirst
                ? DateParts(year: year, month: second, day: first)
                : DateParts(year: year, month: first, day: second)
        case .dayMonthName:
            skipWeekday(with: &scanner)
            guard let day = scanner.number(digits: 1...2) else { return nil }
            _ = scanner.take(".")
            skipOrdinalSuffix(with: &scanner)
            guard skipSeparator(with: &scanner, allowsComma: false), let month = monthName(with: &scanner),
                skipSeparator(with: &scanner, allowsComma: true), let year = scanner.number(digits: 4...4)
            else { return nil }
            return DateParts(year: year, month: month, day: day)
        case .monthNameDay:
            skipWeekday(with: &scanner)
            guard let month = monthName(with: &scanner), scanner.skipSpaces() || scanner.take("-"),
                let day = scanner.number(digits: 1...2)
            else { return nil }
            skipOrdinalSuffix(with: &scanner)
            guard skipSeparator(with: &scanner, allowsComma: true), let year = scanner.number(digits: 4...4)
            else { return nil }
            return DateParts(year: year, month: month, day: day)
        }
    }

    /// A day and month written without a year at the very start of `text` (`Feb 16`, `4 dic`,
    /// `3. März`, `4 de dezembro`, `3 MAR`), ending at a word boundary: what a wire
    /// dateline carries.
    ///
    /// - Parameter text: Text that may start with a day and a month.
    /// - Returns: The month (1…12), the day and where they end, or `nil`.
    public func monthAndDay(atStartOf text: Substring) -> (month: Int, day: Int, end: String.Index)? {
        var dayFirst = DateScanner(text)
        skipWeekday(with: &dayFirst)
        if let day = dayFirst.number(digits: 1...2) {
            _ = dayFirst.take(".")
            skipOrdinalSuffix(with: &dayFirst)
            if skipSeparator(with: &dayFirst, allowsComma: false), let month = monthName(with: &dayFirst),
                dayFirst.isAtBoundary, day >= 1, day <= DateParts.daysIn(month: month, year: 2000)
            {
                return (month, day, dayFirst.index)
            }
        }
        var monthFirst = DateScanner(text)
        skipWeekday(with: &monthFirst)
        guard let month = monthName(with: &monthFirst), monthFirst.skipSpaces(),
            let day = monthFirst.number(digits: 1...2), day >= 1, day <= DateParts.daysIn(month: month, year: 2000)
        else { return nil }
        skipOrdinalSuffix(with: &monthFirst)
        guard monthFirst.isAtBoundary else { return nil }
        return (month, day, monthFirst.index)
    }

    /// Reads an optional time of day and zone after the date; leaves the scanner where it
    /// was when there is none.
    func readTime(with scanner: inout DateScanner, into parts: inout DateParts) {
        let start = scanner.index
        if !scanner.take("T") {
            scanner.skipSpaces()
            if scanner.take(",") { scanner.skipSpaces() }
            if scanner.take(word: "at") || scanner.take(word: "um") { scanner.skipSpaces() }
        }
        guard var hour = scanner.number(digits: 1...2), scanner.take(":"),
            let minute = scanner.number(digits: 2...2)
        else {
            scanner.index = start
            return
        }
        var second = 0
        var fraction: String?
        if scanner.take(":") {
            guard let value = scanner.number(digits: 2...2) else {
                scanner.index = start
                return
            }
            second = value
            if scanner.take(".") { fraction = scanner.digitText() }
        }
        let beforeMeridiem = scanner.index
        scanner.skipSpaces()
        switch scanner.word() {
        case "am" where (1...12).contains(hour): hour = hour == 12 ? 0 : hour
        case "pm" where (1...12).contains(hour): hour = hour == 12 ? 12 : hour + 12
        default: scanner.index = beforeMeridiem
        }
        guard hour <= 23, minute <= 59, second <= 60 else {
            scanner.index = start
            return
        }
        let zone = readZone(with: &scanner)
        parts.time = DateParts.TimeParts(hour: hour, minute: minute, second: second, fraction: fraction, zone: zone)
    }

    private func readZone(with scanner: inout DateScanner) -> String? {
        let start = scanner.index
        if scanner.take("Z"), scanner.isAtBoundary { return "Z" }
        scanner.index = start
        scanner.skipSpaces()
        if let sign = scanner.take(oneOf: "+-") {
            if let hours = scanner.digits(2) {
                let hasColon = scanner.take(":")
                let minutes = scanner.number(digits: 2...2)
                if hours <= 23, (minutes ?? 0) <= 59, minutes != nil || !hasColon {
                    return "\(sign)\(DateParts.pad(hours, 2)):\(DateParts.pad(minutes ?? 0, 2))"
                }
            }
        } else if let name = scanner.word(), let offset = DateNames.zones[name] {
            return offset
        }
        scanner.index = start
        return nil
    }

    private func skipWeekday(with scanner: inout DateScanner) {
        let start = scanner.index
        guard let word = scanner.word(), DateNames.weekdays.contains(word) else {
            scanner.index = start
            return
        }
        let punctuated = scanner.take(",") || scanner.take(".")
        if !scanner.skipSpaces() && !punctuated { scanner.index = start }
    }

    private func monthName(with scanner: inout DateScanner) -> Int? {
        let start = scanner.index
        guard let word = scanner.word(), let month = DateNames.months[word] else {
            scanner.index = start
            return nil
        }
        _ = scanner.take(".")
        return month
    }

    private func skipOrdinalSuffix(with scanner: inout DateScanner) {
        let start = scanner.index
        if let word = scanner.word(), DateNames.ordinalSuffixes.contains(word) { return }
        scanner.index = start
    }

    /// Skips what may stand between two parts of a written date: spaces, a hyphen, a comma
    /// (when allowed), and connector words such as `de` and `of`. Returns whether there was
    /// any separator at all.
    private func skipSeparator(with scanner: inout DateScanner, allowsComma: Bool) -> Bool {
        let start = scanner.index
        if scanner.take("-") { return true }
        if allowsComma { _ = scanner.take(",") }
        scanner.skipSpaces()
        let afterSpaces = scanner.index
        if let word = scanner.word(), DateNames.connectors.contains(word), scanner.skipSpaces() {
            return true
        }
        scanner.index = afterSpaces
        return scanner.index != start
    }
}
