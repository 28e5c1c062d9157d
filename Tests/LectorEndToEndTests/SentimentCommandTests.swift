import Foundation
import LectorCore
import LectorTestSupport
import Testing

@Suite("lector sentiment", .serialized)
struct SentimentCommandTests {
    @Test("process --processors metadata,sentiment labels articles and validates", .timeLimit(.minutes(1)))
    func processFiles() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let good = try scratch.write(
            "good.txt",
            text: "Title: Harbour reopens\n\nResidents celebrated the wonderful new harbour. Trade is booming.\n"
        )
        let bad = try scratch.write(
            "bad.txt",
            text: "The storm destroyed the pier and killed two fishermen. Losses widened at the port.\n"
        )
        let result = try LectorBinary.run(["process", "--processors", "metadata,sentiment", good, bad])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 2)
        var files: [String] = []
        for (index, line) in lines.enumerated() {
            files.append(try scratch.write("out\(index).json", Array(line)))
        }
        let documents = try lines.map { try JSONValue.parse($0) }
        #expect(documents.first?["sentiment"]?["label"] == "positive")
        #expect(documents.last?["sentiment"]?["label"] == "negative")
        #expect(documents.first?["sentiment"]?["sentences"]?.arrayValue?.count == 2)
        #expect(documents.first?["processing"]?["steps"]?.arrayValue?.last?["name"] == "sentiment")
        let validation = try Repository.validateAgainstSchema(files)
        #expect(validation.valid, "\(validation.report)")
    }

    @Test("process --jsonl gives a score and a label per line", .timeLimit(.minutes(1)))
    func processJSONLines() throws {
        let records: [JSONValue] = [
            ["id": "a", "text": "Profits soared and investors were delighted."],
            ["id": "b", "text": "The minister resigned after a damaging scandal."],
            ["id": "c", "text": "The meeting is on Monday."],
        ]
        let input = Array((records.map { $0.encodedString() }.joined(separator: "\n") + "\n").utf8)
        let result = try LectorBinary.run(["process", "--processors", "sentiment", "--jsonl"], input: input)
        #expect(result.status == 0, "\(result.standardError)")
        let documents = try result.standardOutput.split(separator: UInt8(ascii: "\n")).map { try JSONValue.parse($0) }
        #expect(documents.map { $0["sentiment"]?["label"] } == ["positive", "negative", "neutral"])
        #expect(documents.allSatisfy { $0["sentiment"]?["score"]?.doubleValue != nil })
    }

    @Test("lector eval sentiment prints Pearson r, accuracy, macro-F1 and throughput", .timeLimit(.minutes(1)))
    func evalSentiment() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let records: [JSONValue] = [
            ["id": "1", "set": "toy", "text": "A wonderful, moving film.", "score_norm": 0.8, "label": "positive"],
            ["id": "2", "set": "toy", "text": "Dull and painfully bad.", "score_norm": -0.7, "label": "negative"],
            ["id": "3", "set": "toy", "text": "It opens on Friday.", "score_norm": 0.0, "label": "neutral"],
        ]
        let file = try scratch.write("toy.jsonl", text: records.map { $0.encodedString() }.joined(separator: "\n"))
        let result = try LectorBinary.run(["eval", "sentiment", file])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("texts/s"), "\(result.output)")
        let last = try #require(result.output.split(separator: "\n").last)
        let figures = try JSONValue.parse(String(last))
        #expect(figures["sets"]?["toy"]?["n"] == 3)
        #expect(figures["sets"]?["toy"]?["accuracy"] == 1)
        #expect(figures["sets"]?["toy"]?["macro_f1"] == 1)
        #expect(try #require(figures["sets"]?["toy"]?["pearson_r"]?.doubleValue) > 0.9)
    }

    @Test("lector eval sentiment reads LANG/SET folders with that language's lexicon", .timeLimit(.minutes(1)))
    func evalSentimentLanguages() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let english: JSONValue = ["id": "1", "text": "A wonderful film.", "score_norm": 0.8, "label": "positive"]
        try scratch.write("toy.jsonl", text: english.encodedString())
        let german: [JSONValue] = [
            ["id": "g1", "text": "Ein wunderbarer, großartiger Erfolg.", "label": "positive"],
            ["id": "g2", "text": "Eine schreckliche Katastrophe.", "label": "negative"],
        ]
        try scratch.write("de/news/dev.jsonl", text: german.map { $0.encodedString() }.joined(separator: "\n"))
        let result = try LectorBinary.run(["eval", "sentiment", scratch.path])
        #expect(result.status == 0, "\(result.standardError)")
        let figures = try JSONValue.parse(String(try #require(result.output.split(separator: "\n").last)))
        #expect(figures["sets"]?["toy"]?["n"] == 1)
        #expect(figures["sets"]?["de/news"]?["n"] == 2)
        #expect(figures["sets"]?["de/news"]?["polar_accuracy"] == 1, "\(result.output)")
        #expect(figures["sets"]?["de/news"]?["majority_macro_f1"] != nil)
        // The VADER-style baseline reads the same records with the German lexicon.
        #expect(figures["sets"]?["de/news"]?["lexicon_sum"]?["polar_accuracy"] == 1, "\(result.output)")
        #expect(result.output.contains("lexicon_f1"))
        for folder in ["/de", "/de/news"] {
            let one = try LectorBinary.run(["eval", "sentiment", scratch.path + folder])
            let last = try JSONValue.parse(String(try #require(one.output.split(separator: "\n").last)))
            #expect(last["sets"]?["de/news"]?["polar_accuracy"] == 1, "\(folder): the path names the language")
        }
        try scratch.write("pl/news/dev.jsonl", text: german[0].encodedString())
        let skipped = try LectorBinary.run(["eval", "sentiment", scratch.path])
        #expect(skipped.output.contains("skipped: no sentiment lexicon for 'pl'"))
    }

    @Test("--dump-features gives a record rated toward a company the clauses that name it", .timeLimit(.minutes(1)))
    func dumpFeaturesTowardATarget() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let text = "Tesco gains in FTSE 100; Marks & Spencer drops"
        let records: [JSONValue] = [
            [
                "id": "h:1", "set": "heads", "text": .string(text), "target": "Marks & Spencer", "score": -0.3,
                "label": "negative",
            ],
            ["id": "h:2", "set": "heads", "text": .string(text), "score": 0.1, "label": "positive"],
        ]
        let file = try scratch.write("heads.jsonl", text: records.map { $0.encodedString() }.joined(separator: "\n"))
        let dump = scratch.path + "/features.jsonl"
        let result = try LectorBinary.run(["eval", "sentiment", file, "--rules-only", "--dump-features", dump])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try String(contentsOfFile: dump, encoding: .utf8).split(separator: "\n").map {
            try JSONValue.parse(String($0))
        }
        #expect(lines.count == 2)
        let words = lines.map { Set($0["words"]?.arrayValue?.compactMap(\.stringValue) ?? []) }
        #expect(words[0].contains("drops") && !words[0].contains("gains"), "toward M&S: its own clause")
        #expect(words[0].isDisjoint(with: ["marks", "spencer"]), "less the company's own name")
        #expect(words[1].isSuperset(of: ["drops", "gains"]), "no target: the whole headline")
    }
}
