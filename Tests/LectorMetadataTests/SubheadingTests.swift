import LectorCore
import Testing

@Suite struct SubheadingTests {
    @Test("short lines standing alone inside the body, without final punctuation, are subheadings")
    func marked() throws {
        let text = """
            Talks in Moscow

            First paragraph of the body. It says things.

            Putin & Scholz frankly exchanged opinions

            More text follows here.

            "A quoted line"

            Why this matters?

              Indented Heading 2024

            End.
            """
        let document = runMetadata(text)
        let marks = try #require(document.metadata["subheadings"]?.arrayValue)
        #expect(marks.map { $0["text"] } == ["Putin & Scholz frankly exchanged opinions", "Indented Heading 2024"])
        let scalars = Array(document.text.unicodeScalars)
        for mark in marks {
            let start = try #require(mark["start"]?.intValue)
            let end = try #require(mark["end"]?.intValue)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[start..<end])
            #expect(String(slice) == mark["text"]?.stringValue, "offsets are Unicode scalars into text")
        }
    }

    @Test(
        "no subheading: a first paragraph, a sentence, a long line, a line inside a paragraph",
        arguments: [
            "Short Opening Line\n\nThe body goes on here.",
            "The body.\n\nThis line ends with a full stop.\n\nMore.",
            "The body.\n\n" + String(repeating: "Word ", count: 20) + "\n\nMore.",
            "The body.\nNot Alone Here\nMore text.",
        ]
    )
    func notMarked(text: String) {
        #expect(runMetadata(text).metadata["subheadings"] == nil)
    }
}
