import Glibc
package import LectorCore
import LectorLanguage
import LectorSystem

/// Measures the `language` processor on a folder laid out like `../shared/data/langid`:
/// `KIND/CODE.txt`, one sample per line, labelled by the file name.
///
/// For each kind (`sentences`, `word-pairs`, `single-words`) it counts right answers per
/// language and reports their mean (every language weighs the same), the worst languages,
/// and throughput: samples per second of this thread's CPU time, timed around the processor
/// calls only (so the figure is per core, even on a busy machine).
package struct LanguageEvaluation: Sendable {
    /// The kinds of sample, in report order.
    package static let kinds = ["sentences", "word-pairs", "single-words"]

    /// One labelled sample.
    package struct Sample: Sendable, Equatable {
        /// The expected ISO 639-1 code.
        package var code: String
        /// The text.
        package var text: String

        /// Creates a sample.
        ///
        /// - Parameters:
        ///   - code: The expected code.
        ///   - text: The text.
        package init(code: String, text: String) {
            self.code = code
            self.text = text
        }
    }

    /// The figures for one kind of sample.
    package struct KindResult: Sendable, Equatable {
        /// The kind (`sentences`, …).
        package var kind: String
        /// Right answers and samples, per expected code.
        package var counts: [String: Counts]
        /// Samples labelled per second of processor time.
        package var samplesPerSecond: Double

        /// Right and total samples.
        package struct Counts: Sendable, Equatable {
            /// Samples labelled right.
            package var right = 0
            /// Samples.
            package var total = 0
            /// `right / total`, 0 when there are none.
            package var accuracy: Double { total == 0 ? 0 : Double(right) / Double(total) }
        }

        /// The number of samples.
        package var samples: Int { counts.values.reduce(0) { $0 + $1.total } }

        /// The mean of the per-language accuracies.
        package var meanAccuracy: Double {
            counts.isEmpty ? 0 : counts.values.reduce(0) { $0 + $1.accuracy } / Double(counts.count)
        }
    }

    /// The processor measured.
    package let processor: any Processor

    /// Creates an evaluation of a processor.
    ///
    /// - Parameter processor: A `language` processor (it must write `annotations["language"]["code"]`).
    package init(processor: any Processor) {
        self.processor = processor
    }

    /// Reads the samples of one kind.
    ///
    /// - Parameters:
    ///   - directory: The data folder.
    ///   - kind: The sub-folder.
    ///   - limit: At most this many samples per language (0: all).
    /// - Returns: The samples, by language file in name order; empty when the folder is missing.
    package static func samples(in directory: String, kind: String, limit: Int = 0) -> [Sample] {
        let folder = directory + "/" + kind
        guard let handle = opendir(folder) else { return [] }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".txt") { names.append(name) }
        }
        closedir(handle)
        var samples: [Sample] = []
        for name in names.sorted() {
            let code = String(name.dropLast(4))
            var lines = readLines(folder + "/" + name).filter { !$0.isEmpty }
            if limit > 0 { lines = Array(lines.prefix(limit)) }
            samples.append(contentsOf: lines.map { Sample(code: code, text: $0) })
        }
        return samples
    }

    /// Labels every sample and counts the right answers.
    ///
    /// - Parameters:
    ///   - samples: The samples.
    ///   - kind: Their kind, for the report.
    ///   - context: The context handed to the processor.
    /// - Returns: The figures.
    /// - Throws: What the processor throws.
    package func evaluate(_ samples: [Sample], kind: String, context: ProcessingContext) throws -> KindResult {
        var counts: [String: KindResult.Counts] = [:]
        var elapsed = 0.0
        for sample in samples {
            let document = Document(id: "eval", text: sample.text)
            let start = Self.threadSeconds()
            let labelled = try processor.process(document, context: context)
            elapsed += Self.threadSeconds() - start
            let found = labelled.annotations["language"]?["code"]?.stringValue
            counts[sample.code, default: KindResult.Counts()].total += 1
            if found == sample.code { counts[sample.code, default: KindResult.Counts()].right += 1 }
        }
        return KindResult(
            kind: kind,
            counts: counts,
            samplesPerSecond: elapsed > 0 ? Double(samples.count) / elapsed : 0
        )
    }

    /// The CPU time this thread has used, in seconds: throughput on one core, unaffected by
    /// other processes competing for the machine.
    package static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The process's resident memory in MiB (VmRSS), or 0 when unknown.
    package static func residentMegabytes() -> Double {
        for line in readLines("/proc/self/status") where line.hasPrefix("VmRSS:") {
            let digits = line.filter(\.isNumber)
            return (Double(digits) ?? 0) / 1024
        }
        return 0
    }

    private static func readLines(_ path: String) -> [String] {
        guard let bytes = try? SystemCalls.readFile(FilePath(path)) else { return [] }
        return bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self).trimmingSuffix()
        }
    }
}

extension String {
    fileprivate func trimmingSuffix() -> String {
        var text = Substring(self)
        while let last = text.last, last == "\r" || last == " " { text = text.dropLast() }
        return String(text)
    }
}
