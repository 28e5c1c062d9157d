import LectorCore
package import LectorText

/// Finds DATE, MONEY, PERCENT and QUANTITY mentions by rule, with normalised values.
///
/// - **DATE**: full dates in every form ``DateNormalizer`` reads (`16 February 2022`,
///   `Feb. 16, 2022`, `2022-02-16`, `16.02.2022`); a month and day without a year
///   (`February 15`, `15 February`, `15 de febrero`), resolved to the year that puts it
///   closest to the reference date; a month and year (`February 2022` → `2022-02`); a month
///   after `in`, `since`, `until`, `by`, `last`, `next`, `early`, `late`, `en`, `desde`,
///   `hasta` (→ `YYYY-MM`); a weekday (the last such day on or before the reference date,
///   or after it with `next`); `yesterday`, `today`, `tomorrow`, `ayer`, `hoy`; holidays
///   (``Holidays``: `Christmas`, `Easter Monday`, `Noël`, `Koningsdag`); and a year alone
///   (`1996`). Without a reference date, a date missing its year is written `--MM-DD` and
///   weekdays, relative days and Easter's holidays have no value.
/// - **MONEY**: a currency symbol or code before a number (`$1.5 billion`, `€20m`,
///   `US$ 300`, `Rs 500 crore`, `GBP 12`), or a currency word or code after it
///   (`20 million euros`, `300 dólares`); `value` is the amount, `unit` the ISO 4217 code.
/// - **PERCENT**: a number with `%`, `percent`, `per cent`, `pct` or `por ciento`.
/// - **QUANTITY**: a number with a scale word (`2 million`), or with a lowercase noun after
///   it (`1,50,000 troops`, whose `value` is 150000 and `unit` `troops`).
///
/// Numbers may be grouped in the Western (`1,234,567`), Indian (`1,50,000`) or continental
/// (`1.234.567,5`) way; scale words (`thousand`, `million`, `bn`, `lakh`, `crore`,
/// `millones`) multiply.
package struct ValueRecognizer: Sendable {
    /// The language of the text (`en`, `es`, …), for decimal commas and month words.
    package var language: String
    /// The date that dates without a year are resolved against (usually `metadata.date`).
    package var referenceDate: String?
    let normalizer = DateNormalizer()
    /// The language's weekdays, relative days, scales, currency and percent words.
    let words: ValueWords
    /// The first words of the language's holidays (``Holidays/starts``).
    let holidayStarts: Set<String>

    /// Creates a recognizer.
    ///
    /// - Parameters:
    ///   - language: The text's language code.
    ///   - referenceDate: An ISO 8601 date, or `nil`.
    package init(language: String, referenceDate: String?) {
        self.language = language
        self.referenceDate = referenceDate
        words = ValueWords.for(language)
        holidayStarts = Holidays.starts[language] ?? []
    }

    /// The languages whose dates, money, percentages and quantities are read with words of
    /// their own (English, German, French, Spanish, Italian, Portuguese, Dutch).
    package static var languages: Set<String> { ValueWords.languages }

    /// The mentions in a text.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - tokens: Its tokens (``Tokenizer/tokenize(_:)``).
    /// - Returns: The mentions, in text order, never overlapping.
    package func mentions(in text: ScalarText, tokens: [Token]) -> [EntityMention] {
        let scan = ValueScan(text: text, tokens: tokens, recognizer: self)
        var mentions: [EntityMention] = []
        var index = 0
        while index < tokens.count {
            if let (mention, next) = scan.date(at: index) ?? scan.amount(at: index) {
                mentions.append(mention)
                index = max(next, index + 1)
            } else {
                index += 1
            }
        }
        return mentions
    }

    /// Whether numbers in this language use a decimal comma.
    var usesDecimalComma: Bool { ["es", "de", "fr", "it", "pt", "nl", "ru"].contains(language) }

    /// The reference date, when it is readable.
    var reference: CivilDate? { referenceDate.flatMap { CivilDate(iso: $0) } }
}
