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
        let weightBytes = (1 << 16) * NamedType.tagCount * 2
        let cut = Array(model.serialized.dropLast(weightBytes + 5))
        #expect(throws: TaggerModelError.self, "cut inside the cluster table") { try TaggerModel(bytes: cut) }
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
