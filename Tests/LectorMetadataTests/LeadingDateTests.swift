import LectorCore
import LectorMetadata
import Testing

@Suite struct LeadingDateTests {
    @Test(
        arguments: [
            ("date 2022-02-16 After talks in Moscow…", "2022-02-16", nil),
            (" date 2022-02-16 After talks in Moscow…", "2022-02-16", nil),
            ("\n\n\t date 2022-02-16 After talks in Moscow…", "2022-02-16", nil),
            ("\u{FEFF}\u{A0}Date: 2022-02-16\n\nAfter talks in Moscow…", "2022-02-16", nil),
            ("Date: 2022-02-16 After talks in Moscow…", "2022-02-16", nil),
            ("2022-02-16 — After talks in Moscow…", "2022-02-16", nil),
            ("2022-02-16 After talks in Moscow…", "2022-02-16", nil),
            ("16 February 2022: After talks in Moscow…", "2022-02-16", "16 February 2022"),
            ("16 February 2022 - After talks in Moscow…", "2022-02-16", "16 February 2022"),
            ("Published: February 16, 2022 | After talks in Moscow…", "2022-02-16", "February 16, 2022"),
            ("16.02.2022 – After talks in Moscow…", "2022-02-16", "16.02.2022"),
            ("2022-02-16\nAfter talks in Moscow…", "2022-02-16", nil),
            ("date 16 de febrero de 2022\n\nAfter talks in Moscow…", "2022-02-16", "16 de febrero de 2022"),
            ("Date: 2022-02-16T10:30:00Z\nAfter talks in Moscow…", "2022-02-16T10:30:00Z", nil),
        ] as [(String, String, String?)]
    )
    func takesLeadingDate(text: String, date: String, raw: String?) {
        let document = runMetadata(text)
        #expect(document.metadata["date"] == .string(date))
        #expect(document.metadata["date_raw"] == raw.map(JSONValue.string))
        #expect(document.metadata["title"] == JSONValue.null)
        #expect(document.text == "After talks in Moscow…")
    }

    @Test(
        arguments: [
            "16 February 2022 was the day the talks began.",
            "2022 was a hard year.",
            "date night: a short story.",
            "2022-02-30 — After talks in Moscow…",
            "Dates are hard.",
        ]
    )
    func keepsOrdinaryFirstSentence(text: String) {
        let document = runMetadata(text)
        #expect(document.text == text)
        #expect(JSONValue.object(document.metadata) == ["date": nil, "title": nil])
    }

    @Test func dateAfterTitle() {
        let document = runMetadata("Talks in Moscow\n\n16 February 2022: After talks…")
        let expected: JSONValue = ["date": "2022-02-16", "title": "Talks in Moscow", "date_raw": "16 February 2022"]
        #expect(JSONValue.object(document.metadata) == expected)
        #expect(document.text == "After talks…")
    }
}
