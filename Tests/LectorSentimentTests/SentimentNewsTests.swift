import LectorCore
import LectorEvaluation
import LectorSentiment
import LectorTestSupport
import LectorText
import Testing

/// News-specific behaviour: the second lexicon, headline verb forms, finance compositions
/// and scoring towards a named target.
@Suite struct SentimentNewsTests {
    @Test func wordsOnlyThePatternLexiconKnowsCount() throws {
        let lexicon = try SentimentLexicon(parsing: Array("v\tgood\t1.9\np\tgood\t0.7\np\thaphazard\t-0.6\n".utf8))
        #expect(lexicon["good"]?.valence == 1.9)
        #expect(lexicon["good"]?.polarity == 0.7)
        #expect(lexicon["haphazard"]?.valence == 0)
        #expect(lexicon["haphazard"]?.polarity == -0.6)
        let model = try SentimentModel.load(from: TestModels.cache).value
        let features = model.documentFeatures(model.analyze(ScalarText("The staging was amateurish.")))
        #expect(features.positive == 0 && features.negative == 0, "neither VADER nor Bing has 'amateurish'")
        #expect(features.patternNegative > 0)
        #expect(try score("The staging was amateurish.") < -0.05)
        let negated = model.documentFeatures(model.analyze(ScalarText("The staging was not amateurish.")))
        #expect(negated.patternPositive > 0 && negated.patternNegative == 0, "negation reverses it too")
    }

    @Test(arguments: [
        ("Tesco profit falls as price war bites", "negative"),
        ("Barclays beats forecasts as trading revenue doubles", "positive"),
        ("Shell lowers its dividend", "negative"),
        ("Unilever narrows loss and trims costs", "positive"),
    ])
    func headlinesInThePresentTense(text: String, label: String) throws {
        #expect(try sentiment(text)["label"]?.stringValue == label, "\(text)")
    }

    @Test func aQuantityAfterAPrepositionOfCauseIsNotWhatChanged() throws {
        // "slides on cost": the share price slid; the cost is the cause.
        #expect(try score("Kingfisher share price slides on cost to implement new strategy") < -0.05)
        #expect(try score("Hargreaves Lansdown share price falls as costs mount") < -0.05)
        #expect(try score("Shell slashes its dividend") < -0.05, "a determiner between still reaches the object")
        #expect(try score("Tesco slides on higher costs") < -0.05, "nor further on, past the preposition")
    }

    @Test func taxesAreACostAndInsteadOfCountsLess() throws {
        #expect(try score("Most people are getting a tax cut.") > 0.05)
        #expect(try score("Property taxes rose again.") < -0.05)
        #expect(try score("The 90 lost minutes may cost it as much as $8 million.") <= 0, "no composition past 'may'")
        let instead = try score("Instead of an attractive gateway, travellers find a display of the disgusting.")
        #expect(instead < -0.05, "what 'instead of' sets aside counts less")
        let text = "Tesco instead reported a big loss."
        #expect(try abs(score(text) - score("Tesco reported a big loss.")) < 0.05, "plain 'instead' discounts nothing")
        let tesco = try sentiment(text, annotations: entities([("Tesco", "ORG")], in: text))
        #expect((tesco["entities"]?.arrayValue?.first?["score"]?.doubleValue ?? 0) < -0.05)
    }

    @Test func negatedObjectionsStayObjections() throws {
        // Political reporting objects by negating: not praise of anything.
        #expect(try score("Russia cannot turn a blind eye to this.") < -0.05)
        #expect(try score("We will not ignore it.") < -0.05)
        #expect(try score("He was not ignored.") > score("He will not ignore it.") + 0.1, "a fact, not a refusal")
        #expect(try score("He is not blind.") > 0, "`blind` objects only before `eye`")
    }

