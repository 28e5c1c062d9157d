import LectorCore
import LectorSentiment
import LectorText
import Testing

/// Word tones (`tone.tsv`, the `tone_mean` feature) and the stance words of the learned layer.
@Suite struct SentimentToneTests {
    @Test func toneFileAddsToTheLexiconAndNamesItsOwnBadLines() throws {
        let lexicon = try SentimentLexicon(parsing: [
            ("lexicon.tsv", Array("v\tgood\t1.9\n".utf8)),
            ("tone.tsv", Array("# tones\nt\tgood\t0.6\nt\tpolluters\t-0.4\n".utf8)),
        ])
        #expect(lexicon["good"]?.valence == 1.9, "a tone adds to the word's entry")
        #expect(lexicon["good"]?.tone == 0.6)
        #expect(lexicon["polluters"]?.tone == -0.4)
        #expect(lexicon["polluters"]?.valence == 0, "a tone is no valence")
        let error = #expect(throws: SentimentModelError.self) {
            try SentimentLexicon(parsing: [
                ("lexicon.tsv", Array("v\tgood\t1\n".utf8)), ("tone.tsv", Array("t polluters\n".utf8)),
            ])
        }
        #expect(error?.description.hasPrefix("sentiment/tone.tsv:1:") == true)
    }

    @Test func wordsLabMTNeverRatedHaveATone() throws {
        let lexicon = try SentimentModel.shared().lexicon
        for word in ["polluters", "extinction", "massacres"] {
            #expect((lexicon[word]?.tone ?? 0) < -0.05, "\(word) sounds bad")
        }
        for word in ["vacation", "picnic", "graduation"] {
            #expect((lexicon[word]?.tone ?? 0) > 0.05, "\(word) sounds good")
        }
        #expect((lexicon["amateurish"]?.tone ?? 0) == 0, "no tone against the word's own polarity")
        for word in ["the", "of", "should", "too"] {
            #expect((lexicon[word]?.tone ?? 0) == 0, "function word \(word) has no tone")
        }
    }

    @Test func theMeanToneIsAFeatureAndNegationReversesIt() throws {
        let model = try SentimentModel.shared()
        let tone = SentimentFeatures.names.firstIndex(of: "tone_mean")!
        func features(_ text: String) -> SentimentFeatures {
            SentimentScorer.documentFeatures(model.analyze(ScalarText(text)))
        }
        let polluters = features("The polluters left after the massacres.")
        #expect(polluters.toneWords >= 2)
        #expect(polluters.dense[tone] < 0)
        #expect(features("We left for the picnic after graduation.").dense[tone] > 0)
        #expect(features("There were no polluters.").dense[tone] > 0, "a negated word's tone counts reversed")
        #expect(features("The of and.").dense[tone] == 0, "no toned word: 0")
    }

    @Test func stanceWordsCarryTheirLearnedWeight() throws {
        let lexicon = try SentimentModel.shared().lexicon
        #expect((lexicon["too"]?.learned ?? 0) < 0, "excess: 'too much'")
        #expect(try score("Too much sugar.") < 0)
        #expect(try score("Too much sugar.") < score("Much sugar."))
    }
}
