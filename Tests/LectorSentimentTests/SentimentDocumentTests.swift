import LectorCore
import LectorSentiment
import LectorTestSupport
import LectorText
import Testing

/// How a document's tone comes from its sentences: a plain scaled sum for short texts, bad
/// news weighing more in an article.
@Suite struct SentimentDocumentTests {
    /// The document features as a plain sum of the sentences, scaled as an article is.
    private func plainSum(_ sentences: [SentenceAnalysis]) -> SentimentFeatures {
        var total = SentimentFeatures()
        let scale = min(1, (3 / Float(max(1, sentences.count))).squareRoot())
        total.wordScale = scale
        for sentence in sentences { total.add(sentence.features, weight: scale) }
        return total
    }

    @Test func anArticleWeighsItsBadNewsAboveItsGood() throws {
        let model = try SentimentModel.load(from: TestModels.cache).value
        let article = model.analyze(
            ScalarText("The plan is great. The plan is bad. The plan is great. The plan is bad.")
        )
        #expect(article.count == 4)
        let plain = model.score(plainSum(article))
        let weighted = model.score(model.documentFeatures(article))
        #expect(abs(plain) < 0.1, "good and bad in balance: \(plain)")
        #expect(weighted < -0.1 && weighted < plain - 0.2, "bad news counts three times in an article: \(weighted)")
        let short = model.analyze(ScalarText("The plan is great. The plan is bad. The plan is great."))
        #expect(model.score(model.documentFeatures(short)) == model.score(plainSum(short)), "three sentences: a sum")
    }

    @Test func theWeightsAreRenormalisedSoAUniformArticleKeepsItsScore() throws {
        let model = try SentimentModel.load(from: TestModels.cache).value
        let article = model.analyze(
            ScalarText("The plan is bad. The results were awful. Losses widened. Critics were furious. It failed.")
        )
        #expect(article.allSatisfy { model.score($0.features) < 0 })
        let weighted = model.score(model.documentFeatures(article))
        #expect(abs(weighted - model.score(plainSum(article))) < 1e-5, "every sentence negative: nothing to reweigh")
    }

    @Test func rulesOnlyScorersSumTheirSentencesAsTheyAre() throws {
        // The other languages' lexicons misread a sentence's sign too often to let one
        // sentence outweigh the rest ("kündigte … an", announced, is not `kündigen`).
        let german = try SentimentModel.load(language: "de", from: TestModels.cache).value
        #expect(german.layer == nil)
        let article = german.analyze(
            ScalarText("Der Plan ist gut. Der Plan ist schlecht. Der Plan ist gut. Der Plan ist schlecht.")
        )
        #expect(german.score(german.documentFeatures(article)) == german.score(plainSum(article)))
    }
}
