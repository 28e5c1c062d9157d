import Foundation
import LectorCore
import LectorTestSupport
import Testing

@Suite("lector process with entities", .serialized)
struct EntitiesCommandTests {
    static let article = """
        Title: Putin and Scholz meet in Moscow
        Date: 2022-02-16

        Russian President Vladimir Putin met German Chancellor Olaf Scholz in Moscow on Tuesday. \
        Putin said Russia had pulled back some of its 1,50,000 troops, while NATO saw no sign of it. \
        The talks cost $2 million, and gas rose 12.5% on February 15.

        """

    @Test("metadata then entities: schema-valid output with grouped, dated entities", .timeLimit(.minutes(1)))
    func metadataAndEntities() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let input = try scratch.write("summit.txt", text: Self.article)
        let result = try LectorBinary.run(["process", "--processors", "metadata,entities", input])
        #expect(result.status == 0, "\(result.standardError)")
        let document = try JSONValue.parse(result.standardOutput)
        let entities = try #require(document["entities"]?.arrayValue)
        let putin = try #require(entities.first { $0["text"] == "Vladimir Putin" })
        #expect(putin["type"] == "PERSON")
        #expect(putin["count"] == 2)
        #expect(entities.contains { $0["text"] == "Moscow" && $0["type"] == "LOC" })
        #expect(entities.contains { $0["type"] == "DATE" && $0["value"] == "2022-02-15" && $0["count"] == 2 })
        #expect(entities.contains { $0["type"] == "QUANTITY" && $0["value"] == 150_000 })
        #expect(entities.contains { $0["type"] == "MONEY" && $0["value"] == 2_000_000 && $0["currency"] == "USD" })
        let text = Array(try #require(document["text"]?.stringValue).unicodeScalars)
        for mention in entities.flatMap({ $0["mentions"]?.arrayValue ?? [] }) {
            let start = try #require(mention["start"]?.intValue)
            let end = try #require(mention["end"]?.intValue)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text[start..<end])
            #expect(String(view) == mention["text"]?.stringValue)
        }
        let file = try scratch.write("out.json", result.standardOutput)
        let validation = try Repository.validateAgainstSchema([file])
        #expect(validation.valid, "\(validation.report)")
    }

    @Test("--jsonl tags single sentences, one line each", .timeLimit(.minutes(1)))
    func jsonLines() throws {
        let lines = [
            #"{"id": "1", "text": "EU rejects German call to boycott British lamb ."}"#,
            #"{"id": "2", "text": "Peter Blackburn"}"#,
        ]
        let result = try LectorBinary.run(
            ["process", "--processors", "entities", "--jsonl"],
            input: Array((lines.joined(separator: "\n") + "\n").utf8)
        )
        #expect(result.status == 0, "\(result.standardError)")
        let documents = try result.standardOutput.split(separator: UInt8(ascii: "\n")).map { try JSONValue.parse($0) }
        #expect(documents.count == 2)
        let first = documents[0]["entities"]?.arrayValue ?? []
        #expect(first.contains { $0["text"] == "EU" && $0["type"] == "ORG" })
        #expect(first.contains { $0["text"] == "German" && $0["type"] == "MISC" })
        #expect(documents[1]["entities"]?.arrayValue?.first?["type"] == "PERSON")
    }

    @Test("lector eval entities scores a CoNLL file and prints a JSON line", .timeLimit(.minutes(1)))
    func evalEntities() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let conll = """
            -DOCSTART- -X- -X- O

            EU NNP I-NP I-ORG
            rejects VBZ I-VP O
            German JJ I-NP I-MISC
            call NN I-NP O
            . . O O

            Peter NNP I-NP I-PER
            Blackburn NNP I-NP I-PER

            """
        let file = try scratch.write("eng.testa", text: conll)
        let result = try LectorBinary.run(["eval", "entities", file])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("tokens/s"))
        let last = try #require(result.output.split(separator: "\n").last)
        let figures = try JSONValue.parse(String(last))
        #expect(figures["en"]?["f1"] == 100)
        #expect(figures["en"]?["tokens"] == 7)
    }

    @Test("lector eval entities reads a folder's dev.txt, in the folder's language, and says the model saw it")
    func evalDevFolder() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try scratch.write("de/dev.txt", text: "Angela B-PER\nMerkel I-PER\nsprach O\nin O\nBerlin B-LOC\n. O\n\n")
        let result = try LectorBinary.run(["eval", "entities", scratch.path + "/de"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("note: the shipped de model is trained on all of dev.txt"), "\(result.output)")
        let figures = try JSONValue.parse(String(try #require(result.output.split(separator: "\n").last)))
        #expect(figures["de"]?["tokens"] == 6)
    }
}
