import LectorCore
import LectorEntities
import Testing

/// Dates, money, percentages and quantities in the European languages that have value words,
/// each against 3 March 2024 (a Sunday) as the article's date.
@Suite("Rule-based values in German, French, Spanish, Italian, Portuguese and Dutch")
struct EuropeanValueTests {
    static let reference = "2024-03-03"

    /// The one mention of a type in a text.
    private func only(
        _ type: String,
        _ text: String,
        _ language: String
    ) -> (written: String, value: JSONValue?, unit: String?)? {
        let found = values(text, language: language, date: Self.reference).filter { $0.0 == type }
        guard found.count == 1, let mention = found.first else { return nil }
        return (mention.1, mention.2, mention.3)
    }

    @Test(
        "absolute and relative dates",
        arguments: [
            ("de", "Die Wahl fand am 3. März 2024 statt.", "3. März 2024", "2024-03-03"),
            ("de", "Der Vertrag wurde am 12. Februar unterzeichnet.", "12. Februar", "2024-02-12"),
            ("de", "Die Minister trafen sich gestern in Brüssel.", "gestern", "2024-03-02"),
            ("de", "Am Dienstag beginnt die Sitzung.", "Dienstag", "2024-02-27"),
            ("fr", "Le sommet a eu lieu le 3 mars à Paris.", "3 mars", "2024-03-03"),
            ("fr", "Le décret date du 1er février 2024.", "1er février 2024", "2024-02-01"),
            ("fr", "Le ministre a parlé hier soir.", "hier", "2024-03-02"),
            ("fr", "Il partira lundi prochain.", "lundi", "2024-03-04"),
            ("es", "El martes se reunió el Gobierno.", "martes", "2024-02-27"),
            ("es", "La ley entró en vigor el 3 de marzo de 2024.", "3 de marzo de 2024", "2024-03-03"),
            ("it", "Il decreto è stato firmato il 12 febbraio.", "12 febbraio", "2024-02-12"),
            ("it", "Ieri il governo ha approvato la legge.", "Ieri", "2024-03-02"),
            ("it", "Le elezioni si sono tenute il 3 marzo 2024.", "3 marzo 2024", "2024-03-03"),
            ("pt", "O acordo foi assinado ontem em Lisboa.", "ontem", "2024-03-02"),
            ("pt", "A lei entrou em vigor a 3 de março de 2024.", "3 de março de 2024", "2024-03-03"),
            ("pt", "A reunião decorreu na segunda-feira.", "segunda-feira", "2024-02-26"),
            ("nl", "Het kabinet besloot gisteren tot nieuwe maatregelen.", "gisteren", "2024-03-02"),
            ("nl", "De verkiezingen zijn op 22 november 2023 gehouden.", "22 november 2023", "2023-11-22"),
            ("nl", "Op woensdag vergadert de Tweede Kamer.", "woensdag", "2024-02-28"),
            ("ru", "Выборы прошли 3 марта 2024 года.", "3 марта 2024", "2024-03-03"),
            ("ru", "Соглашение подписали 12 февраля.", "12 февраля", "2024-02-12"),
            ("ru", "Министр выступил вчера в Москве.", "вчера", "2024-03-02"),
        ]
    )
    func dates(language: String, text: String, written: String, iso: String) throws {
        let date = try #require(only("DATE", text, language), "\(language): \(text)")
        #expect(date.written == written)
        #expect(date.value == .string(iso))
    }

