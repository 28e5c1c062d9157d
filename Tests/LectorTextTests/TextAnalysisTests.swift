import LectorText
import Testing

@Suite struct TextAnalysisTests {
    @Test("an analysis is the tokenizer's and the splitter's output")
    func matchesTheParts() {
        let text = "Mr. Smith went to Washington. He met the U.S. Congress.\n\nThen he left."
        let analysis = TextAnalysis(text)
        let scalars = ScalarText(text)
        #expect(analysis.text.scalars == scalars.scalars)
        #expect(analysis.tokens == Tokenizer.tokenize(scalars))
        #expect(analysis.sentences == SentenceSplitter.split(scalars))
    }

    @Test("the same text gives the cached analysis; a changed text a fresh one")
    func cache() {
        let text = "Text \(UInt64.random(in: 0...UInt64.max)) is cached once. It is read three times."
        let first = TextAnalysis.of(text)
        #expect(TextAnalysis.of(String(text)) === first)
        let changed = TextAnalysis.of(text + " More.")
        #expect(changed !== first)
        #expect(changed.sentences.count == first.sentences.count + 1)
        #expect(changed.tokens == Tokenizer.tokenize(ScalarText(text + " More.")))
    }

    @Test("concurrent lookups of many texts always give the right analysis")
    func concurrent() async {
        await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let text = "Document \(index % 12). It has \(index % 12) words."
                    return TextAnalysis.of(text).tokens == Tokenizer.tokenize(ScalarText(text))
                }
            }
            for await matches in group { #expect(matches) }
        }
    }
}
