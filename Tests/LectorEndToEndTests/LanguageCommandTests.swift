import Foundation
import LectorCore
import LectorTestSupport
import Testing

@Suite("lector process with the language processor", .serialized)
struct LanguageCommandTests {
    @Test("metadata,language on files: languages found, output valid against the schema", .timeLimit(.minutes(1)))
    func files() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let texts = [
            ("english", "The committee will publish its final report on the new railway line next week.", "en"),
            ("german", "Die Regierung hat am Mittwoch ein neues Gesetz beschlossen.", "de"),
            ("russian", "Правительство в среду представило новый законопроект.", "ru"),
            ("numbers", "12 34 56", "und"),
        ]
        var paths: [String] = []
        for (name, text, _) in texts { paths.append(try scratch.write(name + ".txt", text: text)) }
        let output = scratch.path + "/out"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let result = try LectorBinary.run(["process", "--processors", "metadata,language", "--output", output] + paths)
        #expect(result.status == 0, "\(result.standardError)")
        var files: [String] = []
        for (name, _, code) in texts {
            let file = output + "/" + name + ".json"
            files.append(file)
            let document = try JSONValue.parse(Array(FileManager.default.contents(atPath: file) ?? Data()))
            #expect(document["language"]?["code"]?.stringValue == code, "\(name)")
            #expect(document["processing"]?["steps"]?.arrayValue?.last?["name"] == "language")
        }
        let validation = try Repository.validateAgainstSchema(files)
        #expect(validation.valid, "\(validation.report)")
    }

    @Test("--jsonl labels each line; mixed output validates", .timeLimit(.minutes(1)))
    func jsonLines() throws {
        let lines: [(String, String)] = [
            ("fr", "Le gouvernement a présenté mercredi un nouveau projet de loi."),
            ("ja", "政府は新しい法案を提出した。"),
            ("el", "Η κυβέρνηση παρουσίασε νέο νομοσχέδιο."),
        ]
        let input =
            lines.enumerated().map { index, line in
                JSONValue.object(JSONObject([("id", .string("l\(index)")), ("text", .string(line.1))])).encodedString()
            }.joined(separator: "\n") + "\n"
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try scratch.write(
            "config.yaml",
            text: "pipeline:\n  - metadata\n  - language: {mixed: true, alternatives: 2}\n"
        )
        let result = try LectorBinary.run(
            ["process", "--jsonl", "-"],
            input: Array(input.utf8),
            directory: scratch.path
        )
        #expect(result.status == 0, "\(result.standardError)")
        let outputs = try result.standardOutput.split(separator: UInt8(ascii: "\n")).map { try JSONValue.parse($0) }
        #expect(outputs.map { $0["language"]?["code"]?.stringValue } == lines.map(\.0))
        #expect(outputs.allSatisfy { $0["language"]?["mixed"]?["spans"]?.arrayValue != nil })
        let file = try scratch.write("out.jsonl", result.standardOutput)
        let validation = try Repository.validateAgainstSchema([file])
        #expect(validation.valid, "\(validation.report)")
    }
}
