import ArgumentParser
import Foundation
import LectorCore
import LectorEvaluation
import LectorPipeline
import LectorSummary
import LectorText
import Logging

/// `lector eval summary FILE.jsonl`: ROUGE-1/2/Lsum F1 of the summary processor against
/// reference summaries, next to LEAD-N computed by the same code, and its throughput.
///
/// FILE holds one JSON object per line with `article`, optional `title`, and the reference
/// as `reference_sentences` (a list) or `reference` (a string). Summaries and references
/// are scored with their sentences on separate lines (for ROUGE-Lsum), by ``RougeScorer``.
/// LEAD-N takes the first N sentences of ``SentenceSplitter``. Throughput is measured on
/// one core, around the processor calls only.
struct SummaryEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "ROUGE-1/2/Lsum of the summary processor against references, next to LEAD-N, and its throughput."
    )

    @Argument(help: "A JSON Lines file with article, title (optional) and reference_sentences or reference.")
    var file: String

    @Option(help: "Sentences per summary (LEAD-N uses the same N).")
    var sentences = 3

    @Option(help: "The baseline to print next to the processor: lead or none.")
    var baseline = "lead"

    @Option(help: "Scoring weights to try instead of the shipped ones, e.g. 'lead=1,centrality=0.4'.")
    var weights: String?

    @Option(help: "Use at most this many articles (0: all).")
    var limit = 0

    @Option(help: "Run the processor over the articles this many times for the throughput figure.")
    var rounds = 5

    func validate() throws {
        guard (1...100).contains(sentences) else { throw ValidationError("--sentences must be 1…100") }
        guard ["lead", "none"].contains(baseline) else { throw ValidationError("--baseline must be lead or none") }
        guard rounds >= 1 else { throw ValidationError("--rounds must be 1 or more") }
    }

    func run() throws {
        let records = try loadRecords()
        guard !records.isEmpty else { throw ValidationError("no usable records in \(file)") }
        let models = ChainBuilder.standard().models
        let scoring = try weights.map { try ScoringWeights(parsing: $0) } ?? ScoringWeights.shipped(from: models).value
        let processor = SummaryProcessor(
            length: SummaryLength(.sentences(sentences)),
            weights: scoring,
            stopWords: try StopWordLists.shipped(from: models).value
        )
        let documents = records.map { record in
            Document(
                id: "eval",
                text: record.article,
                metadata: JSONObject([("title", record.title.map { JSONValue.string($0) } ?? .null)])
            )
        }
        var system = RougeTally()
        var lead = RougeTally()
        for (record, document) in zip(records, documents) {
            let picks = processor.summarize(document, memo: DocumentMemo())
            system.add(
                RougeScorer.score(candidate: picks.map(\.text).joined(separator: "\n"), reference: record.reference)
            )
            if baseline == "lead" {
                let text = ScalarText(record.article)
                let first = SentenceSplitter.split(text).prefix(sentences).map { $0.text(in: text) }
                lead.add(RougeScorer.score(candidate: first.joined(separator: "\n"), reference: record.reference))
            }
        }
        let perSecond = throughput(processor, documents)
        report(system: system, lead: baseline == "lead" ? lead : nil, articles: records.count, perSecond: perSecond)
    }

    /// Articles per second over the processor calls: by the wall clock, and by this thread's
    /// CPU time (which a machine busy with other work does not inflate).
    private func throughput(_ processor: SummaryProcessor, _ documents: [Document]) -> (wall: Double, cpu: Double) {
        let logger = Logger(label: "lector.eval")
        let clock = ContinuousClock()
        var checksum = 0
        let cpuStart = Self.threadCPUSeconds()
        let elapsed = clock.measure {
            for _ in 0..<rounds {
                for document in documents {
                    // A context per document, as the chain makes: no analysis is reused across rounds.
                    let context = ProcessingContext(logger: logger)
                    checksum &+= processor.process(document, context: context).annotations.count
                }
            }
        }
        let cpu = Self.threadCPUSeconds() - cpuStart
        let seconds = elapsed.inSeconds
        let count = Double(documents.count * rounds) + (checksum < 0 ? 1 : 0)
        return (count / max(seconds, 1e-9), count / max(cpu, 1e-9))
    }

    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private func report(system: RougeTally, lead: RougeTally?, articles: Int, perSecond: (wall: Double, cpu: Double)) {
        print("summary evaluation on \(file): \(articles) articles, \(sentences) sentence(s) per summary")
        print("system      ROUGE-1  ROUGE-2  ROUGE-Lsum   (F1 x 100, rouge-score conventions, Porter stemming)")
        print(system.row("lector"))
        if let lead { print(lead.row("lead-\(sentences)")) }
        print(
            String(
                format:
                    "throughput: %.0f articles/s on one core by CPU time, %.0f by the wall clock (processor calls only)",
                perSecond.cpu,
                perSecond.wall
            )
        )
        var json = JSONObject([
            ("processor", "summary"), ("articles", .int(articles)), ("sentences", .int(sentences)),
            ("rouge1", .double(system.mean(\.0))), ("rouge2", .double(system.mean(\.1))),
            ("rougeLsum", .double(system.mean(\.2))),
            ("articles_per_second", .double(perSecond.cpu.rounded())),
            ("articles_per_second_wall", .double(perSecond.wall.rounded())),
        ])
        if let lead {
            json["lead"] = [
                "rouge1": .double(lead.mean(\.0)), "rouge2": .double(lead.mean(\.1)),
                "rougeLsum": .double(lead.mean(\.2)),
            ]
        }
        print(JSONValue.object(json).encodedString())
    }

    private struct Record {
        var article: String
        var title: String?
        var reference: String
    }

    private func loadRecords() throws -> [Record] {
        let bytes = try FileReader.read(path: file, limit: 1 << 30)
        var records: [Record] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let value = try? JSONValue.parse(line), let article = value["article"]?.stringValue else { continue }
            let reference: String
            if let sentences = value["reference_sentences"]?.arrayValue?.compactMap(\.stringValue), !sentences.isEmpty {
                reference = sentences.joined(separator: "\n")
            } else if let text = value["reference"]?.stringValue {
                reference = text
            } else {
                continue
            }
            records.append(Record(article: article, title: value["title"]?.stringValue, reference: reference))
            if limit > 0, records.count >= limit { break }
        }
        return records
    }
}

/// Sums of ROUGE F1 over articles.
struct RougeTally {
    private var sums = (0.0, 0.0, 0.0)
    private var count = 0

    mutating func add(_ scores: RougeScorer.Scores) {
        sums.0 += scores.rouge1.f1
        sums.1 += scores.rouge2.f1
        sums.2 += scores.rougeLsum.f1
        count += 1
    }

    /// The mean F1 x 100 of one measure, rounded to two decimals.
    func mean(_ measure: KeyPath<(Double, Double, Double), Double>) -> Double {
        (sums[keyPath: measure] / Double(max(count, 1)) * 10000).rounded() / 100
    }

    func row(_ name: String) -> String {
        name.padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(format: "  %7.2f  %7.2f  %10.2f", mean(\.0), mean(\.1), mean(\.2))
    }
}
