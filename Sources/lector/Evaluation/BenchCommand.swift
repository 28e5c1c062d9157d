import ArgumentParser
import Dispatch
import Foundation
import LectorBuiltIn
import LectorCore
import LectorPipeline
import Logging
import Synchronization

/// `lector bench DIR`: the whole chain's speed on the DEV news articles, in process.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Articles per second of the chain on 1 and 2 workers, time per processor, load time, memory.",
        discussion: """
            Reads every *.jsonl file of DIR (records with "article" and optional "title"; \
            e.g. ../shared/data/summarization), builds the chain (the default one, or \
            --config's), and runs the articles through it for at least --seconds per worker \
            count. Drop-to-output latency through a running daemon is measured by `make bench`.
            """
    )

    @Argument(help: "A folder of *.jsonl files with article texts.")
    var directory: String

    @Option(help: "A configuration whose pipeline to run (default: the built-in default chain).")
    var config: String?

    @Option(help: "Least seconds of measurement per worker count.")
    var seconds = 5.0

    func run() throws {
        let articles = try BenchCorpus.load(directory)
        guard !articles.isEmpty else { throw ValidationError("no articles in \(directory)") }
        let clock = ContinuousClock()
        let loadStart = clock.now
        let loaded = try ChainLoader.load(
            configPath: config,
            processors: config == nil ? ProcessorRegistry.builtIn.defaultChain.joined(separator: ",") : nil
        )
        let load = clock.now - loadStart
        let chain = loaded.chain
        let logger = Logger(label: "lector.bench") { _ in SwiftLogNoOpLogHandler() }
        // One pass over the corpus warms the chain up, and its results are what the encoding
        // figure encodes.
        let results = articles.map { chain.run($0, logger: logger) }

        var rows: [(workers: Int, rate: Double, cpuRate: Double)] = []
        var stepTotals: [String: Double] = [:]
        for workers in [1, 2] {
            let totals = Mutex<[String: Double]>([:])
            let processed = Mutex(0)
            let cpuSeconds = Mutex(0.0)
            let start = clock.now
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                var local: [String: Double] = [:]
                var count = 0
                let cpuStart = Self.threadCPUSeconds()
                while clock.now - start < .seconds(seconds) {
                    let result = chain.run(articles[index % articles.count], logger: logger)
                    for step in result.steps { local[step.name, default: 0] += step.milliseconds }
                    count += 1
                    index += workers
                }
                totals.withLock { $0.merge(local, uniquingKeysWith: +) }
                processed.withLock { $0 += count }
                let used = Self.threadCPUSeconds() - cpuStart
                cpuSeconds.withLock { $0 += used }
            }
            let elapsed = clock.now - start
            let rate = Double(processed.withLock { $0 }) / elapsed.inSeconds
            let count = Double(processed.withLock { $0 })
            rows.append((workers, rate, count / max(cpuSeconds.withLock { $0 }, 1e-9)))
            if workers == 1 { stepTotals = totals.withLock { $0 } }
        }
        BenchReport(
            articles: articles,
            chain: chain.steps.map(\.name),
            loadMilliseconds: load.inMilliseconds,
            rows: rows,
            stepTotals: stepTotals,
            encoding: Self.encoding(results, includeText: chain.includeText)
        ).print()
    }
}

extension BenchCommand {
    /// How long encoding an output takes (what the daemon and `lector process` add after the
    /// chain): every result encoded as the outbox gets it, for at least a second.
    ///
    /// - Parameters:
    ///   - results: The chain's results.
    ///   - includeText: Whether outputs carry `text`.
    /// - Returns: Microseconds per output and bytes per output.
    static func encoding(_ results: [ProcessedDocument], includeText: Bool) -> BenchReport.Encoding {
        let clock = ContinuousClock()
        var outputs = 0
        var bytes = 0
        let start = clock.now
        repeat {
            for result in results {
                bytes += DocumentEncoder.json(result, includeText: includeText).encoded().count
                outputs += 1
            }
        } while clock.now - start < .seconds(1)
        let elapsed = clock.now - start
        return BenchReport.Encoding(
            microseconds: elapsed.inSeconds * 1e6 / Double(max(outputs, 1)),
            bytes: bytes / max(outputs, 1)
        )
    }