    @Test func selfServingPhrasesAndIntentsTowardHarm() throws {
        #expect(try score("They acted for their own benefit.") < -0.05)
        #expect(try score("They acted for the common benefit.") > 0.05, "only `for their own …` serves oneself")
        #expect(try score("Troops are ready to launch an attack.") < -0.2, "readiness for harm is no good news")
        #expect(try score("Volunteers are ready to help.") > 0.05, "readiness for good still is")
    }

    @Test func headlineWordsOfFundsAndMarkets() throws {
        #expect(try score("Aberdeen reports 10th consecutive quarterly outflows") < -0.05)
        #expect(try score("Miners in a rout as copper sinks") < -0.05)
        #expect(try score("Asset manager sees inflows rise") > 0.05)
    }

    @Test func aNumberBeforeASemicolonStillEndsTheClause() throws {
        let text = "Tesco gains in FTSE 100; Marks & Spencer drops"
        let result = try sentiment(
            text,
            annotations: entities([("Tesco", "ORG"), ("Marks & Spencer", "ORG")], in: text)
        )
        let scores = try #require(result["entities"]?.arrayValue).map { $0["score"]?.doubleValue ?? 0 }
        #expect(scores.count == 2 && scores[0] > 0.05 && scores[1] < -0.05, "\(scores)")
    }

    @Test func anEntityGetsTheSentimentOfItsCommaSegmentWhenThatHasAny() throws {
        let text = "FTSE ends lower on weaker miners, Tesco outperforms"
        let result = try sentiment(text, annotations: entities([("Tesco", "ORG"), ("FTSE", "ORG")], in: text))
        let scores = try #require(result["entities"]?.arrayValue).map { $0["score"]?.doubleValue ?? 0 }
        #expect(scores.count == 2 && scores[0] > 0.05 && scores[1] < -0.05, "\(scores)")
        // Two mentions, one in a segment with sentiment, one without: each segment counts once.
        let twice = "Tesco outperforms, Tesco said"
        let once = try sentiment(twice, annotations: entities([("Tesco", "ORG")], in: twice))
        #expect(once["entities"]?.arrayValue?.first?["score"] == once["score"], "the same words as the sentence")
        // A segment with no sentiment of its own ("Apple, the iPhone maker,") takes its clause's.
        let apposition = "Apple, the iPhone maker, posted a record profit"
        let apple = try sentiment(apposition, annotations: entities([("Apple", "ORG")], in: apposition))
        #expect((apple["entities"]?.arrayValue?.first?["score"]?.doubleValue ?? 0) > 0.05)
    }

    @Test func opinionWordsVADERLacksComeFromTheBingLexicon() throws {
        let model = try SentimentModel.load(from: TestModels.cache).value
        #expect(model.lexicon["tyranny"]?.valence == -1)
        #expect(model.lexicon["commendably"]?.valence == 1, "forms of Bing words too")
        #expect(model.lexicon["fine"]?.valence == 0, "news words Lector neutralised stay neutral")
        #expect((model.lexicon["vice"]?.valence ?? 0) == 0, "labMT rates 'vice' neutral: its Bing sense is left out")
        #expect(try score("It is one of the world's most barbaric tyrannies.") < -0.1)
        #expect(try score("The plan is commendable and sensible.") > 0.1)
    }

    @Test func wordsOnlyTheConnotationLexiconKnowsCountApart() throws {
        let lexicon = try SentimentLexicon(parsing: Array("v\tgood\t1.9\nm\tdisease\t-0.75\n".utf8))
        #expect(lexicon["disease"]?.connotation == -0.75)
        #expect(lexicon["disease"]?.valence == 0)
        let model = try SentimentModel.load(from: TestModels.cache).value
        let text = "The disease spread through the town."
        let features = model.documentFeatures(model.analyze(ScalarText(text)))
        #expect(features.positive == 0 && features.negative == 0, "VADER has no 'disease'")
        #expect(features.connotationNegative > 0 && features.connotationPositive == 0)
        #expect(features.dense[10] < 0, "the mean connotation is negative")
        #expect(try score(text) < score("The news spread through the town."))
        let negated = model.documentFeatures(model.analyze(ScalarText("It is not a disease.")))
        #expect(negated.connotationPositive > 0 && negated.connotationNegative == 0, "negation reverses it")
    }