    @Test(
        "money with the language's numbers, scale words and currencies",
        arguments: [
            (
                "de", "Der Konzern investiert 500 Millionen Euro in das Werk.", "500 Millionen Euro", 500_000_000.0,
                "EUR"
            ),
            ("de", "Der Umsatz lag bei 1.234,56 EUR.", "1.234,56 EUR", 1234.56, "EUR"),
            ("de", "Das Paket umfasst 2,5 Mrd. Euro.", "2,5 Mrd. Euro", 2_500_000_000, "EUR"),
            ("de", "Die Schulden betragen 1 Billion Dollar.", "1 Billion Dollar", 1e12, "USD"),
            ("fr", "Le budget atteint 12 000 € cette année.", "12 000 €", 12_000, "EUR"),
            ("fr", "L'État prête 2 milliards d'euros aux régions.", "2 milliards d'euros", 2e9, "EUR"),
            ("es", "El Gobierno destina 2.000 millones de euros al plan.", "2.000 millones de euros", 2e9, "EUR"),
            ("it", "Il piano vale 3 miliardi di euro.", "3 miliardi di euro", 3e9, "EUR"),
            ("it", "La società ha perso 40 milioni di dollari.", "40 milioni di dollari", 40e6, "USD"),
            ("pt", "O Banco Central injetou R$ 3,5 bilhões no mercado.", "R$ 3,5 bilhões", 3.5e9, "BRL"),
            ("pt", "O contrato vale 200 milhões de euros.", "200 milhões de euros", 200e6, "EUR"),
            ("nl", "Het kabinet trekt 1,5 miljard euro uit.", "1,5 miljard euro", 1.5e9, "EUR"),
            ("ru", "Компания вложит 500 млн рублей в завод.", "500 млн рублей", 500e6, "RUB"),
        ]
    )
    func money(language: String, text: String, written: String, amount: Double, code: String) throws {
        let money = try #require(only("MONEY", text, language), "\(language): \(text)")
        #expect(money.written == written)
        #expect(money.value?.doubleValue == amount)
        #expect(money.unit == code)
    }

    @Test(
        "percentages",
        arguments: [
            ("de", "Die Inflation stieg um 1,2 Prozent.", "1,2 Prozent", 1.2),
            ("fr", "Le chômage a baissé de 0,3 pour cent.", "0,3 pour cent", 0.3),
            ("fr", "La croissance atteint 12 % sur un an.", "12 %", 12),
            ("es", "El paro bajó un 2,5 por ciento.", "2,5 por ciento", 2.5),
            ("it", "Il PIL è cresciuto dello 0,7 per cento.", "0,7 per cento", 0.7),
            ("pt", "A inflação subiu 4,1 por cento.", "4,1 por cento", 4.1),
            ("nl", "De werkloosheid daalde met 0,2 procent.", "0,2 procent", 0.2),
            ("ru", "Инфляция выросла на 7,4 процента.", "7,4 процента", 7.4),
        ]
    )
    func percentages(language: String, text: String, written: String, amount: Double) throws {
        let percent = try #require(only("PERCENT", text, language), "\(language): \(text)")
        #expect(percent.written == written)
        #expect(percent.value?.doubleValue == amount)
    }

    @Test(
        "quantities, with German capitalised nouns as units",
        arguments: [
            ("de", "Das Unternehmen streicht 1.200 Stellen.", "1.200 Stellen", 1200.0, "stellen"),
            ("fr", "La ville compte 45 000 habitants.", "45 000 habitants", 45_000, "habitants"),
            ("it", "Sono arrivati 300 migranti.", "300 migranti", 300, "migranti"),
            ("nl", "Er werden 2,5 miljoen mensen geëvacueerd.", "2,5 miljoen mensen", 2.5e6, "mensen"),
            ("pt", "O país tem 10,3 milhões", "10,3 milhões", 10.3e6, nil),
        ]
    )
    func quantities(language: String, text: String, written: String, amount: Double, unit: String?) throws {
        let quantity = try #require(only("QUANTITY", text, language), "\(language): \(text)")
        #expect(quantity.written == written)
        #expect(quantity.value?.doubleValue == amount)
        #expect(quantity.unit == unit)
    }

    @Test("German Morgen is the morning, morgen tomorrow; English stays English")
    func falseFriends() {
        #expect(values("Heute Morgen sprach der Kanzler.", language: "de", date: Self.reference).map(\.1) == ["Heute"])
        #expect(
            values("Das Treffen ist morgen.", language: "de", date: Self.reference).first?.2 == .string("2024-03-04")
        )
        // A billion is a thousand millions in English and a million millions in German.
        #expect(values("It costs 1 billion dollars.", date: Self.reference).first?.2?.doubleValue == 1e9)
    }
}
