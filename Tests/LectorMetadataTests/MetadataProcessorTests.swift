import LectorCore
import LectorMetadata
import Logging
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

    /// The metadata of `text` read from a file written at `modified` (seconds since the epoch).
    private func fromFile(_ text: String, modified: Int64?, metadata: JSONObject = JSONObject()) -> Document {
        let source = Document.Source(file: "a.txt", bytes: 1, sha256: "f", encoding: "utf-8", modified: modified)
        let context = ProcessingContext(logger: Logger(label: "test"))
        return MetadataProcessor().process(
            Document(id: "a", text: text, source: source, metadata: metadata),
            context: context
        )
    }

    @Test(
        "a wire dateline's day and month take the year of the input file's time",
        arguments: [
            // 2022-02-16T12:00:00Z; 2027-01-02T09:00:00Z (the day before New Year is last year's);
            // 2026-12-05T08:00:00Z.
            ("LONDON, Feb 16 (Reuters) - Russia said.", Int64(1_645_012_800), "2022-02-16", "Feb 16"),
            ("LONDON, Dec 31 (Reuters) - Markets closed.", Int64(1_798_880_400), "2026-12-31", "Dec 31"),
            ("Madrid, 4 dic (EFE).- El Gobierno.", Int64(1_796_457_600), "2026-12-04", "4 dic"),
        ] as [(String, Int64, String, String)]
    )
    func datelineYear(text: String, modified: Int64, date: String, raw: String) {
        let document = fromFile(text, modified: modified)
        #expect(document.metadata["date"] == .string(date))
        #expect(document.metadata["date_raw"] == .string(raw))
        #expect(document.warnings.contains { $0.contains("without a year") })
    }

    @Test("without the file's time, or with a date given, the dateline's day and month change nothing")
    func datelineYearNeedsTheFile() {
        let text = "LONDON, Feb 16 (Reuters) - Russia said."
        #expect(fromFile(text, modified: nil).metadata["date"] == .null)
        let given = fromFile(text, modified: 1_645_012_800, metadata: JSONObject([("date", "2021-02-16")]))
        #expect(given.metadata["date"] == "2021-02-16")
        #expect(given.warnings.isEmpty)
        // A header date that cannot be read keeps its text; the dateline does not replace it.
        let unreadable = fromFile("Date: last Tuesday\n\n" + text, modified: 1_645_012_800)
        #expect(unreadable.metadata["date"] == .null)
        #expect(unreadable.metadata["date_raw"] == "last Tuesday")
    }
}
