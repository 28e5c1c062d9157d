import ArgumentParser
import LectorCore
import LectorEvaluation
import LectorLanguage
import LectorPipeline
import Logging

/// `lector eval language DIR`: accuracy of the language processor per kind of sample
/// (mean of per-language accuracy), per language, the worst ten, throughput on one core,
/// model load time and resident memory. The figures are computed by
/// ``LanguageEvaluation``; this command only reads options and prints.
struct LanguageEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Accuracy per kind and language, throughput and load time of the language processor."
    )

    @Argument(
        help: "A folder with sentences/, word-pairs/ and single-words/ of CODE.txt files (e.g. ../shared/data/langid)."
    )
    var directory: String

    @Option(help: "Use at most this many samples per language and kind (0: all).")
    var limit = 0

    @Option(
        name: .customLong("tune-priors"),
        help:
            "Instead of evaluating, tune per-language score offsets on the even-numbered samples, report the odd-numbered ones before and after, and write the offsets to this file (Models/language/priors.txt)."
    )
    var tunePriors: String?

    @Option(
        help:
            "Also time the processor on the `article` texts of this JSON Lines file (e.g. ../shared/data/summarization/bbc_news_summary.dev.jsonl)."
    )
    var articles: String?

    func run() throws {
        if let tunePriors { return try tune(to: tunePriors) }
        let clock = ContinuousClock()
        let start = clock.now
        let processor = try LanguageProcessor(models: ChainBuilder.standard().models)
        let loaded = clock.now - start
        let loadSeconds = loaded.inSeconds
        let evaluation = LanguageEvaluation(processor: processor)
        let context = ProcessingContext(logger: Logger(label: "lector.eval"))
        var results: [LanguageEvaluation.KindResult] = []
        for kind in LanguageEvaluation.kinds {
            let samples = LanguageEvaluation.samples(in: directory, kind: kind, limit: limit)
            guard !samples.isEmpty else { continue }
            results.append(try evaluation.evaluate(samples, kind: kind, context: context))
        }
        guard !results.isEmpty else {
            throw ValidationError("no samples under \(directory)/{sentences,word-pairs,single-words}")
        }
        if let articles {
            let texts = try FileReader.read(path: articles, limit: 1 << 30).split(separator: UInt8(ascii: "\n"))
                .compactMap { try? JSONValue.parse($0)["article"]?.stringValue }
            let samples = texts.map { LanguageEvaluation.Sample(code: "en", text: $0) }
            let bytes = texts.reduce(0) { $0 + $1.utf8.count } / max(texts.count, 1)
            let result = try evaluation.evaluate(samples, kind: "articles", context: context)
            print(
                "articles: \(texts.count) (mean \(bytes) bytes), \(Int(result.samplesPerSecond)) per second on one core "
                    + "(\(LanguageEvaluation.fixed(1000 / max(result.samplesPerSecond, 1), 3)) ms each), "
                    + "\(LanguageEvaluation.fixed(100 * result.meanAccuracy, 2))% labelled en"
            )
        }
        let lines = LanguageEvaluation.report(
            results,
            loadSeconds: loadSeconds,
            residentMegabytes: LanguageEvaluation.residentMegabytes()
        )
        for line in lines { print(line) }
    }

    private func tune(to path: String) throws {
        let models = ChainBuilder.standard().models
        var tuner = try PriorTuner(models: models)
        var heldOut: [[LanguageEvaluation.Sample]] = []
        for (kind, name) in LanguageEvaluation.kinds.enumerated() {
            let samples = LanguageEvaluation.samples(in: directory, kind: name, limit: limit)
            tuner.add(samples.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), kind: kind)
            heldOut.append(samples.enumerated().filter { $0.offset % 2 == 1 }.map(\.element))
        }
        let priors = tuner.tune()
        var text = "# Per-language score offsets tuned by `lector eval language --tune-priors` on DEV.\n"
        for code in priors.keys.sorted() { text += "\(code) \(priors[code] ?? 0)\n" }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        try OutputWriter.writeFile(directory: folder.isEmpty ? "/" : folder, name: name, bytes: Array(text.utf8))
        let context = ProcessingContext(logger: Logger(label: "lector.eval"))
        let before = LanguageEvaluation(processor: try LanguageProcessor(priors: [:], models: models))
        let after = LanguageEvaluation(processor: try LanguageProcessor(priors: priors, models: models))
        for (kind, samples) in zip(LanguageEvaluation.kinds, heldOut) where !samples.isEmpty {
            let old = try before.evaluate(samples, kind: kind, context: context).meanAccuracy
            let new = try after.evaluate(samples, kind: kind, context: context).meanAccuracy
            print("\(kind) (odd-numbered samples): \(old) -> \(new)")
        }
        print("wrote \(priors.count) offsets to \(path)")
    }
}
