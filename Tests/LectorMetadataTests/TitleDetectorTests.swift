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
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": "Talks", "dateline": "MOSCOW"])
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

    @Test(arguments: ["NATO - the alliance met.", "US officials said (privately) - nothing.", "I (Reuters) - x"])
    func notDatelines(text: String) {
        let document = runMetadata(text)
        #expect(document.metadata["dateline"] == nil)
        #expect(document.text == text)
    }
}
