import Foundation
import LectorCore
import LectorTestSupport
import Testing

/// The modern news paragraphs written and annotated for Lector (`Tools/entities/news`): the
/// names of French, Italian, Spanish and Dutch news, where no openly licensed news NER data
/// exists, and of Portuguese and German news beside the older gold sets their models learned
/// from, scored by `lector eval entities` on the part never read while the rules were
/// written (`LANG-test.txt`).
@Suite("Annotated news paragraphs", .serialized)
struct AnnotatedNewsTests {
    /// Each language's held-out F1 as measured when the rules last changed, less a point:
    /// a change that costs more shows here.
    static let floors: [(language: String, f1: Double)] = [
        ("it", 71.5), ("fr", 71.5), ("es", 83.8), ("nl", 70.7), ("pt", 80.7), ("de", 80.7),
    ]

    @Test("the held-out paragraphs of each language keep their F1", arguments: floors.map(\.language))
    func heldOutFigure(_ language: String) throws {
        let floor = try #require(Self.floors.first { $0.language == language }?.f1)
        let file = Repository.path("Tools/entities/news/\(language)-test.txt")
        let result = try LectorBinary.run(["eval", "entities", file, "--language", language])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: UInt8(ascii: "\n"))
        let figures = try JSONValue.parse(try #require(lines.last))
        let f1 = try #require(figures[language]?["f1"]?.doubleValue)
        #expect(f1 >= floor, "\(language): F1 \(f1), measured at \(floor + 1)")
        #expect(figures[language]?["tokens"]?.intValue ?? 0 > 1500)
    }

    @Test("every CoNLL file is its marked paragraphs, converted", arguments: ["it", "fr", "es", "nl", "pt", "de"])
    func conllMatchesMarkup(_ language: String) throws {
        for part in language == "de" ? ["test"] : ["dev", "test"] {
            let folder = "Tools/entities/news/"
            let converted = try Repository.runTool([
                "python3", Repository.path("Tools/entities/markup_to_conll.py"),
                Repository.path(folder + "\(language)-\(part).marked.txt"),
            ])
            #expect(converted.status == 0, "\(converted.output)")
            let path = Repository.path(folder + "\(language)-\(part).txt")
            let committed = try String(contentsOfFile: path, encoding: .utf8)
            #expect(converted.output == committed, "\(language)-\(part): rerun markup_to_conll.py")
        }
    }
}
