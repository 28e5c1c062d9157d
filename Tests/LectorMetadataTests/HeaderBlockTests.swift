import LectorCore
import LectorMetadata
import Testing

@Suite struct HeaderBlockTests {
    @Test func readsKnownAndOtherKeys() {
        let text = """
            Title: Putin and Scholz meet in Moscow
            Date: Wed, 16 Feb 2022 10:30:00 +0000
            By: Jane Doe
            Source: Reuters
            Link: https://example.com/a?b=1
            Section: World
            Tags: ukraine, russia; 
            Language: en
            X-Original-Id: 42

            After talks in Moscow…

            Second paragraph.
            """
        let document = runMetadata(text)
        let expected: JSONValue = [
            "date": "2022-02-16T10:30:00+00:00", "title": "Putin and Scholz meet in Moscow",
            "date_raw": "Wed, 16 Feb 2022 10:30:00 +0000", "author": "Jane Doe", "source": "Reuters",
            "url": "https://example.com/a?b=1", "section": "World", "tags": ["ukraine, russia"], "language": "en",
            "x_original_id": "42",
        ]
        #expect(JSONValue.object(document.metadata) == expected)
        #expect(document.text == "After talks in Moscow…\n\nSecond paragraph.")
    }

    @Test func foldsContinuationLinesAndSplitsTags() {
        let text = "Title: A very long title\n  that continues here\nTags: a, b , c\nPublished: 16/02/2022\n\nBody."
        let document = runMetadata(text)
        let expected: JSONValue = [
            "date": "2022-02-16", "title": "A very long title that continues here", "tags": ["a", "b", "c"],
            "date_raw": "16/02/2022",
        ]
        #expect(JSONValue.object(document.metadata) == expected)
        #expect(document.text == "Body.")
    }

    @Test func repeatedKeyGivesList() {
        let document = runMetadata("Author: Jane Doe\nAuthor: John Roe\n\nBody.")
        #expect(document.metadata["author"] == ["Jane Doe", "John Roe"])
        #expect(document.text == "Body.")
    }

    @Test func unreadableDateIsNullWithRaw() {
        let document = runMetadata("Date: sometime last week\nTitle: Talks\n\nBody.")
        #expect(
            JSONValue.object(document.metadata) == ["date": nil, "title": "Talks", "date_raw": "sometime last week"]
        )
        #expect(document.text == "Body.")
    }

    @Test func headerOnlyTextLeavesEmptyBody() {
        let document = runMetadata("Title: Talks\nDate: 2022-02-16\n")
        #expect(JSONValue.object(document.metadata) == ["date": "2022-02-16", "title": "Talks"])
        #expect(document.text == "")
    }

    @Test(
        arguments: [
            "Note: this article was updated to correct a name.\n\nBody.",
            "Note: short\nAnother: line\n\nBody.",
            "Source: officials in Moscow said on Wednesday that the talks had gone on for many hours, longer than "
                + "planned, and that both sides had agreed to keep on talking next week.\n\nBody.",
            "Title: Talks\nthis line is prose\n\nBody.",
            "Title: Talks\nDate: 2022-02-16\nBody starts without a blank line.",
            "https://example.com: a link\n\nBody.",
            "At 10:30: the talks began.\n\nBody.",
        ]
    )
    func textThatIsNotAHeaderStays(text: String) {
        let document = runMetadata(text, processor: MetadataProcessor(detectsTitle: false))
        #expect(document.text == text)
        #expect(document.metadata["title"] == JSONValue.null)
    }

    @Test func noteParagraphIsNotEatenWithTitleDetection() {
        let text = "Note: this article was updated to correct a name.\n\nBody."
        let document = runMetadata(text)
        #expect(document.text == text)
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": nil])
    }
}
