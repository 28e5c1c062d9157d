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
}
