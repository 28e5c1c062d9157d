import LectorCore
import LectorMetadata
import Testing

@Suite struct MetadataProcessorTests {
    @Test func textWithoutHeaderIsUnchanged() {
        let text =
            "After talks in Moscow on Wednesday, the two leaders said they would keep talking.\n\n"
            + "Second paragraph.\n"
        let document = runMetadata(text)
        #expect(document.text == text)
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": nil])
        #expect(document.metadata.keys == ["date", "title"])
        #expect(document.warnings.isEmpty)
    }

    @Test(arguments: ["", "\n\n", "   ", "x"])
    func tinyTexts(text: String) {
        let document = runMetadata(text)
        #expect(document.text == text)
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": nil])
    }

    @Test func leadingBlankLinesBeforeHeaderAreRemovedBodyUntouched() {
        let document = runMetadata("\n\nTitle: Talks\n\n\n\n  Indented body.\n\n\nEnd.\n")
        #expect(document.text == "  Indented body.\n\n\nEnd.\n")
        #expect(document.metadata["title"] == "Talks")
    }

    @Test func normalisedLineEndingsWithCarriageReturnsLeft() {
        // The decoder turns CRLF into LF; a stray CR at a line's end is still read as white space.
        let document = runMetadata("Title: Talks\r\nDate: 16.02.2022\r\n\r\nBody.\r\n")
        #expect(document.metadata["title"] == "Talks")
        #expect(document.metadata["date"] == "2022-02-16")
        #expect(document.text == "Body.\r\n")
        let normalised = runMetadata("Title: Talks\nDate: 16.02.2022\n\nBody.\n")
        #expect(normalised.text == "Body.\n")
        #expect(normalised.metadata == document.metadata)
    }

    @Test func existingMetadataIsKeptUnlessTheHeaderHasTheKey() {
        let existing = JSONObject([("author", "Given Author"), ("source", "feed"), ("title", "Given title")])
        let document = runMetadata("Title: Header title\nDate: 2022-02-16\n\nBody.", metadata: existing)
        let expected: JSONValue = [
            "date": "2022-02-16", "title": "Header title", "author": "Given Author", "source": "feed",
        ]
        #expect(JSONValue.object(document.metadata) == expected)
        #expect(document.metadata.keys == ["date", "title", "author", "source"])
    }

    @Test func existingDateIsNormalisedWhenNoHeaderGivesOne() {
        let existing = JSONObject([("date", "16 February 2022"), ("title", "Given")])
        let document = runMetadata("Body only.", metadata: existing)
        let expected: JSONValue = ["date": "2022-02-16", "title": "Given", "date_raw": "16 February 2022"]
        #expect(JSONValue.object(document.metadata) == expected)
    }

    @Test func existingUnreadableDateIsKept() {
        let existing = JSONObject([("date", "last week")])
        let document = runMetadata("Body only.", metadata: existing)
        #expect(JSONValue.object(document.metadata) == ["date": "last week", "title": nil])
    }

    @Test func headerDateReplacesExistingDateAndRaw() {
        let existing = JSONObject([("date", "2020-01-01"), ("date_raw", "1 January 2020")])
        let document = runMetadata("Date: 2022-02-16\n\nBody.", metadata: existing)
        #expect(JSONValue.object(document.metadata) == ["date": "2022-02-16", "title": nil])
    }

    @Test func everythingTogether() {
        let text = """
            Putin and Scholz meet in Moscow
            By Jane Doe, Reuters

            16 February 2022 — MOSCOW (Reuters) - After talks…
            """
        let document = runMetadata(text)
        let expected: JSONValue = [
            "date": "2022-02-16", "title": "Putin and Scholz meet in Moscow", "author": "Jane Doe, Reuters",
            "date_raw": "16 February 2022", "dateline": "MOSCOW", "agency": "Reuters",
        ]
        #expect(JSONValue.object(document.metadata) == expected)
        #expect(document.text == "MOSCOW (Reuters) - After talks…")
    }
}
