import Foundation
import LectorCore
import LectorTestSupport
import Testing

@Suite("lector eval")
struct EvalCommandTests {
    @Test("lector eval metadata prints per-form accuracy, throughput and a JSON line", .timeLimit(.minutes(1)))
    func evalMetadata() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let records: [JSONValue] = [
            ["id": "a", "title": "Ferries go electric", "article": "The council voted on Tuesday.\n\nMore follows."],
            ["id": "b", "title": nil, "article": "Frost hit the valley overnight, growers said."],
        ]
        try scratch.write("sample.jsonl", text: records.map { $0.encodedString() }.joined(separator: "\n") + "\n")
        let result = try LectorBinary.run(["eval", "metadata", scratch.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("all right: 100.00%"), "\(result.output)")
        #expect(result.output.contains("documents/s"))
        let last = try #require(result.output.split(separator: "\n").last)
        let figures = try JSONValue.parse(String(last))
        #expect(figures["cases"] == 9)
        #expect(figures["all_right"] == 100)
    }

    @Test("lector eval entities and eval metadata on data with nothing to score say so and exit 64")
    func evalNothingToScore() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let file = try scratch.write("empty.testa", text: "\n")
        let entities = try LectorBinary.run(["eval", "entities", file, "--language", "en"])
        #expect(entities.status == 64)
        #expect(entities.standardError.contains("no CoNLL sentences to score"), "\(entities.standardError)")
        #expect(!entities.output.contains("nan"), "\(entities.output)")
        try scratch.write("empty.jsonl", text: "\n")
        let metadata = try LectorBinary.run(["eval", "metadata", scratch.path])
        #expect(metadata.status == 64)
        #expect(metadata.standardError.contains("no articles"), "\(metadata.standardError)")
    }

    @Test("an evaluation of a path that does not exist says so and exits 64", arguments: ["metadata", "sentiment"])
    func evalMissingPath(command: String) throws {
        let result = try LectorBinary.run(["eval", command, "/nonexistent/lector-eval-data"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("/nonexistent/lector-eval-data: no"), "\(result.standardError)")
        #expect(!result.standardError.contains("NSCocoaErrorDomain"))
    }
}
