/// A day of the proleptic Gregorian calendar, with day arithmetic for resolving dates
/// written without a year or as a weekday.
package struct CivilDate: Equatable, Comparable, Sendable {
    /// The year.
    package var year: Int
    /// The month, 1…12.
    package var month: Int
    /// The day of the month.
    package var day: Int

    /// Reads `YYYY-MM-DD` at the start of an ISO 8601 string.
    package init?(iso text: String) {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// A day by its parts.
    ///
    /// - Parameters:
    ///   - year: The year.
    ///   - month: The month, 1…12.
    ///   - day: The day of the month.
    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    package var dayNumber: Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    package init(dayNumber: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The day of a time in seconds since 1970-01-01 UTC (rounded down, also before 1970),
    /// and how many seconds into that day it is.
    ///
    /// - Parameter seconds: Seconds since the epoch.
    /// - Returns: The day and the second of the day (0…86,399).
    package static func day(ofSecondsSinceEpoch seconds: Int64) -> (day: CivilDate, second: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (CivilDate(dayNumber: Int(days)), Int(seconds - days * 86_400))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for a time in seconds since 1970-01-01 UTC.
    ///
    /// - Parameter seconds: Seconds since the epoch.
    /// - Returns: The UTC timestamp in ISO 8601.
    package static func timestamp(secondsSinceEpoch seconds: Int64) -> String {
        let (day, second) = Self.day(ofSecondsSinceEpoch: seconds)
        let time = DateParts.TimeParts(hour: second / 3600, minute: second / 60 % 60, second: second % 60, zone: "Z")
        return DateParts(year: day.year, month: day.month, day: day.day, time: time).iso8601
    }

    /// The number of days in `month` of `year`.
    ///
    /// - Parameters:
    ///   - month: The month, 1…12.
    ///   - year: The year.
    /// - Returns: 28 to 31.
    package static func daysIn(month: Int, year: Int) -> Int {
        DateParts.daysIn(month: month, year: year)
    }

    /// 0 for Monday … 6 for Sunday.
    package var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    /// `YYYY-MM-DD`.
    package var iso: String { DateParts(year: year, month: month, day: day).iso8601 }

    package static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }
}
