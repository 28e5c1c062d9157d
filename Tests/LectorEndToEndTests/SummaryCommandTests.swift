import Foundation
import LectorCore
import LectorTestSupport
import Testing

@Suite("lector process and eval with the summary processor", .serialized)
struct SummaryCommandTests {
    private static let article = """
        Council votes to electrify harbour ferries

        By Jane Doe

        The city council voted on Tuesday to electrify all harbour ferries by 2030, ending decades of diesel service.

        Photo: John Smith/Getty Images

        Ferries carry 40,000 passengers a day, and the council said electric ferries would cut emissions by half.

        Share this with Email Facebook Twitter

        The first four electric ferries will enter service next spring. Critics said the plan would cost too much.
        """

    @Test(
        "metadata,summary: whole sentences of the body, no furniture, valid against the schema",
        .timeLimit(.minutes(1))
    )
    func processFile() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let input = try scratch.write("ferries.txt", text: Self.article)
        let result = try LectorBinary.run(["process", "--processors", "metadata,summary", input])
        #expect(result.status == 0, "\(result.standardError)")
        let document = try JSONValue.parse(result.standardOutput)
        #expect(document["metadata"]?["title"] == "Council votes to electrify harbour ferries")
        let text = Array(try #require(document["text"]?.stringValue).unicodeScalars)
        let sentences = try #require(document["summary"]?["sentences"]?.arrayValue)
        let picked = sentences.compactMap { $0["text"]?.stringValue }
        #expect(
            picked == [
                "The city council voted on Tuesday to electrify all harbour ferries by 2030, ending decades of diesel service.",
                "Ferries carry 40,000 passengers a day, and the council said electric ferries would cut emissions by half.",
                "The first four electric ferries will enter service next spring.",
            ]
        )
        for sentence in sentences {
            let start = try #require(sentence["start"]?.intValue)
            let end = try #require(sentence["end"]?.intValue)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text[start..<end])
            #expect(String(view) == sentence["text"]?.stringValue)
        }
        #expect(document["summary"]?["text"] == .string(picked.joined(separator: " ")))
        let file = try scratch.write("out.json", result.standardOutput)
        let validation = try Repository.validateAgainstSchema([file])
        #expect(validation.valid, "\(validation.report)")
    }

    @Test(
        "--jsonl with a config whose chain is summary: {sentences: N} gives a summary per line, empty text an error",
        .timeLimit(.minutes(1))
    )
    func jsonLinesWithConfig() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try scratch.write("config.yaml", text: "pipeline:\n  - summary: {sentences: 1}\ninclude_text: false\n")
        let records: [JSONValue] = [
            ["id": "a", "text": .string(Self.article)],
            ["id": "b", "text": ""],
            ["id": "c", "text": "Only one sentence here, about frost in the valley."],
        ]
        let input = records.map { $0.encodedString() }.joined(separator: "\n") + "\n"
        let result = try LectorBinary.run(
            ["process", "--jsonl", "--config", scratch.appending("config.yaml")],
            input: Array(input.utf8)
        )
        // Empty text is refused as `empty`, as an empty file is: one error line, exit 1.
        #expect(result.status == 1, "\(result.standardError)")
        let lines = try result.standardOutput.split(separator: UInt8(ascii: "\n")).map { try JSONValue.parse($0) }
        #expect(lines.count == 3)
        #expect(lines.map { $0["summary"]?["sentences"]?.arrayValue?.count } == [1, nil, 1])
        #expect(lines[1]["id"] == "b")
        #expect(lines[1]["error"]?["code"] == "empty")
        #expect(lines[2]["summary"]?["text"] == "Only one sentence here, about frost in the valley.")
        let file = try scratch.write("out.jsonl", result.standardOutput)
        let validation = try Repository.validateAgainstSchema([file])
        #expect(validation.valid, "\(validation.report)")
    }

    @Test("a bad summary option is a configuration error with its line and column", .timeLimit(.minutes(1)))
    func badOption() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try scratch.write("config.yaml", text: "pipeline:\n  - summary: {sentences: 2, ratio: 0.5}\n")
        let result = try LectorBinary.run(["check", "--config", scratch.appending("config.yaml")])
        #expect(result.status == 78)
        #expect(
            result.standardError.contains("config.yaml:2:36: summary: give either sentences or ratio, not both"),
            "\(result.standardError)"
        )
    }

    @Test("lector eval summary prints ROUGE next to LEAD-N, throughput and a JSON line", .timeLimit(.minutes(1)))
    func evalSummary() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let records: [JSONValue] = [
            [
                "id": "a", "title": nil,
                "article": "The council voted to electrify the ferries. Weather was fine. Ferries carry many people.",
                "reference_sentences": ["The council voted to electrify the ferries."],
            ],
            [
                "id": "b", "title": "Frost hits growers",
                "article": "Frost hit the valley overnight, growers said. Apples were lost.",
                "reference": "Frost hit the valley overnight, growers said.",
            ],
        ]
        let file = try scratch.write(
            "dev.jsonl",
            text: records.map { $0.encodedString() }.joined(separator: "\n") + "\n"
        )
        let result = try LectorBinary.run(["eval", "summary", file, "--sentences", "1", "--rounds", "1"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("lead-1"), "\(result.output)")
        #expect(result.output.contains("articles/s"))
        let last = try #require(result.output.split(separator: "\n").last)
        let figures = try JSONValue.parse(String(last))
        #expect(figures["articles"] == 2)
        #expect(figures["rouge1"] == 100)
        #expect(figures["lead"]?["rougeLsum"] == 100)
    }
}
