import LectorCore
import LectorSentiment
import LectorTestSupport
import LectorText
import Testing

/// Word tones (`tone.tsv`, the `tone_per_word` feature) and the stance words of the learned layer.
@Suite struct SentimentToneTests {
    @Test func toneFileAddsToTheLexiconAndNamesItsOwnBadLines() throws {
        let lexicon = try SentimentLexicon(parsing: [
            ("lexicon.tsv", Array("v\tgood\t1.9\n".utf8)),
            ("tone.tsv", Array("# tones\nt\tgood\t0.6\nt\thomicide\t-0.7\n".utf8)),
        ])
        #expect(lexicon["good"]?.valence == 1.9, "a tone adds to the word's entry")
        #expect(lexicon["good"]?.tone == 0.6)
        #expect(lexicon["homicide"]?.tone == -0.7)
        #expect(lexicon["homicide"]?.valence == 0, "a tone is no valence")
        let error = #expect(throws: SentimentModelError.self) {
            try SentimentLexicon(parsing: [
                ("lexicon.tsv", Array("v\tgood\t1\n".utf8)), ("tone.tsv", Array("t homicide\n".utf8)),
            ])
        }
        #expect(error?.description.hasPrefix("sentiment/tone.tsv:1:") == true)
    }

    @Test func wordsNoLexiconRatesHaveATone() throws {
        let lexicon = try SentimentModel.load(from: TestModels.cache).value.lexicon
        for word in ["homicide", "bombings", "gunmen"] {
            let entry = try #require(lexicon[word])
            #expect(entry.valence == 0 && entry.polarity == 0 && entry.connotation == 0)
            #expect(entry.tone < -0.25, "\(word) sounds bad")
        }
        for word in ["honeymoon", "scenery", "hobby"] {
            #expect((lexicon[word]?.tone ?? 0) > 0.25, "\(word) sounds good")
        }
    }

    @Test func functionAndRuleWordsHaveNoTone() throws {
        let lexicon = try SentimentModel.load(from: TestModels.cache).value.lexicon
        // Function words, and words the rules read: a negator, an intensifier, a hedge,
        // a quantity and a word of change (their tones would count them a second time).
        for word in ["the", "of", "too", "don't", "absolutely", "unlikely", "turnover", "declined"] {
            #expect((lexicon[word]?.tone ?? 0) == 0, "\(word) has no tone")
        }
    }

    @Test func theTonePerWordIsAFeatureNegationReversesItAndAloneItScoresNothing() throws {
        let model = try SentimentModel.load(from: TestModels.cache).value
        let tone = try #require(SentimentFeatures.names.firstIndex(of: "tone_per_word"))
        func features(_ text: String) -> SentimentFeatures {
            model.documentFeatures(model.analyze(ScalarText(text)))
        }
        let bombings = features("Homicide bombings.")
        #expect(bombings.plainWords == 2)
        #expect(bombings.dense[tone] < -0.25)
        #expect(features("We left on our honeymoon to see the scenery.").dense[tone] > 0.05)
        #expect(features("There were no bombings.").dense[tone] > 0, "a negated word's tone counts reversed")
        #expect(features("The of and.").dense[tone] == 0, "no toned word: 0")
        #expect(try score("Homicide bombings.") == 0, "tones alone are no evidence: nothing to score")
        // The tone per word does not depend on the document's length scaling.
        let one = features("The gunmen fled.").dense[tone]
        let ten = features(Array(repeating: "The gunmen fled.", count: 10).joined(separator: " ")).dense[tone]
        #expect(abs(one - ten) < 1e-5)
    }

    @Test func stanceWordsCarryTheirLearnedWeight() throws {
        let lexicon = try SentimentModel.load(from: TestModels.cache).value.lexicon
        #expect((lexicon["too"]?.learned ?? 0) < 0, "excess: 'too much'")
        #expect(try score("Too much sugar.") < 0)
        #expect(try score("Too much sugar.") < score("Much sugar."))
    }
}
