import Foundation
import LectorCore
import LectorTestSupport
import Testing

@Suite("example plugins")
struct PluginExamplesTests {
    @Test("Plugins/examples/config.yaml runs every example plugin and validates", .timeLimit(.minutes(1)))
    func examples() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        // The examples' config points at release builds; the tests use the debug build next to lector.
        let built = (LectorBinary.path as NSString).deletingLastPathComponent
        var config = try String(contentsOfFile: Repository.path("Plugins/examples/config.yaml"), encoding: .utf8)
        config = config.replacingOccurrences(of: "../../.build/release", with: built)
            .replacingOccurrences(of: "keywords.py", with: Repository.path("Plugins/examples/keywords.py"))
        let path = try scratch.write("config.yaml", text: config)
        let result = try LectorBinary.run(["process", "--config", path, Repository.path("samples/harbour-ferries.txt")])
        #expect(result.status == 0, "\(result.standardError)")
        let document = try JSONValue.parse(result.standardOutput)
        #expect(document["keywords"]?.arrayValue?.count == 5)
        #expect(document["keywords"]?.arrayValue?.first?["word"] == "boats")
        #expect(document["reading_time"]?["words"] == 131)
        #expect(document["textstats"]?["sentences"] == 6)
        let steps = document["processing"]?["steps"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(steps == ["metadata", "keywords", "reading_time", "textstats"])
        let file = try scratch.write("out.json", result.standardOutput)
        let validation = try Repository.validateAgainstSchema([file])
        #expect(validation.valid, "\(validation.report)")
    }
}
