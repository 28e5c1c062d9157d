extension DateNormalizer {
    /// The month a name stands for, in any language ``DateNormalizer`` reads.
    ///
    /// - Parameter name: A month name or abbreviation, any case, without a trailing period
    ///   (`February`, `feb`, `febrero`, `Févr`).
    /// - Returns: The month number, 1 to 12, or `nil` when `name` is not a month name.
    public static func month(named name: String) -> Int? {
        DateNames.months[name.lowercased()]
    }

    /// Whether a year, month and day make a day of the Gregorian calendar (years 1000 to
    /// 2999, as for every date ``DateNormalizer`` reads).
    ///
    /// - Parameters:
    ///   - year: The year.
    ///   - month: The month, 1 to 12.
    ///   - day: The day of the month.
    /// - Returns: Whether the day exists.
    public static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        DateParts(year: year, month: month, day: day, time: nil).isValid
    }

    /// A date as `YYYY-MM-DD`.
    ///
    /// - Parameters:
    ///   - year: The year.
    ///   - month: The month, 1 to 12.
    ///   - day: The day of the month.
    /// - Returns: The ISO 8601 form.
    public static func iso8601(year: Int, month: Int, day: Int) -> String {
        DateParts(year: year, month: month, day: day, time: nil).iso8601
    }
}

extension DateNormalizer {
    /// Every month name and abbreviation ``DateNormalizer`` reads, lowercased, with its
    /// month number (1 to 12).
    public static var monthNames: [String: Int] { DateNames.months }
}
