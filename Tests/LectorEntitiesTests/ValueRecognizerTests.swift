import LectorCore
import LectorEntities
import Testing

@Suite("Rule-based values")
struct ValueRecognizerTests {
    @Test(
        "dates with a year read in full",
        arguments: [
            ("The deal was signed on 16 February 2022 in Paris.", "16 February 2022", "2022-02-16"),
            ("It was signed on Feb. 16, 2022, officials said.", "Feb. 16, 2022", "2022-02-16"),
            ("Filed 2022-02-16 by the court.", "2022-02-16", "2022-02-16"),
            ("El acuerdo se firmó el 16 de febrero de 2022 en Madrid.", "16 de febrero de 2022", "2022-02-16"),
        ]
    )
    func fullDates(text: String, written: String, iso: String) throws {
        let found = values(text, language: text.hasPrefix("El") ? "es" : "en")
        let date = try #require(found.first { $0.0 == "DATE" })
        #expect(date.1 == written)
        #expect(date.2 == .string(iso))
    }

    @Test("a date without a year takes the year that puts it nearest metadata.date")
    func datesWithoutYear() throws {
        let sameYear = try #require(values("Talks resume on February 15.", date: "2022-02-16").first)
        #expect(sameYear.1 == "February 15")
        #expect(sameYear.2 == "2022-02-15")
        let lastYear = try #require(values("The plant closed on 20 December.", date: "2022-01-05").first)
        #expect(lastYear.2 == "2021-12-20")
        let nextYear = try #require(values("Elections are due on January 9th.", date: "2021-12-28").first)
        #expect(nextYear.2 == "2022-01-09")
        let unresolved = try #require(values("Talks resume on February 15.").first)
        #expect(unresolved.2 == "--02-15")
    }

    @Test("weekdays, relative days, months and years")
    func relativeDates() {
        let found = values(
            "He said on Thursday that talks begin next Monday, not yesterday, and end in March 1997.",
            date: "2022-02-16"
        )
        #expect(found.map(\.1) == ["Thursday", "Monday", "yesterday", "March 1997"])
        #expect(found.map(\.2) == ["2022-02-10", "2022-02-21", "2022-02-15", "1997-03"])
        #expect(values("Prices peaked in 2008.").first?.2 == "2008")
    }

    @Test(
        "money in several currencies",
        arguments: [
            ("Revenue reached $1.5 billion last year.", "$1.5 billion", 1_500_000_000.0, "USD"),
            ("The EU offered €20m in aid.", "€20m", 20_000_000, "EUR"),
            ("It costs £12,500 a year.", "£12,500", 12_500, "GBP"),
            ("The state spent Rs 500 crore on roads.", "Rs 500 crore", 5_000_000_000, "INR"),
            ("They raised 20 million euros.", "20 million euros", 20_000_000, "EUR"),
            ("A fee of US$300 applies.", "US$300", 300, "USD"),
            ("Shares fell to 120 yen.", "120 yen", 120, "JPY"),
        ]
    )
    func money(text: String, written: String, amount: Double, currency: String) throws {
        let found = try #require(values(text).first { $0.0 == "MONEY" })
        #expect(found.1 == written)
        #expect(found.2?.doubleValue == amount)
        #expect(found.3 == currency)
    }

    @Test("percentages")
    func percentages() {
        #expect(values("Gas rose 12.5% on Monday.").first?.2 == 12.5)
        #expect(
            values("Unemployment fell to 5 per cent.").first.map { ($0.0, $0.1) } ?? ("", "") == (
                "PERCENT", "5 per cent"
            )
        )
        #expect(values("El paro bajó al 12,5 por ciento.", language: "es").first?.2 == 12.5)
    }

    @Test(
        "quantities with Indian, Western and continental grouping",
        arguments: [
            ("Some 1,50,000 troops massed.", "en", "1,50,000 troops", 150_000.0),
            ("Some 12,34,567 voters came.", "en", "12,34,567 voters", 1_234_567),
            ("Some 1,234,567 voters came.", "en", "1,234,567 voters", 1_234_567),
            ("Acudieron 1.234.567 votantes.", "es", "1.234.567 votantes", 1_234_567),
            ("The army has 2 million reservists.", "en", "2 million reservists", 2_000_000),
            ("They walked 3.5 kilometres.", "en", "3.5 kilometres", 3.5),
        ]
    )
    func quantities(text: String, language: String, written: String, value: Double) throws {
        let found = try #require(values(text, language: language).first { $0.0 == "QUANTITY" })
        #expect(found.1 == written)
        #expect(found.2?.doubleValue == value)
    }

    @Test("bare small numbers and times are not quantities")
    func notQuantities() {
        #expect(values("Chapter 7 opens at 10:30 with a speech.").isEmpty)
    }

    @Test(
        "currencies named after the number, with a code when the name has one",
        arguments: [
            ("The fine was 2.5 million kronor.", "2.5 million kronor", "SEK" as String?),
            ("Budapest set aside 300 billion forints.", "300 billion forints", "HUF"),
            ("The council will spend 40 million kroner on roads.", "40 million kroner", nil),
            ("Aprobaron 2.000 millones de euros para el campo.", "2.000 millones de euros", "EUR"),
        ]
    )
    func namedCurrencies(text: String, written: String, currency: String?) throws {
        let language = text.hasPrefix("Aprobaron") ? "es" : "en"
        let money = try #require(values(text, language: language).first { $0.0 == "MONEY" })
        #expect(money.1 == written)
        #expect(money.3 == currency)
    }
}
