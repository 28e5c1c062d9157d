/// A calendar date, optionally with a time of day and a zone, as read by ``DateNormalizer``.
struct DateParts: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var time: TimeParts?

    /// A time of day: `fraction` holds the digits after the seconds' decimal point, `zone`
    /// is `Z` or `±HH:MM`.
    struct TimeParts: Equatable {
        var hour: Int
        var minute: Int
        var second: Int
        var fraction: String?
        var zone: String?
    }

    /// Whether the day exists in the Gregorian calendar (years 1000 to 2999 only).
    var isValid: Bool {
        guard (1000...2999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        return day <= Self.daysIn(month: month, year: year)
    }

    /// The number of days in `month` of `year`.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return isLeap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS[.fff][zone]` when there is a time.
    var iso8601: String {
        var text = "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
        if let time {
            text += "T\(Self.pad(time.hour, 2)):\(Self.pad(time.minute, 2)):\(Self.pad(time.second, 2))"
            if let fraction = time.fraction { text += "." + fraction }
            if let zone = time.zone { text += zone }
        }
        return text
    }

    /// `value` in decimal, left-padded with zeros to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
