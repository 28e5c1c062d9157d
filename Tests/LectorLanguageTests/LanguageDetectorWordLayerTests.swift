import LectorCore
import LectorTestSupport
import LectorText
import Testing

@testable import LectorLanguage

@Suite struct LanguageDetectorWordLayerTests {
    /// Common words the n-grams alone give to a neighbour and the word lists settle.
    static let words: [(String, String)] = [
        ("en", "taken"), ("es", "tengo"), ("ca", "govern"), ("it", "questa"), ("pt", "assim"), ("fr", "quand"),
        ("de", "alles"), ("sv", "kanske"), ("tr", "sonra"), ("hu", "minden"), ("lt", "vienas"),
    ]

    private static func detectors() throws -> (withWords: LanguageDetector, without: LanguageDetector) {
        let loaded = try LanguageModelFiles.load(from: TestModels.cache).value
        let model = loaded.ngrams
        let words = try #require(loaded.words)
        return (LanguageDetector(model: model, words: words), LanguageDetector(model: model))
    }

    @Test(arguments: words) func wordLayerSettlesCommonWords(code: String, word: String) throws {
        let (withWords, without) = try Self.detectors()
        let text = ScalarText(word)
        #expect(withWords.detect(text, in: [0..<text.count]).best?.code == code)
        #expect(without.detect(text, in: [0..<text.count]).best?.code != code)
    }

    @Test func wordPairsUseTheLayerToo() throws {
        let (withWords, _) = try Self.detectors()
        for (code, pair) in [("ca", "molt bé"), ("en", "good morning"), ("es", "buenos días")] {
            let text = ScalarText(pair)
            #expect(withWords.detect(text, in: [0..<text.count]).best?.code == code, "\(pair)")
        }
    }

    @Test func longTextIsLeftToTheNGrams() throws {
        let (withWords, without) = try Self.detectors()
        let sentence = "The committee said on Tuesday that it would publish the final report on the new line next week."
        let text = ScalarText(sentence)
        let scored = withWords.rawScores(text, in: [0..<text.count])
        #expect(scored.scores == without.rawScores(text, in: [0..<text.count]).scores)
    }

    @Test func everyWordListLanguageIsAModelLanguage() throws {
        let loaded = try LanguageModelFiles.load(from: TestModels.cache).value
        let model = loaded.ngrams
        let words = try #require(loaded.words)
        #expect(words.table.codes.count == model.codes.count)
        #expect(!words.modelIndex.contains(-1))
    }
}
