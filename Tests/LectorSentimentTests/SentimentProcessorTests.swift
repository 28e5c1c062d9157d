import LectorCore
import LectorSentiment
import LectorTestSupport
import Testing

@Suite struct SentimentProcessorTests {
    @Test(arguments: [
        ("The new bridge is a wonderful success and residents love it.", "positive"),
        ("The flood was a terrible disaster that killed dozens and destroyed homes.", "negative"),
        ("The committee meets on Tuesday at the town hall.", "neutral"),
        ("Operating profit rose to EUR 13.1 mn from EUR 8.7 mn a year earlier.", "positive"),
        ("Net sales decreased by 12 % to EUR 80 mn.", "negative"),
        ("The company's losses widened in the third quarter.", "negative"),
        ("Costs fell sharply after the restructuring.", "positive"),
        ("The miner posts a big loss and slashes its dividend.", "negative"),
    ])
    func labels(text: String, label: String) throws {
        let result = try sentiment(text)
        #expect(result["label"]?.stringValue == label, "\(text): \(result)")
        let value = try #require(result["score"]?.doubleValue)
        #expect((-1...1).contains(value))
        let confidence = try #require(result["confidence"]?.doubleValue)
        #expect((0.5...1).contains(confidence))
    }

    @Test func negationReversesTheSign() throws {
        #expect(try score("The service was good.") > 0.1)
        #expect(try score("The service was not good.") < 0)
        #expect(try score("The service wasn't good at all.") < 0)
        let bad = try score("The plan is bad.")
        #expect(try score("The plan is not bad.") > bad)
    }

    @Test func intensifiersStrengthenAndDampen() throws {
        let plain = try score("The results were good.")
        #expect(try score("The results were extremely good.") > plain)
        #expect(try score("The results were slightly good.") < plain)
        #expect(try score("The results were GOOD.") > plain)
        #expect(try score("The results were good!!!") > plain)
    }

    @Test func emoticonsInflectionsAndCompoundsAreRead() throws {
        #expect(try score("See you tomorrow :D") > 0.1)
        #expect(try score("See you tomorrow :(") < -0.1)
        #expect(try score("Neighbours were abhorring the noise.") < -0.1, "an inflection of 'abhor'")
        #expect(try score("It is a good-natured comedy.") > 0.1, "the strongest part of a compound")
        let kind = try score("The whole thing kind of frightens me.")
        #expect(kind < 0, "'kind of' dampens; it is not kindness")
        #expect(try score("More job cuts loom.") < -0.1, "job cuts are bad although cuts of debt are good")
    }

    @Test func comparisonsCountTheReferencePointLess() throws {
        let loss = try score("Operating loss totalled EUR 0.8 mn, compared to a profit of EUR 0.5 mn.")
        let profit = try score("Operating profit totalled EUR 0.8 mn, compared to a loss of EUR 0.5 mn.")
        #expect(loss < 0)
        #expect(profit > 0)
    }

    @Test func butShiftsWeightToTheSecondClause() throws {
        #expect(try score("The acting is excellent, but the plot is awful and boring.") < 0)
        #expect(try score("The plot is awful, but the acting is excellent and moving.") > 0)
    }

    @Test func sentencesHaveScoresAndScalarOffsets() throws {
        let text = "Café owners were thrilled. Then the storm ruined everything!"
        let result = try sentiment(text)
        let sentences = try #require(result["sentences"]?.arrayValue)
        #expect(sentences.count == 2)
        let scalars = Array(text.unicodeScalars)
        let first = try #require(sentences.first)
        let second = try #require(sentences.last)
        #expect(first["start"] == 0)
        #expect(first["end"] == 26)
        #expect(String(String.UnicodeScalarView(scalars[26 + 1..<60])) == "Then the storm ruined everything!")
        #expect(second["start"] == 27)
        #expect(second["end"] == 60)
        #expect(try #require(first["score"]?.doubleValue) > 0.1)
        #expect(first["label"] == "positive")
        #expect(try #require(second["score"]?.doubleValue) < -0.1)
        #expect(second["label"] == "negative")
        let without = try sentiment(text, options: SentimentOptions(sentences: false))
        #expect(without["sentences"] == nil)
    }

    @Test func entitiesGetTheSentimentOfTheirClauses() throws {
        let text = "Analysts praised Apple but criticised Samsung. Apple shares rose."
        let annotations = entities([("Apple", "ORG"), ("Samsung", "ORG"), ("Nokia", "ORG")], in: text)
        let result = try sentiment(text, annotations: annotations)
        let scored = try #require(result["entities"]?.arrayValue)
        #expect(scored.count == 2, "an entity with no mentions is left out: \(scored)")
        let apple = try #require(scored.first { $0["text"] == "Apple" })
        let samsung = try #require(scored.first { $0["text"] == "Samsung" })
        #expect(try #require(apple["score"]?.doubleValue) > 0.1)
        #expect(apple["mentions"] == 2)
        #expect(apple["type"] == "ORG")
        #expect(apple["label"] == "positive")
        #expect(try #require(samsung["score"]?.doubleValue) < -0.1)
        #expect(samsung["mentions"] == 1)
        let off = try sentiment(text, options: SentimentOptions(perEntity: false), annotations: annotations)
        #expect(off["entities"] == nil)
        let twice = try sentiment(text, options: SentimentOptions(minMentions: 2), annotations: annotations)
        #expect(twice["entities"]?.arrayValue?.map { $0["text"] } == ["Apple"])
        #expect(try sentiment(text)["entities"] == nil, "no entities step, no entities field")
    }

    @Test("dates, amounts and percentages get no per-entity sentiment")
    func onlyNamedEntitiesAreScored() throws {
        let text = "Analysts praised Apple on Tuesday after shares rose 5% to $190."
        let annotations = entities(
            [("Apple", "ORG"), ("Tuesday", "DATE"), ("5%", "PERCENT"), ("$190", "MONEY")],
            in: text
        )
        let scored = try #require(try sentiment(text, annotations: annotations)["entities"]?.arrayValue)
        #expect(scored.map { $0["text"] } == ["Apple"])
    }

    @Test func neutralBandDecidesTheLabel() throws {
        let text = "The results were fairly good."
        let value = try score(text)
        #expect(value > 0.05)
        #expect(try sentiment(text, options: SentimentOptions(neutralBand: 0.05))["label"] == "positive")
        #expect(try sentiment(text, options: SentimentOptions(neutralBand: 0.95))["label"] == "neutral")
        let options = SentimentOptions(neutralBand: 0.2)
        #expect(options.label(for: 0.2) == "positive")
        #expect(options.label(for: -0.2) == "negative")
        #expect(options.label(for: 0.19) == "neutral")
    }

    @Test func textWithNoKnownWordScoresExactlyZero() throws {
        let result = try sentiment("The committee meets on Tuesday at the town hall.")
        #expect(result["score"] == 0, "no evidence: 0, not the learned layer's bias")
        #expect(result["label"] == "neutral")
        #expect(try score("The committee meets on Tuesday to praise the town hall.") > 0)
    }

    @Test func emptyTextIsNeutralWithNoConfidence() throws {
        for text in ["", "   \n\n", "12 345 -- 67"] {
            let result = try sentiment(text)
            #expect(result["score"] == 0)
            #expect(result["label"] == "neutral")
            #expect(result["confidence"] == 0)
        }
    }

    @Test func supportsEnglishAndTheLanguagesWithALexicon() throws {
        #expect(
            try SentimentProcessor(models: TestModels.cache).supportedLanguages
                == ["en", "de", "es", "fr", "it", "nl", "pt", "ru"]
        )
    }
}