    @Test func negationIdiomsNegateNothingFurther() throws {
        #expect(try score("The show was no less wonderful.") > 0.1, "'no less' is no negation")
        #expect(try score("The show was not wonderful.") < 0, "a plain 'not' still negates")
        let cherish = try score("Americans cherish this art.")
        #expect(try score("No wonder Americans cherish this art.") >= cherish - 0.05)
        #expect(try score("Riverside is the loveliest road in the region.") > 0.1, "-ly adjectives compare")
    }

    @Test func anEntitysOwnNameSaysNothingAboutIt() throws {
        let text = "Virgin Media met the regulator on Tuesday."
        let result = try sentiment(text, annotations: entities([("Virgin Media", "ORG")], in: text))
        #expect(result["entities"]?.arrayValue?.first?["score"] == 0, "'virgin' is no opinion of Virgin Media")
        // Nor does it make its own segment look opinionated: "Best Buy" takes its clause's.
        let best = "Best Buy, the retailer, cut jobs"
        let buy = try sentiment(best, annotations: entities([("Best Buy", "ORG")], in: best))
        #expect((buy["entities"]?.arrayValue?.first?["score"]?.doubleValue ?? 0) < -0.05)
        let praised = "Analysts praised Virgin Media."
        let other = try sentiment(praised, annotations: entities([("Virgin Media", "ORG")], in: praised))
        #expect((other["entities"]?.arrayValue?.first?["score"]?.doubleValue ?? 0) > 0.05)
    }

    @Test func emoticonsThatStartWithADigitAndNotLeast() throws {
        #expect(try score("See you at the game 8)") > 0.05)
        #expect(try score("The staff were kind, not least the nurses.") > 0.05, "'not least' is no negation")
    }

    @Test func slangIntensifiersAndIdioms() throws {
        #expect(try score("thats fucking great") > 0.1, "'fucking' intensifies, as in VADER")
        #expect(try score("his mohawk was bad ass") > 0.05)
        #expect(try score("Yeah right, that will work.") < 0)
        #expect(try score("The bad news hit the town.") < 0, "'bad' alone is still bad")
    }

    @Test func fewAndLackNegateWhatFollows() throws {
        #expect(try score("Few found it funny.") < 0)
        #expect(try score("A few critics find the play funny.") > 0.05, "'a few' is not a negation")
        #expect(try score("The report shows a lack of progress.") < 0)
    }

    @Test func learnedWordWeightsFollowContrastAndHedges() throws {
        let model = try SentimentModel.load(from: TestModels.cache).value
        let good = try #require(model.lexicon["good"]?.learned)
        let before = model.documentFeatures(model.analyze(ScalarText("It was good, but the rest was dull.")))
        let after = model.documentFeatures(model.analyze(ScalarText("It was dull, but the rest was good.")))
        let dull = try #require(model.lexicon["dull"]?.learned)
        // The other words stand in the same places in both: only good and dull swap weights.
        #expect(abs((before.learnedWords - after.learnedWords) - (dull - good)) < 1e-5)
        let hedged = model.documentFeatures(model.analyze(ScalarText("A loss, compared to a profit.")))
        let plain = model.documentFeatures(model.analyze(ScalarText("A loss, compared to a.")))
        let profit = try #require(model.lexicon["profit"]?.learned)
        #expect(abs((hedged.learnedWords - plain.learnedWords) - 0.3 * profit) < 1e-5, "hedges scale it too")
    }

    @Test func aComposedWordAddsNoLearnedWeightOfItsOwn() throws {
        let model = try SentimentModel.load(from: TestModels.cache).value
        let profit = try #require(model.lexicon["profit"])
        #expect(profit.learned != 0 || profit.quantity != 0)
        let alone = model.documentFeatures(model.analyze(ScalarText("Profit fell.")))
        #expect(alone.learnedWords == 0, "'profit' and 'fell' are read as one composition")
        #expect(alone.finance < 0)
    }

