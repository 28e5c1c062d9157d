import LectorCore
import LectorMetadata
import Testing

@Suite struct TitleDetectorTests {
    @Test func titleLineFollowedByBlankLine() {
        let document = runMetadata("Putin and Scholz meet in Moscow\n\nAfter talks in Moscow…\n\nMore.")
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": "Putin and Scholz meet in Moscow"])
        #expect(document.text == "After talks in Moscow…\n\nMore.")
    }

    @Test(
        "short headlines may ask or exclaim",
        arguments: ["Could Yukos be a blessing in disguise?", "What now for Kelly Holmes?", "Goal!"]
    )
    func questionHeadline(title: String) {
        let document = runMetadata(title + "\n\nThe company said on Monday that it would appeal.")
        #expect(document.metadata["title"] == .string(title))
        #expect(document.text == "The company said on Monday that it would appeal.")
    }

    @Test(
        arguments: [
            ("Talks\n\nBy Jane Doe\n\nBody.", "Jane Doe"),
            ("Talks\nBy Jane Doe and John Roe, Reuters\n\nBody.", "Jane Doe and John Roe, Reuters"),
            ("Talks\n\nBY JANE DOE\nBody.", "JANE DOE"),
            ("Talks\n\nBy J. K. Rowling\n\nBody.", "J. K. Rowling"),
        ]
    )
    func bylineAfterTitle(text: String, author: String) {
        let document = runMetadata(text)
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": "Talks", "author": .string(author)])
        #expect(document.text == "Body.")
    }

    @Test func bylineWithoutTitle() {
        let document = runMetadata("By Jane Doe\n\nAfter talks in Moscow, the leaders spoke.")
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": nil, "author": "Jane Doe"])
        #expect(document.text == "After talks in Moscow, the leaders spoke.")
    }

    @Test(
        arguments: [
            ("Украина — что известно о переговорах\n\nТекст.", "Украина — что известно о переговорах", "Текст."),
            ("Gespräche in Moskau – „kein Durchbruch“\n\nText.", "Gespräche in Moskau – „kein Durchbruch“", "Text."),
            ("普京与朔尔茨在莫斯科会面\n\n正文。", "普京与朔尔茨在莫斯科会面", "正文。"),
            ("# Talks in Moscow 🇺🇦\n\nBody.", "Talks in Moscow 🇺🇦", "Body."),
        ]
    )
    func unicodeTitles(text: String, title: String, body: String) {
        let document = runMetadata(text)
        #expect(document.metadata["title"] == .string(title))
        #expect(document.text == body)
    }

    @Test(
        arguments: [
            "The talks ended.\n\nBody.",
            "Did the talks between the two leaders in Moscow end early this week?\n\nBody.",
            "He said: \"the talks ended.\"\n\nBody.",
            "He said „es ist vorbei.“\n\nBody.",
            "A first line that goes straight on\ninto the second line.",
            "Only one line",
            "Only a title\n\n",
            "- a list item\n\nBody.",
            "2022\n\nBody.",
            String(repeating: "word ", count: 21) + "\n\nBody.",
            String(repeating: "x", count: 151) + "\n\nBody.",
            "By the time we arrived\n\nthe talks had ended.",
        ]
    )
    func notATitle(text: String) {
        let document = runMetadata(text)
        #expect(document.text == text)
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": nil])
    }

    @Test func datelineIsRecordedAndKept() {
        let text = "Talks\n\nMOSCOW (Reuters) - After talks…"
        let document = runMetadata(text)
        #expect(
            JSONValue.object(document.metadata) == [
                "date": nil, "title": "Talks", "dateline": "MOSCOW", "agency": "Reuters",
            ]
        )
        #expect(document.text == "MOSCOW (Reuters) - After talks…")
    }

    @Test(
        arguments: [
            ("LONDON, Feb 16 (Reuters) - After talks…", "LONDON"),
            ("NEW YORK (AP) — After talks…", "NEW YORK"),
            ("PARIS, 16 February – After talks…", "PARIS"),
        ]
    )
    func datelines(text: String, place: String) {
        let document = runMetadata(text)
        #expect(document.metadata["dateline"] == .string(place))
        #expect(document.text == text)
    }

    @Test(
        "newswire datelines give the place, the agency and a date that has its year",
        arguments: [
            ("WASHINGTON (Reuters) - The Fed held rates.", "WASHINGTON", "Reuters", nil),
            ("LONDON, March 3 (AP) — The minister spoke.", "LONDON", "AP", nil),
            ("Berlin, 3 March 2024. The government met.", "Berlin", nil, "2024-03-03"),
            ("Berlin, 3. März 2024 (dpa) - Die Regierung tagte.", "Berlin", "dpa", "2024-03-03"),
            ("BERLIN, 3 March 2024 (dpa) - The government met.", "BERLIN", "dpa", "2024-03-03"),
            ("Paris, 16 février 2024 (AFP) — Le gouvernement.", "Paris", "AFP", "2024-02-16"),
            ("New York, March 3, 2024 - Markets fell.", "New York", nil, "2024-03-03"),
            ("Berlin (dpa) - Die Bundesregierung hat beschlossen.", "Berlin", "dpa", nil),
            ("Frankfurt/Main (dpa/AFP) - Die Börse schloss fester.", "Frankfurt/Main", "dpa/AFP", nil),
            ("Madrid, 3 mar (EFE).- El Gobierno aprobó la ley.", "Madrid", "EFE", nil),
            ("(ANSA) - ROMA, 3 MAR - Il governo ha approvato.", "ROMA", "ANSA", nil),
            ("Lisboa, 3 de março de 2024 (Lusa) - O Governo aprovou.", "Lisboa", "Lusa", "2024-03-03"),
            ("AMSTERDAM (ANP) - Het kabinet heeft besloten.", "AMSTERDAM", "ANP", nil),
            ("Roma, 3 marzo 2024 (ANSA) - Il governo.", "Roma", "ANSA", "2024-03-03"),
            ("Den Haag, 22 november 2023. Het kabinet viel.", "Den Haag", nil, "2023-11-22"),
            ("Москва, 3 марта 2024 года. Президент встретился.", "Москва", nil, "2024-03-03"),
            ("Москва, 3 марта 2024 г. Президент встретился.", "Москва", nil, "2024-03-03"),
        ] as [(String, String, String?, String?)]
    )
    func newswireDatelines(text: String, place: String, agency: String?, date: String?) {
        let document = runMetadata(text)
        #expect(document.metadata["dateline"] == .string(place))
        #expect(document.metadata["agency"] == agency.map(JSONValue.string))
        #expect(document.metadata["date"] == (date.map(JSONValue.string) ?? .null))
        #expect(document.text == text, "the dateline stays in the text")
    }

    @Test(
        arguments: [
            "NATO - the alliance met.", "US officials said (privately) - nothing.", "I (Reuters) - x",
            "Berlin, the capital, is large.", "Berlin, 3 March was cold - and wet.", "Smith said - nothing.",
            "Россия, 24 февраля 2022 г. начала операцию.",
        ]
    )
    func notDatelines(text: String) {
        let document = runMetadata(text)
        #expect(document.metadata["dateline"] == nil)
        #expect(document.text == text)
    }
}
