import LectorText
import Testing

@testable import LectorEntities
@testable import LectorEvaluation

@Suite("Tagger, trainer and scorer")
struct TaggerTests {
    static let corpusText = """
        -DOCSTART- -X- O O

        John NNP I-NP I-PER
        Smith NNP I-NP I-PER
        visited VBD I-VP O
        Paris NNP I-NP I-LOC
        . . O O

        Mary NNP I-NP I-PER
        joined VBD I-VP O
        Acme NNP I-NP I-ORG
        Corp NNP I-NP I-ORG
        in IN I-PP O
        London NNP I-NP I-LOC
        . . O O

        """

    @Test("CoNLL IOB1 and IOB2 read as the same chunks, with conlleval's rules")
    func chunks() {
        let corpus = CoNLLCorpus(text: Self.corpusText)
        #expect(corpus.sentences.count == 2)
        #expect(
            corpus.sentences[0].chunks == [
                Chunk(start: 0, end: 2, type: .person), Chunk(start: 3, end: 4, type: .location),
            ]
        )
        #expect(
            Chunk.chunks(labels: ["B-PER", "I-PER", "O", "B-LOC"])
                == Chunk.chunks(labels: ["I-PER", "I-PER", "O", "I-LOC"])
        )
        #expect(Chunk.chunks(labels: ["I-PER", "B-PER", "I-ORG"]).count == 3)
    }

    @Test("a held-out split takes the last sentences")
    func holdOut() {
        let corpus = CoNLLCorpus(text: Self.corpusText)
        let split = corpus.holdingOut(0.5)
        #expect(split.kept.sentences == [corpus.sentences[0]])
        #expect(split.heldOut.sentences == [corpus.sentences[1]])
    }

    @Test("the scorer counts exact matches per type")
    func scorer() {
        var scorer = ChunkScorer()
        scorer.add(
            predicted: [Chunk(start: 0, end: 2, type: .person), Chunk(start: 3, end: 4, type: .organization)],
            gold: [Chunk(start: 0, end: 2, type: .person), Chunk(start: 3, end: 4, type: .location)]
        )
        #expect(scorer.overall == ChunkScorer.Counts(correct: 1, predicted: 2, gold: 2))
        #expect(scorer.overall.f1 == 50)
        #expect(scorer.counts(.person).f1 == 100)
        #expect(scorer.counts(.location).recall == 0)
    }

    @Test("a trained model learns its data and survives a round trip through its file format")
    func trainAndSerialize() throws {
        let corpus = CoNLLCorpus(text: Self.corpusText)
        let model = PerceptronTrainer(language: "xx", bucketBits: 16, epochs: 20).train(corpus)
        #expect(model.score(corpus).overall.f1 == 100)
        let loaded = try TaggerModel(bytes: model.serialized)
        #expect(loaded.language == "xx")
        #expect(
            loaded.chunks(tokens: ["Mary", "joined", "Acme", "Corp", "in", "London", "."]) == corpus.sentences[1].chunks
        )
        #expect(throws: TaggerModelError.self) { try TaggerModel(bytes: Array(model.serialized.prefix(100))) }
    }

    @Test("the evaluation maps mentions back to tokens by offsets")
    func evaluationMapping() {
        let (text, ranges) = CoNLLEvaluation.detokenize(["EU", "rejects", "German", "call"])
        #expect(text == "EU rejects German call")
        let chunks = CoNLLEvaluation.chunks(
            [
                EntityMention(start: 0, end: 2, type: .organization),
                EntityMention(start: 11, end: 17, type: .miscellaneous),
            ],
            ranges: ranges
        )
        #expect(
            chunks == [Chunk(start: 0, end: 1, type: .organization), Chunk(start: 2, end: 3, type: .miscellaneous)]
        )
        // OCR newspapers glue the comma to the name's token: the name covers it.
        let (glued, gluedRanges) = CoNLLEvaluation.detokenize(["ROTTERDAM,", "3", "Mei", "."])
        let place = [EntityMention(start: 0, end: 9, type: .location)]
        #expect(
            CoNLLEvaluation.chunks(place, ranges: gluedRanges, text: ScalarText(glued))
                == [Chunk(start: 0, end: 1, type: .location)]
        )
        #expect(CoNLLEvaluation.chunks(place, ranges: gluedRanges).isEmpty, "without the text, whole tokens only")
    }

    @Test("a chunk loses the separators at its edges, not a full stop or quotes")
    func edgePunctuation() {
        let text = ScalarText(", Den Haag , \" St .")
        let spans = [0..<1, 2..<5, 6..<10, 11..<12, 13..<14, 15..<17, 18..<19]
        func trimmed(_ start: Int, _ end: Int) -> Chunk? {
            NamedEntityRecognizer.withoutEdgePunctuation(
                Chunk(start: start, end: end, type: .location),
                text: text,
                spans: spans
            )
        }
        #expect(trimmed(0, 4) == Chunk(start: 1, end: 3, type: .location))
        #expect(trimmed(3, 4) == nil)
        #expect(trimmed(4, 7) == Chunk(start: 4, end: 7, type: .location))
    }

    @Test("numbers in every grouping style")
    func numbers() {
        func read(_ text: String, comma: Bool = false) -> Double? {
            NumberReader.value(ArraySlice(Array(text.unicodeScalars)), decimalComma: comma)
        }
        #expect(read("1,50,000") == 150_000)
        #expect(read("1,234,567.5") == 1_234_567.5)
        #expect(read("1.234.567,5", comma: true) == 1_234_567.5)
        #expect(read("3,5", comma: true) == 3.5)
        #expect(read("1.234", comma: true) == 1234)
        #expect(read("1.234") == 1.234)
        #expect(read("12,34") == 12.34)
    }
}

