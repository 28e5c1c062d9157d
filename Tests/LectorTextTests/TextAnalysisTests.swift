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
}
