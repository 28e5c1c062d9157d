import Foundation
import LectorCore
import LectorTestSupport
import Testing

@Suite("model files and reloads", .serialized)
struct ModelReloadTests {
    static let text = "What a wonderful, wonderful day. The wonderful crew did a wonderful job for the town."

    /// The `sentiment` score and the `sentiment` step's `processing` models of an output.
    static func sentiment(_ harness: DaemonHarness, _ name: String) throws -> (score: Double, models: [String]) {
        let document = try JSONValue.parse(
            Array(try #require(FileManager.default.contents(atPath: harness.outbox + "/" + name)))
        )
        let score = try #require(document["sentiment"]?["score"]?.doubleValue)
        let step = try #require(document["processing"]?["steps"]?.arrayValue?.first { $0["name"] == "sentiment" })
        let models = try #require(step["models"]?.arrayValue).compactMap(\.stringValue)
        return (score, models)
    }

    @Test(
        "SIGHUP after a model file is replaced uses the new model, and processing records its version",
        .timeLimit(.minutes(2))
    )
    func reloadUsesReplacedModel() throws {
        let harness = try DaemonHarness(pipeline: ["metadata", "sentiment"], workers: 1)
        defer { harness.tearDown() }
        // A models folder holding a copy of the sentiment model; the rest comes from the checkout.
        let models = harness.root.path + "/models"
        try FileManager.default.createDirectory(atPath: models + "/sentiment", withIntermediateDirectories: true)
        for name in ["lexicon.tsv", "tone.tsv", "weights.tsv"] {
            try FileManager.default.copyItem(
                atPath: Repository.path("Models/sentiment/" + name),
                toPath: models + "/sentiment/" + name
            )
        }
        let lexiconPath = models + "/sentiment/lexicon.tsv"
        let original = try #require(FileManager.default.contents(atPath: lexiconPath))
        let originalVersion = "sentiment/lexicon.tsv@sha256:" + SHA256.hex(Array(original)).prefix(12)
        let daemon = try harness.start(environment: ["LECTOR_MODELS": models])

        try harness.drop("one.txt", text: Self.text)
        #expect(harness.waitFor { harness.outputs().contains("one.json") })
        let first = try Self.sentiment(harness, "one.json")
        #expect(first.score > 0)
        #expect(first.models.contains(originalVersion), "\(first.models)")
        #expect(first.models.contains { $0.hasPrefix("sentiment/tone.tsv@sha256:") })
        #expect(first.models.contains { $0.hasPrefix("sentiment/weights.tsv@sha256:") })

        // Replace the lexicon as an install would (write aside, rename over): 'wonderful' is
        // now a strongly negative word.
        var lines = String(decoding: original, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex(of: "v\twonderful\t2.7"))
        lines[index] = "v\twonderful\t-3.9"
        let replaced = Array(lines.joined(separator: "\n").utf8)
        let replacedVersion = "sentiment/lexicon.tsv@sha256:" + SHA256.hex(replaced).prefix(12)
        try Data(replaced).write(to: URL(fileURLWithPath: lexiconPath + ".new"))
        #expect(rename(lexiconPath + ".new", lexiconPath) == 0)

        // Until SIGHUP, the chain keeps the model it was built with.
        try harness.drop("two.txt", text: Self.text)
        #expect(harness.waitFor { harness.outputs().contains("two.json") })
        let second = try Self.sentiment(harness, "two.json")
        #expect(second.score == first.score)
        #expect(second.models == first.models)

        harness.send(SIGHUP, to: daemon)
        #expect(harness.waitFor(seconds: 30) { (harness.status(of: daemon)?["generation"] as? Int) == 2 })
        try harness.drop("three.txt", text: Self.text)
        #expect(harness.waitFor { harness.outputs().contains("three.json") })
        let third = try Self.sentiment(harness, "three.json")
        #expect(third.score < first.score, "the new lexicon changes the output: \(first.score) -> \(third.score)")
        #expect(third.models.contains(replacedVersion), "\(third.models)")
        #expect(!third.models.contains(originalVersion))
        #expect(
            third.models.filter { !$0.hasPrefix("sentiment/lexicon.tsv") }
                == first.models.filter { !$0.hasPrefix("sentiment/lexicon.tsv") },
            "the unchanged files keep their versions"
        )
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
    }

    @Test("lector process records the model versions each step used", .timeLimit(.minutes(1)))
    func processRecordsVersions() throws {
        let result = try LectorBinary.run(
            ["process", "--processors", "metadata,language,summary"],
            input: Array("Lector reads the news. It finds the language. It picks the sentences.".utf8)
        )
        #expect(result.status == 0, "\(result.standardError)")
        let document = try JSONValue.parse(result.standardOutput)
        let steps = try #require(document["processing"]?["steps"]?.arrayValue)
        let models = Dictionary(
            uniqueKeysWithValues: steps.compactMap { step in
                step["name"]?.stringValue.map { ($0, step["models"]?.arrayValue?.compactMap(\.stringValue) ?? []) }
            }
        )
        #expect(models["metadata"] == [])
        #expect(models["language"]?.contains { $0.hasPrefix("language/ngrams.bin") } == true)
        #expect(models["summary"]?.contains { $0.hasPrefix("summary/stopwords.tsv@sha256:") } == true)
        let path = try TemporaryDirectory()
        defer { path.remove() }
        let file = try path.write("out.json", result.standardOutput)
        let validation = try Repository.validateAgainstSchema([file])
        #expect(validation.valid, "\(validation.report)")
    }
}
