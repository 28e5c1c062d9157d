import LectorText
import Testing

@Suite("DatelineDetector")
struct DatelineDetectorTests {
    @Test(
        "one detector for metadata and summary: place, agency, and where the text goes on",
        arguments: [
            ("MOSCOW (Reuters) - After talks.", "MOSCOW", "Reuters", "After talks."),
            ("Boston (CNN)Guilty, the jury said.", "Boston", "CNN", "Guilty, the jury said."),
            ("Boston, Massachusetts (CNN) -- The jury said.", "Boston", "CNN", "The jury said."),
            ("(CNN) -- The council voted.", nil, "CNN", "The council voted."),
            ("MOSCOW — The council voted.", "MOSCOW", nil, "The council voted."),
            ("(ANSA) - ROMA, 3 MAR - Il governo.", "ROMA", "ANSA", "Il governo."),
            ("Lisboa, 3 de março de 2024 (Lusa). O governo.", "Lisboa", "Lusa", "O governo."),
            ("Amsterdam, 3 maart 2024 (ANP). Het kabinet.", "Amsterdam", "ANP", "Het kabinet."),
            ("Berlin, 3. März 2024 (dpa). Die Regierung.", "Berlin", "dpa", "Die Regierung."),
            ("Frankfurt am Main, 3. März 2024 (dpa) - Die Bank.", "Frankfurt am Main", "dpa", "Die Bank."),
            ("Rio de Janeiro (Agência Brasil) - O governo.", "Rio de Janeiro", "Agência Brasil", "O governo."),
            ("Mülheim an der Ruhr, 3. März 2024. Die Stadt.", "Mülheim an der Ruhr", nil, "Die Stadt."),
            ("(Lusa). O governo.", nil, "Lusa", "O governo."),
            ("Hamburg (dpa/AFP) - Der Hafen.", "Hamburg", "dpa/AFP", "Der Hafen."),
            ("Hamburg (dpa-AFX) - Der Hafen.", "Hamburg", "dpa-AFX", "Der Hafen."),
        ] as [(String, String?, String?, String)]
    )
    func detects(text: String, place: String?, agency: String?, rest: String) throws {
        let dateline = try #require(DatelineDetector.detect(in: text[...], normalizer: DateNormalizer()))
        #expect(dateline.place == place)
        #expect(dateline.agency == agency)
        #expect(text[dateline.end...] == rest)
        let scalars = Array(text.unicodeScalars)
        let length = DatelineDetector.length(in: scalars, 0..<scalars.count, normalizer: DateNormalizer())
        #expect(length == scalars.count - rest.unicodeScalars.count)
    }

    @Test("a dateline's complete date, with an agency and a full stop after it")
    func completeDates() throws {
        for (text, date) in [
            ("Lisboa, 3 de março de 2024 (Lusa). O governo.", "3 de março de 2024"),
            ("Den Haag, 3 maart 2024 (ANP). Het kabinet.", "3 maart 2024"),
            ("Rio de Janeiro, 3 de março de 2024 (Lusa) - O governo.", "3 de março de 2024"),
        ] {
            let dateline = try #require(DatelineDetector.detect(in: text[...], normalizer: DateNormalizer()))
            #expect(dateline.date == date, "\(text)")
        }
    }

    @Test(
        "not datelines",
        arguments: [
            "NATO - the alliance met.", "President Obama (D) said it.", "New York - based firms said it.",
            "Berlin, the capital, is large.", "I (Reuters) - x", "Smith said - nothing.",
            "Mit der Bahn, so sagte er, fuhr er.", "Berlin und Paris, 3. März 2024. Die Städte.",
            "de Gaulle, 3 March 2024. He said.", "Lisboa, 3 de março (Sonntag). O governo.",
            "The American Psychological Association (APA) says so.", "Artificial General Intelligence (AGI) could win.",
            "Lisboa e Porto, 3 de março de 2024. As cidades.", "Posted on Friday, 3 March 2024. Text.",
            "Die Zahl der Arbeitslosen (saisonbereinigt) – sie sank.", "Die Preise (inflationsbereinigt) - Text.",
        ]
    )
    func rejects(text: String) {
        #expect(DatelineDetector.detect(in: text[...], normalizer: DateNormalizer()) == nil)
    }
}
