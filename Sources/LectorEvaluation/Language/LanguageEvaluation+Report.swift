import LectorCore
import LectorLanguage

extension LanguageEvaluation {
    /// The report `lector eval language` prints: per kind, the mean of per-language accuracy
    /// and throughput; a per-language table; the worst ten languages; load time and memory;
    /// and last, one JSON line with the same figures.
    ///
    /// - Parameters:
    ///   - results: The figures per kind, in order.
    ///   - loadSeconds: How long loading the model took.
    ///   - residentMegabytes: Resident memory after the run.
    /// - Returns: The lines to print.
    package static func report(_ results: [KindResult], loadSeconds: Double, residentMegabytes: Double) -> [String] {
        var lines: [String] = []
        lines.append(
            pad("kind", 14) + pad("samples", 9, right: true) + pad("accuracy", 10, right: true)
                + pad("samples/s", 11, right: true)
        )
        for result in results {
            lines.append(
                pad(result.kind, 14) + pad(String(result.samples), 9, right: true)
                    + pad(fixed(100 * result.meanAccuracy, 2) + "%", 10, right: true)
                    + pad(fixed(result.samplesPerSecond, 0), 11, right: true)
            )
        }
        let codes = Set(results.flatMap(\.counts.keys)).sorted()
        lines.append("")
        lines.append(pad("lang", 6) + results.map { pad($0.kind, 14, right: true) }.joined())
        for code in codes {
            lines.append(pad(code, 6) + results.map { pad(percent($0.counts[code]), 14, right: true) }.joined())
        }
        let worst = codes.map { code in
            (code, results.reduce(0) { $0 + ($1.counts[code]?.accuracy ?? 0) } / Double(max(results.count, 1)))
        }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(10)
        lines.append("")
        lines.append(
            "worst ten (mean over kinds): " + worst.map { "\($0.0) \(fixed(100 * $0.1, 1))%" }.joined(separator: ", ")
        )
        lines.append(
            "model load: \(fixed(loadSeconds * 1000, 0)) ms; resident memory: \(fixed(residentMegabytes, 0)) MiB"
        )
        var json = JSONObject()
        json["processor"] = "language"
        for result in results {
            json[result.kind] = .object(
                JSONObject([
                    ("samples", .int(result.samples)),
                    ("accuracy", .double(round4(result.meanAccuracy))),
                    ("samples_per_second", .double(result.samplesPerSecond.rounded())),
                ])
            )
        }
        json["worst"] = .array(worst.map { .string($0.0) })
        json["load_ms"] = .double((loadSeconds * 1000).rounded())
        json["resident_mib"] = .double(residentMegabytes.rounded())
        lines.append(JSONValue.object(json).encodedString())
        return lines
    }

    private static func percent(_ counts: KindResult.Counts?) -> String {
        guard let counts, counts.total > 0 else { return "-" }
        return fixed(100 * counts.accuracy, 1) + "%"
    }

    private static func round4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// `value` with `digits` decimals, without Foundation.
    ///
    /// - Parameters:
    ///   - value: The number.
    ///   - digits: Decimals to show.
    /// - Returns: The text, e.g. `97.65`.
    package static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        let whole = scaled / Int(scale)
        guard digits > 0 else { return sign + String(whole) }
        let fraction = String(scaled % Int(scale))
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
