import ArgumentParser
import Foundation
import LectorBuiltIn
import LectorCore
import LectorPipeline
import Logging

/// `lector eval metadata DIR`: how well the metadata processor recovers titles, dates and
/// bodies from news articles laid out the ways feeds lay them out.
///
/// DIR holds the summarization JSON Lines files (`*.jsonl` with `id`, `title` (or null) and
/// `article`). Each article is presented in five forms — bare body; title line, blank
/// line, body; an RFC 822-style header; YAML front matter; and a leading date token — with
/// a date written in one of six formats. A case is right when the processor returns
/// exactly the title (or null when none was given), the date as ISO 8601, and the body
/// unchanged.
struct MetadataEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metadata",
        abstract: "Title, date and body recovery of the metadata processor, and its throughput."
    )

    @Argument(help: "A folder of *.jsonl files with id, title and article (e.g. ../shared/data/summarization).")
    var directory: String

    @Option(help: "Use at most this many articles per file (0: all).")
    var limit = 0

    func validate() throws {
        guard FileReader.isDirectory(directory) else { throw ValidationError("\(directory): not a folder") }
    }

    func run() throws {
        let chain = try ChainBuilder(registry: .builtIn).build(processors: ["metadata"], includeText: true)
        let logger = Logger(label: "lector.eval")
        var cases: [MetadataCase] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jsonl") }
            .sorted()
        guard !files.isEmpty else { throw ValidationError("no *.jsonl files in \(directory)") }
        for file in files {
            let bytes = try FileReader.read(path: directory + "/" + file, limit: 1 << 30)
            var count = 0
            for line in bytes.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
                guard let record = try? JSONValue.parse(line), let article = record["article"]?.stringValue else {
                    continue
                }
                let title = record["title"]?.stringValue
                cases.append(
                    contentsOf: MetadataCase.forms(index: cases.count, title: title, body: article, file: file)
                )
                count += 1
                if limit > 0, count >= limit { break }
            }
        }
        guard !cases.isEmpty else { throw ValidationError("no articles (records with an `article`) in \(directory)") }
        var tally = MetadataTally()
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        for item in cases {
            let document = Document(id: "eval", text: item.input)
            let start = clock.now
            let result = chain.run(document, logger: logger)
            elapsed += clock.now - start
            tally.add(item, result.document)
        }
        let seconds = elapsed.inSeconds
        tally.print(documentsPerSecond: Double(cases.count) / seconds, cases: cases.count, files: files)
    }
}

/// One presentation of one article.
struct MetadataCase {
    let form: String
    let input: String
    let title: String?
    let date: String?
    let body: String

    /// The five forms of an article, with a date format chosen by its index.
    static func forms(index: Int, title: String?, body: String, file: String) -> [MetadataCase] {
        let day = Calendar(identifier: .gregorian).date(byAdding: .day, value: (index * 37) % 9000, to: epoch) ?? epoch
        let iso = format(day, "yyyy-MM-dd")
        let written = [
            iso, format(day, "d MMMM yyyy"), format(day, "MMMM d, yyyy"),
            format(day, "EEE, d MMM yyyy") + " 10:30:00 +0000",
            format(day, "dd.MM.yyyy"), format(day, "yyyy/MM/dd"),
        ]
        let pick = written[index % written.count]
        let isoDate = index % written.count == 3 ? iso + "T10:30:00+00:00" : iso
        var cases = [MetadataCase(form: "bare", input: body, title: nil, date: nil, body: body)]
        if let title {
            cases.append(MetadataCase(form: "title", input: title + "\n\n" + body, title: title, date: nil, body: body))
        }
        var header = title.map { "Title: \($0)\n" } ?? ""
        header += "Date: \(pick)\nSource: \(file)\n\n"
        cases.append(MetadataCase(form: "header", input: header + body, title: title, date: isoDate, body: body))
        var front = "---\n" + (title.map { "title: \"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"\n" } ?? "")
        front += "date: \(iso)\n---\n"
        cases.append(MetadataCase(form: "front_matter", input: front + body, title: title, date: iso, body: body))
        cases.append(
            MetadataCase(form: "leading_date", input: "date \(iso) " + body, title: nil, date: iso, body: body)
        )
        return cases
    }

    private static let epoch = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01

    private static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}

/// Counts of right and wrong answers, per form.
struct MetadataTally {
    private var rows: [String: (total: Int, title: Int, date: Int, body: Int, all: Int)] = [:]
    private var falseTitles = 0
    private var untitled = 0
    private var examples: [String] = []

    mutating func add(_ item: MetadataCase, _ document: Document) {
        let title = document.metadata["title"]?.stringValue
        let date = document.metadata["date"]?.stringValue
        let titleRight = title == item.title
        let dateRight = item.date == nil || date == item.date
        let bodyRight = document.text == item.body
        var row = rows[item.form] ?? (0, 0, 0, 0, 0)
        row.total += 1
        row.title += titleRight ? 1 : 0
        row.date += dateRight ? 1 : 0
        row.body += bodyRight ? 1 : 0
        row.all += titleRight && dateRight && bodyRight ? 1 : 0
        rows[item.form] = row
        if item.title == nil {
            untitled += 1
            if title != nil { falseTitles += 1 }
        }
        if !(titleRight && dateRight && bodyRight), examples.count < 5 {
            examples.append(
                "\(item.form): title \(title.map { "'\($0.prefix(60))'" } ?? "null") (want \(item.title.map { "'\($0.prefix(60))'" } ?? "null")), date \(date ?? "null") (want \(item.date ?? "-")), body \(bodyRight ? "ok" : "changed")"
            )
        }
    }

    func print(documentsPerSecond: Double, cases: Int, files: [String]) {
        Swift.print("metadata evaluation on \(files.joined(separator: ", ")): \(cases) cases")
        Swift.print("form            cases   title    date    body  all right")
        var total = (0, 0)
        for form in ["bare", "title", "header", "front_matter", "leading_date"] {
            guard let row = rows[form] else { continue }
            func pct(_ value: Int) -> String { String(format: "%6.1f%%", 100 * Double(value) / Double(row.total)) }
            Swift.print(
                form.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%7d", row.total) + " "
                    + pct(row.title) + " " + pct(row.date) + " " + pct(row.body) + "  " + pct(row.all)
            )
            total = (total.0 + row.total, total.1 + row.all)
        }
        let overall = 100 * Double(total.1) / Double(max(total.0, 1))
        let falseRate = 100 * Double(falseTitles) / Double(max(untitled, 1))
        Swift.print(
            String(
                format: "all right: %.2f%%; false titles on untitled text: %.2f%% (%d of %d)",
                overall,
                falseRate,
                falseTitles,
                untitled
            )
        )
        Swift.print(String(format: "throughput: %.0f documents/s on one core (chain time only)", documentsPerSecond))
        for example in examples { Swift.print("  wrong: \(example)") }
        let json: JSONValue = [
            "processor": "metadata", "cases": .int(cases), "all_right": .double((overall * 100).rounded() / 100),
            "false_title_rate": .double((falseRate * 100).rounded() / 100),
            "documents_per_second": .double(documentsPerSecond.rounded()),
        ]
        Swift.print(json.encodedString())
    }
}
