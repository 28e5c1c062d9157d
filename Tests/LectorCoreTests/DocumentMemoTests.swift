import LectorCore
import Synchronization
import Testing

@Suite struct DocumentMemoTests {
    final class Box: Sendable {
        let text: String
        init(_ text: String) { self.text = text }
    }

    @Test("the same text gives the value made first; a changed text a fresh one")
    func reuse() {
        let memo = DocumentMemo()
        let made = Mutex(0)
        func box(_ text: String) -> Box {
            memo.value(Box.self, of: text) { text in
                made.withLock { $0 += 1 }
                return Box(text)
            }
        }
        let text = "Text \(UInt64.random(in: 0...UInt64.max)) is analysed once."
        let first = box(text)
        #expect(box(String(text)) === first)
        let changed = box(text + " More.")
        #expect(changed !== first)
        #expect(changed.text == text + " More.")
        #expect(made.withLock { $0 } == 2)
    }

    @Test("two memos share nothing: each document gets its own")
    func perDocument() {
        let first = DocumentMemo().value(Box.self, of: "same", Box.init)
        let second = DocumentMemo().value(Box.self, of: "same", Box.init)
        #expect(first !== second)
    }

    @Test("concurrent lookups of many texts always give the right value")
    func concurrent() async {
        let memo = DocumentMemo()
        await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let text = "Document \(index % 12)."
                    return memo.value(Box.self, of: text, Box.init).text == text
                }
            }
            for await matches in group { #expect(matches) }
        }
    }
}
