import LectorCore
import Testing

/// Real files: blank lines, indentation or a BOM before a header or front matter do not
/// defeat the metadata processor (issue 16).
@Suite struct IndentedHeaderTests {
    @Test(
        "front matter and header blocks after blank lines, indentation or a BOM",
        arguments: [
            "\n\n---\ntitle: Hello\ndate: 2024-03-03\n---\nBody text here.",
            "  ---\ntitle: Hello\ndate: 2024-03-03\n---\nBody text here.",
            "\u{FEFF}---\ntitle: Hello\ndate: 2024-03-03\n---\nBody text here.",
            "\n  Title: Hello\n  Date: 2024-03-03\n\nBody text here.",
            "\tTitle: Hello\n\tDate: 2024-03-03\n\nBody text here.",
        ]
    )
    func read(text: String) {
        let document = runMetadata(text)
        #expect(document.metadata["title"] == "Hello")
        #expect(document.metadata["date"] == "2024-03-03")
        #expect(document.text == "Body text here.")
    }

    @Test("a line indented deeper than its block continues the value above")
    func continuation() {
        let document = runMetadata("  Title: Hello\n  Author: Jane\n     Doe\n  Date: 2024-03-03\n\nBody text here.")
        #expect(document.metadata["author"] == "Jane Doe")
        #expect(document.metadata["date"] == "2024-03-03")
    }
}
