import Glibc
public import LectorCore

/// Measures the `language` processor on a folder laid out like `../shared/data/langid`:
/// `KIND/CODE.txt`, one sample per line, labelled by the file name.
///
/// For each kind (`sentences`, `word-pairs`, `single-words`) it counts right answers per
/// language and reports their mean (every language weighs the same), the worst languages,
/// and throughput: samples per second of this thread's CPU time, timed around the processor
/// calls only (so the figure is per core, even on a busy machine).
public struct LanguageEvaluation: Sendable {
    /// The kinds of sample, in report order.
    public static let kinds = ["sentences", "word-pairs", "single-words"]

    /// One labelled sample.
    public struct Sample: Sendable, Equatable {
        /// The expected ISO 639-1 code.
        public var code: String
        /// The text.
        public var text: String

        /// Creates a sample.
        ///
        /// - Parameters:
        ///   - code: The expected code.
        ///   - text: The text.
        public init(code: String, text: String) {
            self.code = code
            self.text = text
        }
    }

    /// The figures for one kind of sample.
    public struct KindResult: Sendable, Equatable {
        /// The kind (`sentences`, …).
        public var kind: String
        /// Right answers and samples, per expected code.
        public var counts: [String: Counts]
        /// Samples labelled per second of processor time.
        public var samplesPerSecond: Double

        /// Right and total samples.
        public struct Counts: Sendable, Equatable {
            /// Samples labelled right.
            public var right = 0
            /// Samples.
            public var total = 0
            /// `right / total`, 0 when there are none.
            public var accuracy: Double { total == 0 ? 0 : Double(right) / Double(total) }
        }

        /// The number of samples.
        public var samples: Int { counts.values.reduce(0) { $0 + $1.total } }

        /// The mean of the per-language accuracies.
        public var meanAccuracy: Double {
            counts.isEmpty ? 0 : counts.values.reduce(0) { $0 + $1.accuracy } / Double(counts.count)
        }
    }

    /// The processor measured.
    public let processor: any Processor

    /// Creates an evaluation of a processor.
    ///
    /// - Parameter processor: A `language` processor (it must write `annotations["language"]["code"]`).
    public init(processor: any Processor) {
        self.processor = processor
    }

    /// Reads the samples of one kind.
    ///
    /// - Parameters:
    ///   - directory: The data folder.
    ///   - kind: The sub-folder.
    ///   - limit: At most this many samples per language (0: all).
    /// - Returns: The samples, by language file in name order; empty when the folder is missing.
    public static func samples(in directory: String, kind: String, limit: Int = 0) -> [Sample] {
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
    public func evaluate(_ samples: [Sample], kind: String, context: ProcessingContext) throws -> KindResult {
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
    public static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The process's resident memory in MiB (VmRSS), or 0 when unknown.
    public static func residentMegabytes() -> Double {
        for line in readLines("/proc/self/status") where line.hasPrefix("VmRSS:") {
            let digits = line.filter(\.isNumber)
            return (Double(digits) ?? 0) / 1024
        }
        return 0
    }

    private static func readLines(_ path: String) -> [String] {
        guard let handle = fopen(path, "rb") else { return [] }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count { break }
        }
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
