/// Reads a date as people write it in articles and feeds, and writes it as ISO 8601.
///
/// Accepted forms (case-insensitive; surrounding white space is ignored):
/// - ISO: `2022-02-16`, `2022/02/16`, `2022-02-16T10:30:00Z`, `2022-02-16 10:30+01:00`;
/// - numeric: `16.02.2022` (always day first, as in German), `16/02/2022` and
///   `02/16/2022` (the part greater than 12 is the day; when both could be the month,
///   ``prefersDayFirst`` decides, day first by default), `16-02-2022`;
/// - with a month name in English, German, French, Spanish, Italian, Portuguese or Dutch,
///   in full or abbreviated, with an optional weekday: `16 February 2022`, `February 16, 2022`, `Feb. 16, 2022`,
///   `16. Februar 2022`, `16 février 2022`, `16 de febrero de 2022`, `16th of February 2022`;
/// - RFC 822/2822: `Wed, 16 Feb 2022 10:30:00 +0000`.
///
/// Any form may be followed by a time (`10:30`, `10:30:00`, `10:30 pm`, `at 10:30`) and a
/// zone (`Z`, `+01:00`, `+0100`, `GMT`, `UTC`, `EST`…). The result is `YYYY-MM-DD` for a
/// date alone and `YYYY-MM-DDTHH:MM:SS` plus the zone as `Z` or `±HH:MM` when a time is
/// given; the offset is kept as written, never converted to UTC. Days that do not exist
/// (`2022-02-30`) and years outside 1000…2999 are not dates.
public struct DateNormalizer: Sendable {
    /// Whether an ambiguous numeric date such as `03/04/2022` reads as day/month (the
    /// default, as in most of the world) rather than month/day.
    public var prefersDayFirst: Bool

    /// Creates a normaliser.
    ///
    /// - Parameter prefersDayFirst: How to read `03/04/2022`: `true` (the default) gives
    ///   3 April, `false` gives 4 March.
    public init(prefersDayFirst: Bool = true) {
        self.prefersDayFirst = prefersDayFirst
    }

    /// A date found at the start of some text.
    public struct Match: Sendable, Equatable {
        /// The date in ISO 8601.
        public var value: String
        /// The text the date was read from.
        public var range: Range<String.Index>

        /// Creates a match.
        ///
        /// - Parameters:
        ///   - value: The date in ISO 8601.
        ///   - range: Where it was written.
        public init(value: String, range: Range<String.Index>) {
            self.value = value
            self.range = range
        }
    }

    /// The ISO 8601 form of a string that is a date and nothing else.
    ///
    /// - Parameter text: The date as written, for example `16 February 2022`.
    /// - Returns: The ISO 8601 form (`2022-02-16`), or `nil` when `text` is not exactly
    ///   one valid date.
    public func normalize(_ text: some StringProtocol) -> String? {
        var slice = Substring(text)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        guard let match = match(atStartOf: slice), match.range.upperBound == slice.endIndex else { return nil }
        return match.value
    }

    /// The longest date written at the very start of `text`.
    ///
    /// The date must end at a word boundary: `2022-02-16 After talks` matches
    /// `2022-02-16`, but `2022-02-16x` matches nothing.
    ///
    /// - Parameter text: Text that may start with a date.
    /// - Returns: The date and where it was written, or `nil` when `text` does not start
    ///   with a valid date.
    public func match(atStartOf text: Substring) -> Match? {
        guard let first = text.unicodeScalars.first, first.isWordLike else { return nil }
        var best: (parts: DateParts, end: String.Index)?
        for form in Form.allCases {
            var scanner = DateScanner(text)
            guard var parts = read(form, with: &scanner), parts.isValid else { continue }
            readTime(with: &scanner, into: &parts)
            guard scanner.isAtBoundary else { continue }
            if best.map({ scanner.index > $0.end }) ?? true { best = (parts, scanner.index) }
        }
        guard let best else { return nil }
        return Match(value: best.parts.iso8601, range: text.startIndex..<best.end)
    }
}
