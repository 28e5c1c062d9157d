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
            ("Hamburg (ots) - Die Polizei.", "Hamburg", "ots", "Die Polizei."),
            ("Berlin (dts Nachrichtenagentur) - Die Bank.", "Berlin", "dts Nachrichtenagentur", "Die Bank."),
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

    @Test("a wire dateline's day and month without a year; none beside a complete date")
    func dayAndMonth() throws {
        for (text, written) in [
            ("LONDON, Feb 16 (Reuters) - Russia said.", "Feb 16"), ("Madrid, 4 dic (EFE).- El Gobierno.", "4 dic"),
            ("(ANSA) - ROMA, 3 MAR - Il governo.", "3 MAR"), ("BERLIN, 3. März (dpa) - Die Bank.", "3. März"),
            ("WASHINGTON, March 3rd (AP) — The Senate.", "March 3rd"),
        ] {
            let dateline = try #require(DatelineDetector.detect(in: text[...], normalizer: DateNormalizer()), "\(text)")
            #expect(dateline.dayAndMonth == written, "\(text)")
            #expect(dateline.date == nil)
        }
        for text in ["Lisboa, 3 de março de 2024 (Lusa). O governo.", "MOSCOW (Reuters) - After talks."] {
            #expect(DatelineDetector.detect(in: text[...], normalizer: DateNormalizer())?.dayAndMonth == nil)
        }
    }

    @Test(
        "day and month without a year",
        arguments: [
            ("Feb 16 (Reuters)", 2, 16), ("4 dic (EFE)", 12, 4), ("3 MAR -", 3, 3), ("4 de dezembro", 12, 4),
            ("3. März", 3, 3), ("March 3rd", 3, 3), ("Wed, 16 Feb", 2, 16),
        ] as [(String, Int, Int)]
    )
    func monthAndDay(text: String, month: Int, day: Int) throws {
        let found = try #require(DateNormalizer().monthAndDay(atStartOf: text[...]))
        #expect(found.month == month)
        #expect(found.day == day)
    }

    @Test("not a day and month", arguments: ["Feb 30", "31 abril", "16 Februaryish", "March", "16", "Febr 16x"])
    func notMonthAndDay(text: String) {
        #expect(DateNormalizer().monthAndDay(atStartOf: text[...]) == nil)
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