@Suite("Gazetteer")
struct GazetteerTests {
    @Test("known place names are flagged, longest first, from capitalised words only")
    func flags() {
        let gazetteer = Gazetteer(lines: "New York\nYork\nNew York City\nBrussels\n")
        #expect(gazetteer.count == 4)
        let tokens = ["He", "left", "New", "York", "City", "for", "Brussels", "or", "brussels", "."]
            .map { TokenFeatures(ArraySlice(Array($0.unicodeScalars))) }
        #expect(gazetteer.flags(tokens) == [0, 0, 2, 1, 1, 0, 2, 0, 0, 0])
        #expect(Gazetteer.empty.flags(tokens) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test("given names are flagged 3 when capitalised and not inside a place; a place wins")
    func givenNames() {
        let gazetteer = Gazetteer(lines: "Paris\n", givenNames: "Olaf\nParis\nAnna Maria\n")
        #expect(gazetteer.count == 3, "Paris twice (place and given name) and Olaf; two words are not a given name")
        let tokens = ["Olaf", "Scholz", "met", "olaf", "in", "Paris", "."]
            .map { TokenFeatures(ArraySlice(Array($0.unicodeScalars))) }
        #expect(gazetteer.flags(tokens) == [3, 0, 0, 0, 0, 2, 0])
        let placesOnly = Gazetteer(lines: "Paris\n")
        #expect(placesOnly.flags(tokens) == [0, 0, 0, 0, 0, 2, 0], "a model without given names: as before")
    }

    @Test("a names file adds places and given names to a model's gazetteer, also to an empty one")
    func namesFileAdds() throws {
        let names = try Gazetteer(namesFile: Array("# names\np\tBelgio\ng\tAnna\n\n".utf8))
        let tokens = ["Anna", "va", "in", "Belgio", "e", "a", "Paris"]
            .map { TokenFeatures(ArraySlice(Array($0.unicodeScalars))) }
        #expect(Gazetteer(lines: "Paris\n").adding(names).flags(tokens) == [3, 0, 0, 2, 0, 0, 2])
        #expect(Gazetteer.empty.adding(names).flags(tokens) == [3, 0, 0, 2, 0, 0, 0])
        #expect(Gazetteer(lines: "Anna\n").adding(names).isGivenName(tokens[0]), "a place of the name too")
        let error = #expect(throws: GazetteerError.self) { try Gazetteer(namesFile: Array("p\tRoma\nRoma\n".utf8)) }
        #expect(error?.line == 2)
    }
}
