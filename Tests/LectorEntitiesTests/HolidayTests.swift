import LectorCore
import LectorText
import Testing

@testable import LectorEntities

/// Holidays read as dates (`Holidays`).
@Suite("Entities: holidays are dates")
struct HolidayTests {
    /// The DATE mentions of a text as (text, value).
    private func dates(_ text: String, language: String = "en", date: String? = "2005-01-20") -> [String: String] {
        var found: [String: String] = [:]
        for (type, written, value, _) in values(text, language: language, date: date) where type == "DATE" {
            found[written] = value?.stringValue ?? "-"
        }
        return found
    }

    @Test("English holidays take the nearest year, or the year written after them")
    func english() {
        let found = dates(
            "Shoppers used vouchers given for Christmas. Christmas 2004 was poor; on Christmas Eve shops were empty. "
                + "Sales rose by Good Friday and fell after Halloween. New Year's Day was quiet."
        )
        #expect(found["Christmas"] == "2004-12-25", "\(found)")
        #expect(found["Christmas 2004"] == "2004-12-25")
        #expect(found["Christmas Eve"] == "2004-12-24")
        #expect(found["Good Friday"] == "2005-03-25", "Easter 2005 fell on 27 March")
        #expect(found["Halloween"] == "2004-10-31")
        #expect(found["New Year's Day"] == "2005-01-01")
    }

    @Test("a holiday's word inside a longer name is no date; without a reference date only fixed days get a value")
    func notDates() {
        let found = dates(
            "They sailed to Easter Island before the Office Christmas Special, and back by Easter.",
            date: nil
        )
        #expect(found["Easter"] == "-", "\(found)")
        #expect(!found.keys.contains { $0.hasPrefix("Easter Island") || $0.hasPrefix("Christmas") })
        #expect(dates("See you at Christmas.", date: nil)["Christmas"] == "--12-25")
    }

    /// A sentence in one language and the holidays expected in it, against 3 March 2024.
    struct European: Sendable, CustomTestStringConvertible {
        var language: String
        var text: String
        var expected: [String: String]
        var testDescription: String { language }
    }

    static let europeanSentences = [
        European(
            language: "de",
            text: "Die Läden schließen an Weihnachten und am Ostermontag.",
            expected: ["Weihnachten": "2023-12-25", "Ostermontag": "2024-04-01"]
        ),
        European(
            language: "fr",
            text: "Les soldes reprennent après Noël et avant Pâques.",
            expected: ["Noël": "2023-12-25", "Pâques": "2024-03-31"]
        ),
        European(
            language: "es",
            text: "La fiesta de Nochevieja y el Viernes Santo.",
            expected: ["Nochevieja": "2023-12-31", "Viernes Santo": "2024-03-29"]
        ),
        European(
            language: "it",
            text: "Chiuso a Ferragosto e a Pasquetta.",
            expected: ["Ferragosto": "2024-08-15", "Pasquetta": "2024-04-01"]
        ),
        European(
            language: "pt",
            text: "Viagens no Ano Novo e na Páscoa.",
            expected: ["Ano Novo": "2024-01-01", "Páscoa": "2024-03-31"]
        ),
        European(
            language: "nl",
            text: "Drukte op Koningsdag en met Pasen.",
            expected: ["Koningsdag": "2024-04-27", "Pasen": "2024-03-31"]
        ),
    ]

    @Test("holidays in German, French, Spanish, Italian, Portuguese and Dutch", arguments: europeanSentences)
    func european(_ sentence: European) {
        #expect(dates(sentence.text, language: sentence.language, date: "2024-03-03") == sentence.expected)
    }

    @Test("a holiday that is also a person's name is a date only after a preposition or an article")
    func namesakes() {
        let french = dates(
            "Me Noël présente la défense. Les matelots Noël et Toussaint rentrent à Noël.",
            language: "fr"
        )
        #expect(french == ["Noël": "2004-12-25"], "only `à Noël`")
        let italian = dates("Antonio Di Natale segna; a Natale si riposa.", language: "it")
        #expect(italian == ["Natale": "2004-12-25"])
    }

    @Test("Easter Sunday by the Gregorian computus")
    func easter() {
        let known = [
            2000: "2000-04-23", 2008: "2008-03-23", 2019: "2019-04-21", 2024: "2024-03-31", 2025: "2025-04-20",
            2038: "2038-04-25", 2285: "2285-03-22",
        ]
        for (year, iso) in known { #expect(Holidays.easterSunday(year).iso == iso, "\(year)") }
    }
}
