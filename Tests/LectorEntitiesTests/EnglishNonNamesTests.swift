import LectorCore
import Testing

/// Capitalised English words that taggers take for names and never are.
@Suite("Entities: English words that are no names")
struct EnglishNonNamesTests {
    @Test("`I'm`, `I've`, `I'd` and `I'll` are no names, with either apostrophe")
    func contractions() {
        let list = entities(
            "We flew home to Scotland and I'm really disappointed.\" At a briefing on Friday, Morrison said. "
                + "The last one nobody has filmed again is Bagpuss, which I’d love to watch."
        )
        let texts = list.compactMap { $0["text"]?.stringValue }
        #expect(texts.allSatisfy { !$0.hasPrefix("I'") && !$0.hasPrefix("I’") }, "\(texts)")
        #expect(entity(list, "LOC", "Scotland") != nil)
        #expect(entity(list, "PERSON", "Morrison") != nil)
    }

    @Test("common-noun acronyms (`DVD`, `PC`, `IPO`) are no organisations; `PCS` the union stays")
    func acronyms() {
        let list = entities(
            "Sales of DVD players and PC games rose before the IPO, Sony said. The PCS union called a strike."
        )
        let texts = Set(list.compactMap { $0["text"]?.stringValue })
        #expect(texts.isDisjoint(with: ["DVD", "PC", "IPO"]), "\(texts)")
        #expect(texts.contains("PCS"), "\(texts)")
    }
}
