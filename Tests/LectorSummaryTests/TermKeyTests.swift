import Testing

@testable import LectorSummary

@Suite("Term keys")
struct TermKeyTests {
    @Test("a key's prefix equals the key made from the word's first scalars")
    func prefixMatchesLimitedKey() {
        let words = ["a", "Bank", "market", "Markets", "ÉCONOMIE", "naïveté", "Überweisung", "東京証券取引所", "twelveletter"]
        for word in words {
            let scalars = ArraySlice(Array(word.unicodeScalars))
            guard let full = TermKey(scalars) else {
                Issue.record("no key for \(word)")
                continue
            }
            for limit in 1...TermKey.capacity {
                #expect(full.prefix(limit) == TermKey(scalars, limit: limit), "\(word) limit \(limit)")
            }
        }
    }
}