    /// CPU time this thread has used, in seconds: per-core throughput that a busy machine
    /// does not distort.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// The articles a benchmark runs on.
enum BenchCorpus {
    static func load(_ directory: String) throws -> [Document] {
        var documents: [Document] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jsonl") }
            .sorted()
        for file in files {
            let bytes = try FileReader.read(path: directory + "/" + file, limit: 1 << 30)
            for line in bytes.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
                guard let record = try? JSONValue.parse(line), let article = record["article"]?.stringValue else {
                    continue
                }
                let text = record["title"]?.stringValue.map { $0 + "\n\n" + article } ?? article
                documents.append(Document(id: record["id"]?.stringValue ?? "a\(documents.count)", text: text))
            }
        }
        return documents
    }
}

/// The figures of one benchmark run, printed as a table and a JSON line.
struct BenchReport {
    let articles: [Document]
    let chain: [String]
    let loadMilliseconds: Double
    let rows: [(workers: Int, rate: Double, cpuRate: Double)]
    let stepTotals: [String: Double]
    let encoding: Encoding

    /// What encoding the outputs costs.
    struct Encoding {
        /// Microseconds per output.
        let microseconds: Double
        /// Mean bytes per output.
        let bytes: Int
    }

    func print() {
        let bytes = articles.reduce(0) { $0 + $1.text.utf8.count } / max(articles.count, 1)
        Swift.print("chain: \(chain.joined(separator: ", ")); \(articles.count) articles, mean \(bytes) bytes")
        Swift.print(
            String(
                format: "model load: %.0f ms; peak resident memory: %.1f MB",
                loadMilliseconds,
                peakResidentMegabytes
            )
        )
        Swift.print("workers  articles/s (wall)  articles/s per core (CPU time)")
        for row in rows { Swift.print(String(format: "%7d  %18.0f  %30.0f", row.workers, row.rate, row.cpuRate)) }
        let speedup = rows.count == 2 ? rows[1].rate / rows[0].rate : 1
        Swift.print(String(format: "2 workers / 1: %.2fx", speedup))
        Swift.print(
            String(
                format: "output encoding: %.1f µs per article (%d bytes, %.0f MB/s)",
                encoding.microseconds,
                encoding.bytes,
                Double(encoding.bytes) / encoding.microseconds
            )
        )
        let total = stepTotals.values.reduce(0, +)
        Swift.print("share of chain time (1 worker):")
        var shares = JSONObject()
        for name in chain {
            let share = total > 0 ? (stepTotals[name] ?? 0) / total : 0
            shares[name] = .double((share * 1000).rounded() / 1000)
            Swift.print(String(format: "  %-12@ %5.1f%%", name as NSString, share * 100))
        }
        let json: JSONValue = [
            "chain": .array(chain.map(JSONValue.string)), "articles": .int(articles.count), "mean_bytes": .int(bytes),
            "load_ms": .double(loadMilliseconds.rounded()),
            "peak_rss_mb": .double((peakResidentMegabytes * 10).rounded() / 10),
            "articles_per_second_1": .double(rows.first?.rate.rounded() ?? 0),
            "articles_per_second_2": .double(rows.last?.rate.rounded() ?? 0),
            "articles_per_cpu_second": .double(rows.first?.cpuRate.rounded() ?? 0),
            "speedup_2": .double((speedup * 100).rounded() / 100), "share": .object(shares),
            "encode_us": .double((encoding.microseconds * 10).rounded() / 10), "output_bytes": .int(encoding.bytes),
        ]
        Swift.print(json.encodedString())
    }

    private var peakResidentMegabytes: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
