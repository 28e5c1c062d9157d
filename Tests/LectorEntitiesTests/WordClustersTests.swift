import Foundation
import LectorTestSupport
import LectorText
import Testing

@testable import LectorEntities
@testable import LectorEvaluation

@Suite("Word clusters")
struct WordClustersTests {
    static func form(_ word: String) -> UInt64 {
        TokenFeatures(ArraySlice(Array(word.unicodeScalars))).form
    }

    @Test("a cluster file is read by exact form; comments are skipped and a bad line is named")
    func reading() throws {
        let clusters = try WordClusters(lines: "# comment\nMüller\t40\nSchmidt\t40\nHaus\t413\n\n")
        #expect(clusters.count == 3)
        #expect(clusters.path(Self.form("Müller")) == 40)
        #expect(clusters.path(Self.form("Haus")) == 413)
        #expect(clusters.path(Self.form("haus")) == 0, "the exact form: German nouns and names keep their capital")
        #expect(clusters.path(Self.form("Berlin")) == 0)
        #expect(WordClusters.empty.path(Self.form("Haus")) == 0)
        #expect(throws: TaggerModelError.self) { try WordClusters(lines: "Haus 413\n") }
        #expect(throws: TaggerModelError.self) { try WordClusters(lines: "Haus\t70000\n") }
    }

    @Test("the table keeps the first path of a repeated word, leaves path 0 out and stops at its capacity")
    func table() {
        let clusters = WordClusters(entries: [(5, 0), (7, 3), (7, 9), (0, 4), (11, 2)])
        #expect(clusters.count == 3)
        #expect(clusters.path(5) == 0, "path 0 is none")
        #expect(clusters.path(7) == 3, "the first path wins")
        #expect(clusters.path(0) == 4 && clusters.path(11) == 2)
        #expect(clusters.entries.count == 3)
        let capped = WordClusters(capacity: 2) { insert in
            for form in UInt64(1)...5 { insert(form, UInt16(form)) }
        }
        #expect(capped.count == 2 && capped.path(1) == 1 && capped.path(2) == 2 && capped.path(3) == 0)
    }

    @Test(
        "every shipped entity model reads and writes back byte for byte",
        arguments: ["de", "en", "es", "fr", "nl", "pt", "ru"]
    )
    func shippedModel(_ language: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestModels.folder + "/entities/\(language).bin")))
        let model = try TaggerModel(bytes: bytes)
        #expect(model.serialized == bytes)
        #expect(model.language == language)
        #expect(model.extractor.clusters.isEmpty == ["en", "fr", "nl"].contains(language))
    }

    @Test("a path prefix counts decisions from the lowest bit, and no path differs from a path of zeros")
    func prefixes() {
        // 80 = 0b1010000 and 208 = 0b11010000 (Hamburg and Paris) share their first 6 decisions.
        #expect(WordClusters.prefix(80, 6) == WordClusters.prefix(208, 6))
        #expect(WordClusters.prefix(80, 16) != WordClusters.prefix(208, 16))
        #expect(WordClusters.prefix(80, 4) != WordClusters.prefix(0, 4), "0000 is a path; 0 is none")
        #expect(WordClusters.prefix(80, 4) != WordClusters.prefix(80, 6), "prefixes of two lengths never meet")
    }

    @Test("a model with clusters tags an unseen word by its cluster and keeps them through its file")
    func model() throws {
        let corpus = CoNLLCorpus(
            text: """
                Müller X X B-PER
                sagte X X O
                nein X X O
                . X X O

                Das X X O
                Haus X X O
                ist X X O
                groß X X O
                . X X O

                """
        )
        var trainer = PerceptronTrainer(language: "de", bucketBits: 16, epochs: 20)
        trainer.clusters = try WordClusters(lines: "Müller\t40\nSchmidt\t40\nHaus\t413\nDach\t413\n")
        let model = trainer.train(corpus)
        #expect(
            model.extractor.templateCount == FeatureExtractor.baseTemplateCount + FeatureExtractor.clusterTemplateCount
        )
        let loaded = try TaggerModel(bytes: model.serialized)
        #expect(model.serialized[4] == 3, "format version 3 carries the clusters")
        #expect(loaded.extractor.clusters.count == 4)
        #expect(loaded.extractor.clusters.path(Self.form("Schmidt")) == 40)
        // A complete file whose table announces more words than it holds.
        let tags = NamedType.tagCount
        let countAt =
            4 + 4 + 8 + 4 + 4 + 4 + (tags + 1) * tags * 4 + model.extractor.lowercaseWords.count * 8 + 4
            + model.extractor.gazetteer.count * 8
        var inflated = model.serialized
        #expect(inflated[countAt] == 4 && inflated[countAt + 1] == 0, "the table's word count")
        inflated.replaceSubrange(countAt..<countAt + 4, with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: TaggerModelError.self, "a table longer than the file") { try TaggerModel(bytes: inflated) }
        let person = loaded.chunks(tokens: ["Schmidt", "sagte", "nein", "."])
        #expect(person.map(\.type) == [.person])
        #expect(person.first?.start == 0)
        #expect(loaded.chunks(tokens: ["Das", "Dach", "ist", "groß", "."]).isEmpty)

        let plain = PerceptronTrainer(language: "de", bucketBits: 16, epochs: 20).train(corpus)
        #expect(plain.serialized[4] == 2, "a model without clusters keeps format version 2")
        #expect(plain.extractor.templateCount == FeatureExtractor.baseTemplateCount)
        #expect(try TaggerModel(bytes: plain.serialized).extractor.clusters.isEmpty)
    }
}
