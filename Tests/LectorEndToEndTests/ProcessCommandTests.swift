import Foundation
import LectorCore
import LectorTestSupport
import Testing

@Suite("lector process", .serialized)
struct ProcessCommandTests {
    private func parseLines(_ output: [UInt8]) throws -> [JSONValue] {
        try output.split(separator: UInt8(ascii: "\n")).map { try JSONValue.parse($0) }
    }

    @Test("a file becomes one enriched document that validates against the schema", .timeLimit(.minutes(1)))
    func oneFile() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try LectorBinary.run(
            ["process", "--processors", "metadata", Repository.path("samples/harbour-ferries.txt")]
        )
        #expect(result.status == 0, "\(result.standardError)")
        let document = try JSONValue.parse(result.standardOutput)
        #expect(document["id"] == "harbour-ferries")
        #expect(document["source"]?["file"] == "harbour-ferries.txt")
        #expect(document["source"]?["encoding"] == "utf-8")
        #expect(document["metadata"]?["title"] == "City council votes to electrify harbour ferries by 2030")
        #expect(document["metadata"]?["date"] == "2025-10-14T09:30:00+02:00")
        #expect(document["text"]?.stringValue?.hasPrefix("The city council voted 31 to 14") == true)
        #expect(document["processing"]?["steps"]?.arrayValue?.first?["status"] == "ok")
        let file = try scratch.write("out.json", result.standardOutput)
        let validation = try Repository.validateAgainstSchema([file])
        #expect(validation.valid, "\(validation.report)")
    }

    @Test(
        "a file's time follows its symlink and past 2262 is clamped, not a crash",
        .timeLimit(.minutes(1))
    )
    func fileTime() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let wire = try scratch.write("wire.txt", text: "LONDON, Dec 31 (Reuters) - Markets closed early.\n")
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_798_880_400)],
            ofItemAtPath: wire
        )
        let link = scratch.path + "/link.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: wire)
        let linked = try LectorBinary.run(["process", "--processors", "metadata", link])
        #expect(linked.status == 0, "\(linked.standardError)")
        let document = try JSONValue.parse(linked.standardOutput)
        #expect(document["source"]?["modified"] == "2027-01-02T09:00:00Z")
        #expect(document["metadata"]?["date"] == "2026-12-31")
        let far = try scratch.write("far.txt", text: "A note from the future.\n")
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 10_413_792_000)],  // 2300-01-01
            ofItemAtPath: far
        )
        let clamped = try LectorBinary.run(["process", "--processors", "metadata", far])
        #expect(clamped.status == 0, "\(clamped.standardError)")
        #expect(try JSONValue.parse(clamped.standardOutput)["source"]?["modified"] == "2262-04-11T23:47:16Z")
    }

    @Test("standard input is read when the path is - or missing; --pretty indents", .timeLimit(.minutes(1)))
    func standardInput() throws {
        let text = Array("date 2022-02-16 After talks in Moscow, the leaders spoke.".utf8)
        let dash = try LectorBinary.run(["process", "--processors", "metadata", "-"], input: text)
        #expect(dash.status == 0, "\(dash.standardError)")
        let document = try JSONValue.parse(dash.standardOutput)
        #expect(document["id"] == "stdin")
        #expect(document["metadata"]?["date"] == "2022-02-16")
        #expect(document["text"] == "After talks in Moscow, the leaders spoke.")
        let pretty = try LectorBinary.run(["process", "--processors", "metadata", "--pretty"], input: text)
        #expect(pretty.output.hasPrefix("{\n  \"id\": \"stdin\","))
    }

    @Test("several files give one line each; a bad file is reported and the rest go on", .timeLimit(.minutes(1)))
    func severalFiles() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let good = try scratch.write("good.txt", text: "A short note.\n")
        let binary = try scratch.write("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13])
        let utf16 = try scratch.write(
            "wide.txt",
            [0xFF, 0xFE] + Array("Hi there.".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        )
        let result = try LectorBinary.run([
            "process", "--processors", "metadata", good, binary, utf16, scratch.appending("missing.txt"),
        ])
        #expect(result.status == 1)
        let documents = try parseLines(result.standardOutput)
        #expect(documents.map { $0["id"] } == ["good", "wide"])
        #expect(documents[1]["source"]?["encoding"] == "utf-16le")
        #expect(result.standardError.contains("binary.txt: not a text file"))
        #expect(result.standardError.contains("missing.txt: cannot open"))
    }

    @Test("--output writes ID.json files atomically", .timeLimit(.minutes(1)))
    func outputDirectory() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let outbox = scratch.appending("outbox")
        try FileManager.default.createDirectory(atPath: outbox, withIntermediateDirectories: true)
        let result = try LectorBinary.run(
            ["process", "--processors", "metadata", "--output", outbox, Repository.path("samples/orchard-frost.txt")]
        )
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox) == ["orchard-frost.json"])
    }

    @Test(
        "--output refuses inputs that map to one output name, naming them, and writes nothing",
        .timeLimit(.minutes(1))
    )
    func outputNameClash() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let outbox = scratch.appending("outbox")
        try FileManager.default.createDirectory(atPath: outbox, withIntermediateDirectories: true)
        let first = try scratch.write("d1/a.txt", text: "First article.\n")
        let second = try scratch.write("d1/a.md", text: "Second article.\n")
        let third = try scratch.write("d2/a.txt", text: "Third article.\n")
        let fine = try scratch.write("d2/b.txt", text: "Fourth article.\n")
        let result = try LectorBinary.run(
            ["process", "--processors", "metadata", "--output", outbox, first, second, fine, third]
        )
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardError.contains("\(first), \(second), \(third) would all be written to \(outbox)/a.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox).isEmpty)
        #expect(result.standardOutput.isEmpty)
    }

    @Test("--jsonl: 1,000 lines in, 1,000 out, same order; a bad line yields an error object", .timeLimit(.minutes(1)))
    func jsonLines() throws {
        var input = ""
        for index in 0..<1000 {
            if index == 500 {
                input += "{this is not json\n"
            } else {
                let record: JSONValue = [
                    "id": .string("doc-\(index)"), "text": .string("Article number \(index). It is short."),
                ]
                input += record.encodedString() + "\n"
            }
        }
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try LectorBinary.run(
            ["process", "--jsonl", "--processors", "metadata", "--workers", "2"],
            input: Array(input.utf8)
        )
        #expect(result.status == 1, "one bad line makes the exit status 1")
        let lines = try parseLines(result.standardOutput)
        #expect(lines.count == 1000)
        for (index, line) in lines.enumerated() where index != 500 {
            #expect(line["id"] == .string("doc-\(index)"))
            #expect(line["source"] == nil)
        }
        #expect(lines[500]["id"] == nil || lines[500]["id"] == .null)
        #expect(lines[500]["line"] == 501)
        #expect(lines[500]["error"]?["code"] == "invalid_json")
        let file = try scratch.write("out.jsonl", result.standardOutput)
        let validation = try Repository.validateAgainstSchema([file])
        #expect(validation.valid, "\(validation.report)")
    }

    @Test("--jsonl: a byte-order mark before the first record is skipped", .timeLimit(.minutes(1)))
    func jsonLinesWithByteOrderMark() throws {
        let records = #"{"id": "a", "text": "First."}"# + "\n" + #"{"id": "b", "text": "Second."}"# + "\n"
        let result = try LectorBinary.run(
            ["process", "--jsonl", "--processors", "metadata"],
            input: [0xEF, 0xBB, 0xBF] + Array(records.utf8)
        )
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try parseLines(result.standardOutput).map { $0["id"] } == ["a", "b"])
    }

    @Test("--jsonl targets get the tone toward each span; a span in a removed header says so", .timeLimit(.minutes(1)))
    func targets() throws {
        let text =
            "Quarterly results\n\nAnalysts praised Apple for its strong results but criticised Samsung for its losses."
        let scalars = Array(text.unicodeScalars)
        func span(_ word: String, from offset: Int = 0) -> JSONValue {
            let needle = Array(word.unicodeScalars)
            let start =
                (offset...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle }
                ?? 0
            return ["start": .int(start), "end": .int(start + needle.count)]
        }
        let record: JSONValue = [
            "id": "t1", "text": .string(text), "targets": [span("Apple"), span("Samsung"), span("Quarterly")],
        ]
        let result = try LectorBinary.run(
            ["process", "--jsonl", "--processors", "metadata,sentiment"],
            input: Array((record.encodedString() + "\n").utf8)
        )
        #expect(result.status == 0, "\(result.standardError)")
        let line = try #require(try parseLines(result.standardOutput).first)
        let targets = try #require(line["sentiment"]?["targets"]?.arrayValue)
        #expect(targets.count == 3)
        #expect(targets[0]["start"] == span("Apple")["start"], "offsets as given, before the title was removed")
        #expect(targets[0]["label"] == "positive")
        #expect(targets[1]["label"] == "negative")
        #expect(targets[2]["error"] != nil && targets[2]["score"] == nil, "the title line went to metadata")
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let file = try scratch.write("out.jsonl", result.standardOutput)
        let validation = try Repository.validateAgainstSchema([file])
        #expect(validation.valid, "\(validation.report)")
    }

    @Test("an unknown processor in --processors exits 78 with a did-you-mean", .timeLimit(.minutes(1)))
    func unknownProcessor() throws {
        let result = try LectorBinary.run(["process", "--processors", "metadta"], input: Array("x".utf8))
        #expect(result.status == 78)
        #expect(result.standardError.contains("unknown processor 'metadta' (did you mean 'metadata'?)"))
    }

    @Test("without --config, ./config.yaml is used when present", .timeLimit(.minutes(1)))
    func defaultConfig() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try scratch.write("config.yaml", text: "pipeline:\n  - metadata: {title: false}\ninclude_text: false\n")
        let result = try LectorBinary.run(
            ["process", "-"],
            input: Array("Headline\n\nBody.".utf8),
            directory: scratch.path
        )
        #expect(result.status == 0, "\(result.standardError)")
        let document = try JSONValue.parse(result.standardOutput)
        #expect(document["text"] == nil)
        #expect(document["metadata"]?["title"] == .null)
    }
}
