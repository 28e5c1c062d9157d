import Foundation
import LectorFuzzTargets
import Testing

/// Runs every committed fuzz input — the seed corpora and the inputs that once found a bug
/// (Fuzz/regressions/TARGET/) — through its target in an ordinary build: a regression
/// traps here as it did under libFuzzer.
@Suite("fuzz corpora and regressions")
struct FuzzCorpusTests {
    static let fuzzFolder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Fuzz"
    }()

    static var inputs: [(target: String, file: String)] {
        var found: [(String, String)] = []
        for kind in ["corpus", "regressions"] {
            let root = fuzzFolder + "/" + kind
            for target in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
                let folder = root + "/" + target
                for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                where !file.hasPrefix(".") {
                    found.append((target, folder + "/" + file))
                }
            }
        }
        return found.sorted { $0.1 < $1.1 }
    }

    @Test("every target has a seed corpus")
    func seeds() {
        let targets = Set(Self.inputs.map(\.target))
        #expect(targets.isSuperset(of: FuzzTargets.all.keys))
    }

    @Test("every committed input runs through its target without trapping", arguments: inputs.map(\.file))
    func input(file: String) throws {
        let target = URL(fileURLWithPath: file).deletingLastPathComponent().lastPathComponent
        let run = try #require(FuzzTargets.all[target], "no fuzz target named \(target)")
        run(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
    }
}
