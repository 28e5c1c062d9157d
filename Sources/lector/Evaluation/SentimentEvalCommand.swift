import ArgumentParser
import Foundation
import LectorCore
import LectorEvaluation
import LectorPipeline
import LectorSentiment
import LectorSystem
import LectorText
import Logging

/// `lector eval sentiment PATH`: how well the sentiment processor agrees with human ratings.
///
/// PATH is a JSON Lines file or a folder of `*.jsonl` files laid out like
/// `../shared/data/sentiment` (`id`, `set`, `text`, `score_norm` or null, `label`). Per
/// set it prints Pearson r between our score and the human score (sets that have one),
/// 3-class accuracy and macro-F1 against the gold label, and texts per second on one core
/// (time measured around the processor calls only), then one JSON line with the same. A
/// record with a `target` (SemEval headlines: the company its score is about) is scored
/// as the processor scores that entity, unless `--ignore-target` is given; one with
/// `target_start`/`target_end` (NewsMTSC) as a caller's target span (`sentiment.targets`).
/// Beside each set it prints a VADER-style baseline on the same records: the same
/// language's lexicon summed with no rules (`SentimentScorer.lexiconBaseline`).
struct SentimentEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Pearson r, 3-class accuracy and macro-F1 of the sentiment processor, and its throughput."
    )

    @Argument(help: "A *.jsonl file or a folder of them (e.g. ../shared/data/sentiment).")
    var path: String

    @Option(help: "Scores within ±band are neutral.")
    var neutralBand = 0.1

    @Option(help: "Which records: all, or the learned layer's train or holdout part (a fifth, by id).")
    var part = "all"

    @Flag(help: "Score with the lexicon and rules only, without the learned layer.")
    var rulesOnly = false

    @Flag(help: "Score records that name a target (SemEval headlines) as documents, not towards the target.")
    var ignoreTarget = false

    @Option(
        help:
            "Also write each record's rule features, text and predicted score as JSON Lines here (for Tools/sentiment/train.py and error analysis)."
    )
    var dumpFeatures: String?

    @Option(
        help:
            "Also write the target layer's features of each record with a target span as JSON Lines here (for Tools/sentiment/train_targets.py)."
    )
    var dumpTargetFeatures: String?

    func validate() throws {
        guard FileReader.isRegularFile(path) || FileReader.isDirectory(path) else {
            throw ValidationError("\(path): no such file or folder")
        }
        guard !(rulesOnly && dumpTargetFeatures != nil) else {
            throw ValidationError("--dump-target-features needs the learned layer (its scores are features)")
        }
        guard ["all", "train", "holdout"].contains(part) else { throw ValidationError("--part: all, train or holdout") }
        guard (0...1).contains(neutralBand) else { throw ValidationError("--neutral-band must be in 0…1") }
    }

    func run() throws {
        let models = ChainBuilder.standard().models
        var scorer = try SentimentModel.load(from: models, learned: !rulesOnly).value
        scorer.collectsWords = dumpFeatures != nil
        let options = SentimentOptions(perEntity: !ignoreTarget, sentences: true, neutralBand: neutralBand)
        var others: [String: SentimentScorer] = [:]
        for language in SentimentModel.otherLanguages where models.contains("sentiment/\(language).tsv") {
            others[language] = try SentimentModel.load(language: language, from: models).value
        }
        let all = SentimentProcessor(options: options, scorer: scorer, otherScorers: others)
        let logger = Logger(label: "lector.eval")
        var dump: [String] = []
        var targetDump: [String] = []
        var evaluations: [SentimentEvaluation] = []
        var baselines: [SentimentEvaluation] = []
        // VADER's labels: at or beyond ±0.05, as the processor's own labels at their band.
        let baselineOptions = SentimentOptions(neutralBand: Double(SentimentScorer.baselineBand))
        let clock = ContinuousClock()
        for (file, language, fallback) in try Self.files(at: path) {
            let bytes = try FileReader.read(path: file, limit: 1 << 30)
            guard let processor = all.only(language) else {
                throw ValidationError("\(file): no sentiment lexicon for '\(language)'")
            }
            for line in bytes.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
                guard var record = SentimentRecord(line: line, fallbackSet: fallback) else { continue }
                if language != "en" { record.set = fallback }
                if part != "all", record.isHeldOut != (part == "holdout") { continue }
                var document = Document(id: record.id, text: record.text)
                if !ignoreTarget, let span = record.targetSpan {
                    document.targets = [Document.Target(span)]
                } else if !ignoreTarget, let target = record.targetEntities() {
                    document.annotations["entities"] = target
                }
                let start = clock.now
                let result = processor.process(document, context: ProcessingContext(logger: logger))
                let seconds = (clock.now - start).inSeconds
                // A record rated towards a target is scored as the processor scores that entity.
                let annotation =
                    result.annotations["sentiment"]?["targets"]?.arrayValue?.first
                    ?? result.annotations["sentiment"]?["entities"]?.arrayValue?.first
                    ?? result.annotations["sentiment"]
                let index =
                    evaluations.firstIndex { $0.name == record.set }
                    ?? {
                        evaluations.append(SentimentEvaluation(name: record.set))
                        baselines.append(SentimentEvaluation(name: record.set))
                        return evaluations.count - 1
                    }()
                let predicted = annotation?["score"]?.doubleValue ?? 0
                evaluations[index].add(
                    score: predicted,
                    label: annotation?["label"]?.stringValue ?? "neutral",
                    goldScore: record.score,
                    goldLabel: record.label,
                    seconds: seconds
                )
                let baseline = Double(processor.scorer.lexiconBaseline(ScalarText(record.text)))
                baselines[index].add(
                    score: baseline,
                    label: baselineOptions.label(for: baseline),
                    goldScore: record.score,
                    goldLabel: record.label,
                    seconds: 0
                )
                // The English layers train on English records only.
                if dumpFeatures != nil, language == "en" {
                    dump.append(
                        Self.featureLine(record, document: document, predicted: predicted, processor: all)
                    )
                }
                if dumpTargetFeatures != nil, language == "en",
                    let line = Self.targetFeatureLine(record, scorer: scorer)
                {
                    targetDump.append(line)
                }
            }
        }
        guard !evaluations.isEmpty else { throw ValidationError("no sentiment records in \(path)") }
        for (path, lines) in [(dumpFeatures, dump), (dumpTargetFeatures, targetDump)] {
            guard let path else { continue }
            try SystemCalls.writeAtomically(Array((lines.joined(separator: "\n") + "\n").utf8), to: FilePath(path))
        }
        SentimentReport(
            evaluations: evaluations,
            baselines: baselines,
            part: part,
            rulesOnly: rulesOnly,
            band: neutralBand,
            towardsTarget: !ignoreTarget
        ).print()
    }

    /// The files to read: PATH itself, or its `*.jsonl` files (English) and each
    /// `LANG/SET/*.jsonl` below it (a language with a lexicon: `de/xed_projected/dev.jsonl`,
    /// set `de/xed_projected`), each with its language and fallback set name.
    private static func files(at path: String) throws -> [(path: String, language: String, set: String)] {
        func setName(_ file: String) -> String {
            String((file.split(separator: "/").last ?? "").split(separator: ".").first ?? "")
        }
        if FileReader.isRegularFile(path) {
            let parts = path.split(separator: "/").map(String.init)
            // `…/ru/rusentne2023/dev.jsonl`: the language and the set come from the folders.
            if parts.count >= 3, SentimentModel.otherLanguages.contains(parts[parts.count - 3]) {
                return [(path, parts[parts.count - 3], parts[parts.count - 3] + "/" + parts[parts.count - 2])]
            }
            return [(path, "en", setName(path))]
        }
        let manager = FileManager.default
        func jsonl(_ folder: String) throws -> [String] {
            try manager.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") }.sorted()
        }
        func sets(of language: String, in folder: String) throws -> [(path: String, language: String, set: String)] {
            try manager.contentsOfDirectory(atPath: folder).sorted().filter {
                FileReader.isDirectory(folder + "/" + $0)
            }
            .flatMap { set in
                try jsonl(folder + "/" + set).map { (folder + "/" + set + "/" + $0, language, language + "/" + set) }
            }
        }
        let parts = path.split(separator: "/").map(String.init)
        var found: [(path: String, language: String, set: String)]
        if let last = parts.last, SentimentModel.otherLanguages.contains(last) {
            found = try sets(of: last, in: path)  // `…/sentiment/de`
        } else if parts.count >= 2, SentimentModel.otherLanguages.contains(parts[parts.count - 2]) {
            let language = parts[parts.count - 2]  // `…/sentiment/de/xed_projected`
            found = try jsonl(path).map { (path + "/" + $0, language, language + "/" + parts[parts.count - 1]) }
        } else {
            found = try jsonl(path).map { (path + "/" + $0, "en", setName($0)) }
            for entry in try manager.contentsOfDirectory(atPath: path).sorted() where entry.count == 2 {
                guard FileReader.isDirectory(path + "/" + entry) else { continue }
                guard SentimentModel.otherLanguages.contains(entry) else {
                    print("note: \(path)/\(entry) skipped: no sentiment lexicon for '\(entry)'")
                    continue
                }
                found += try sets(of: entry, in: path + "/" + entry)
            }
        }
        guard !found.isEmpty else { throw ValidationError("no *.jsonl files in \(path)") }
        return found
    }

    private static func targetFeatureLine(_ record: SentimentRecord, scorer: SentimentScorer) -> String? {
        guard let span = record.targetSpan,
            let features = scorer.targetFeatures(toward: span, in: ScalarText(record.text))
        else { return nil }
        var object = JSONObject()
        for (name, value) in features.sorted(by: { $0.key < $1.key }) { object[name] = .double(Double(value)) }
        let line: JSONValue = [
            "id": .string(record.id), "set": .string(record.set), "holdout": .bool(record.isHeldOut),
            "label": .string(record.label), "text": .string(record.text), "features": .object(object),
        ]
        return line.encodedString()
    }

    /// A record's features as the processor scores it: the whole text's, or for a record
    /// rated toward a named company (SemEval: the document's `entities`) the features of the
    /// clauses that mention it, less its name, as the per-entity score reads them.
    private static func featureLine(
        _ record: SentimentRecord,
        document: Document,
        predicted: Double,
        processor: SentimentProcessor
    ) -> String {
        let scorer = processor.scorer
        let sentences = scorer.analyze(ScalarText(record.text))
        let features =
            document.annotations["entities"]?.arrayValue?.first.map {
                processor.clauseFeatures(of: $0, sentences: sentences).0
            } ?? scorer.documentFeatures(sentences)
        let line: JSONValue = [
            "id": .string(record.id), "set": .string(record.set), "holdout": .bool(record.isHeldOut),
            "score": record.score.map(JSONValue.double) ?? .null, "label": .string(record.label),
            "dense": .array(features.dense.map { .double(Double($0)) }),
            "words": .array(features.words.map(JSONValue.string)),
            "word_weights": .array(features.wordWeights.map { .double(Double($0)) }),
            "word_scale": .double(Double(features.wordScale)),
            "predicted": .double(predicted), "text": .string(record.text),
        ]
        return line.encodedString()
    }
}