    @Test func theLexiconBaselineSumsValencesWithNoRules() throws {
        let model = try SentimentModel.load(from: TestModels.cache).value
        let good = model.lexiconBaseline(ScalarText("A good plan."))
        #expect(good > SentimentScorer.baselineBand)
        #expect(model.lexiconBaseline(ScalarText("Not a good plan.")) == good, "no negation: a negator counts nothing")
        #expect(model.lexiconBaseline(ScalarText("A very good plan.")) == good, "no intensifier")
        #expect(model.lexiconBaseline(ScalarText("A terrible plan.")) < -SentimentScorer.baselineBand)
        #expect(model.lexiconBaseline(ScalarText("The plan.")) == 0)
        let strong = model.lexiconBaseline(ScalarText("Good, great, wonderful, excellent, superb."))
        #expect(strong > good && strong < 1, "VADER's normalisation: x / sqrt(x^2 + 15)")
    }

    @Test func upAndDownAreWordsOfChangeOnlyAmongFigures() throws {
        let model = try SentimentModel.load(from: TestModels.cache).value
        func finance(_ text: String) -> Float { model.documentFeatures(model.analyze(ScalarText(text))).finance }
        #expect(finance("He woke up early and cleaned up the kitchen.") == 0, "particles, not a rise")
        #expect(finance("Thirteen ships have gone down since the storm.") == 0)
        #expect(finance("She raised a question about the plan.") == 0)
        #expect(finance("Barclays was up 5 % in early trading.") > 0, "among figures, still a rise")
        #expect(finance("Profit held, but the group was down.") < 0, "a quantity word anywhere in the sentence")
        #expect(finance("Ryanair up 5pc after results.") > 0, "a number glued to its unit")
        #expect(finance("The pound was down against the ₹ and the ＄.") < 0, "a currency sign alone")
        #expect(finance("In 2019 the ship went down.") == 0, "a year is a date, not a figure")
        #expect(finance("Aviva soars on merger news.") > 0, "other words of change count anywhere")
    }

    @Test func recordsWithATargetAreScoredTowardsIt() throws {
        let line = #"""
            {"id": "h:1", "set": "semeval2017_headlines", "text": "Tesco gains while BPA maker BP slumps; bp fined",
             "score_norm": 0.4, "label": "positive", "target": "Tesco PLC"}
            """#
        let record = try #require(SentimentRecord(line: Array(line.utf8), fallbackSet: "f"))
        #expect(record.target == "Tesco PLC")
        let tesco = try #require(record.targetEntities()?.arrayValue?.first)
        #expect(tesco["text"] == "Tesco PLC")
        #expect(tesco["mentions"]?.arrayValue?.map { $0["start"] } == [0])
        var other = record
        other.target = "BP"
        let mentions = try #require(other.targetEntities()?.arrayValue?.first?["mentions"]?.arrayValue)
        #expect(mentions.map { $0["start"] } == [28, 39], "whole words, any case; not inside 'BPA'")
        #expect(mentions.first?["text"] == "BP")
        other.target = "Nokia"
        #expect(other.targetEntities() == nil)
        other.target = nil
        #expect(other.targetEntities() == nil)
    }

    @Test func theScoreTowardsATargetFollowsItsClause() throws {
        let text = "Analysts praised Apple but criticised Samsung."
        for (target, positive) in [("Apple", true), ("Samsung", false)] {
            let line = #"{"text": "\#(text)", "label": "neutral", "target": "\#(target)"}"#
            let record = try #require(SentimentRecord(line: Array(line.utf8), fallbackSet: "f"))
            let target = try #require(record.targetEntities())
            var annotations = JSONObject()
            annotations["entities"] = target
            let result = try sentiment(text, annotations: annotations)
            let value = try #require(result["entities"]?.arrayValue?.first?["score"]?.doubleValue)
            #expect(positive ? value > 0.1 : value < -0.1, "\(target): \(value)")
        }
    }
}
