import LectorText
import Testing

@Suite("ScalarText")
struct ScalarTextTests {
    @Test func countsScalarsNotCharactersOrBytes() {
        // 👨‍👩‍👧 is one Character but five scalars; é as e + U+0301 is two.
        let text = ScalarText("a👨‍👩‍👧e\u{301}日")
        #expect(text.count == 9)
        #expect(text.scalars.first == "a")
        #expect(text.slice(1..<6) == "👨‍👩‍👧")
        #expect(text.slice(6..<8) == "e\u{301}")
        #expect(text.slice(8..<9) == "日")
    }

    @Test func slicesAreClamped() {
        let text = ScalarText("hello")
        #expect(text.slice(3..<99) == "lo")
        #expect(text.slice(-4..<2) == "he")
        #expect(text.slice(7..<9) == "")
        #expect(ScalarText("").count == 0)
    }

    @Test func offsetsMatchPythonSlicing() {
        // In Python, "Zoë 😀 ok"[6:8] == "ok": offsets count code points.
        let text = ScalarText("Zoë 😀 ok")
        #expect(text.slice(6..<8) == "ok")
    }

    @Test func slicesOfEveryUTF8WidthRoundTrip() {
        // One-, two-, three- and four-byte scalars, and the edges of each width.
        let source = "a\u{7F}\u{80}é\u{7FF}\u{800}€日\u{FFFD}\u{FFFF}\u{10000}😀\u{10FFFF} z"
        let text = ScalarText(source)
        let scalars = Array(source.unicodeScalars)
        for start in 0...scalars.count {
            for end in start...scalars.count {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start..<end])
                #expect(text.slice(start..<end) == String(view))
                #expect(text.slice(start..<end).unicodeScalars.elementsEqual(scalars[start..<end]))
            }
        }
    }
}
