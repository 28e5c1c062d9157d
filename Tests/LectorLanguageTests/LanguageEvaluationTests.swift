import Glibc
import LectorCore
import LectorTestSupport
import Testing

@testable import LectorEvaluation
@testable import LectorLanguage

@Suite struct LanguageEvaluationTests {
    @Test func countsPerLanguageAndReports() throws {
        let folder = "/tmp/lector-language-eval-\(getpid())"
        defer { _ = system("rm -rf '\(folder)'") }
        mkdir(folder, 0o755)
        mkdir(folder + "/sentences", 0o755)
        try write(
            "The committee will publish its final report next week.\nLocal residents asked for more trains.\n",
            to: folder + "/sentences/en.txt"
        )
        try write("Die Regierung hat ein neues Gesetz beschlossen.\n\nKαλημέρα\n", to: folder + "/sentences/de.txt")
        let samples = LanguageEvaluation.samples(in: folder, kind: "sentences")
        #expect(samples.count == 4)
        #expect(LanguageEvaluation.samples(in: folder, kind: "sentences", limit: 1).count == 2)
        #expect(LanguageEvaluation.samples(in: folder, kind: "word-pairs").isEmpty)
        let evaluation = LanguageEvaluation(processor: try LanguageProcessor(models: TestModels.cache))
        let result = try evaluation.evaluate(samples, kind: "sentences", context: LanguageTestSupport.context)
        #expect(result.counts["en"] == .init(right: 2, total: 2))
        #expect(result.counts["de"] == .init(right: 1, total: 2))
        #expect(abs(result.meanAccuracy - 0.75) < 1e-9)
        #expect(result.samplesPerSecond > 0)
        let lines = LanguageEvaluation.report([result], loadSeconds: 0.05, residentMegabytes: 40)
        #expect(lines.contains { $0.hasPrefix("sentences") && $0.contains("75.00%") })
        #expect(lines.contains { $0.hasPrefix("worst ten") && $0.contains("de 50.0%") })
        let json = try JSONValue.parse(Array((lines.last ?? "").utf8))
        #expect(json["sentences"]?["accuracy"]?.doubleValue == 0.75)
        #expect(json["load_ms"]?.doubleValue == 50)
    }

    @Test func fixedDecimals() {
        #expect(LanguageEvaluation.fixed(97.654, 2) == "97.65")
        #expect(LanguageEvaluation.fixed(0.05, 1) == "0.1")
        #expect(LanguageEvaluation.fixed(12, 0) == "12")
        #expect(LanguageEvaluation.fixed(-1.5, 1) == "-1.5")
    }

    private func write(_ text: String, to path: String) throws {
        guard let handle = fopen(path, "wb") else { throw ProcessorError(.internal, "cannot write \(path)") }
        defer { fclose(handle) }
        _ = Array(text.utf8).withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
    }
}
