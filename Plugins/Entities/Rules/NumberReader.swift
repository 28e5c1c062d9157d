/// Reads the value of a number as written in news text.
///
/// Grouping separators may be Western (`1,234,567`), Indian (`1,50,000`, `12,34,56,789`)
/// or continental (`1.234.567`, `1.234,5`). A lone separator is a decimal point unless the
/// groups after it are three digits long and the language writes `.` as a thousands
/// separator (or the separator is `,` in English).
enum NumberReader {
    /// The value of a number token.
    ///
    /// - Parameters:
    ///   - scalars: The number's scalars: digits with `.` and `,` between them.
    ///   - decimalComma: Whether the language writes decimals with a comma (`es`, `de`, `fr`).
    /// - Returns: The value, or `nil` when the text is not a number.
    static func value(_ scalars: ArraySlice<Unicode.Scalar>, decimalComma: Bool) -> Double? {
        var groups: [[UInt8]] = [[]]
        var separators: [Unicode.Scalar] = []
        for scalar in scalars {
            if let digit = scalar.properties.numericType == .decimal ? scalar.properties.numericValue : nil {
                groups[groups.count - 1].append(UInt8(digit))
            } else if scalar == "," || scalar == "." {
                separators.append(scalar)
                groups.append([])
            } else {
                return nil
            }
        }
        guard groups.allSatisfy({ !$0.isEmpty }) else { return nil }
        var decimalIndex: Int?
        if let last = separators.last {
            let mixed = Set(separators).count > 1
            let tail = groups[groups.count - 1].count
            if mixed {
                decimalIndex = separators.count - 1
            } else if separators.count == 1 {
                let isGrouping = tail == 3 && ((last == ",") != decimalComma)
                decimalIndex = isGrouping ? nil : 0
            } else {
                decimalIndex = nil
            }
            let integerGroups = groups[0..<(decimalIndex.map { $0 + 1 } ?? groups.count)]
            if integerGroups.count > 1, !isValidGrouping(Array(integerGroups)) { return nil }
        }
        var value = 0.0
        for (index, group) in groups.enumerated() {
            if let decimalIndex, index > decimalIndex {
                var scale = 0.1
                for digit in group {
                    value += Double(digit) * scale
                    scale /= 10
                }
            } else {
                for digit in group { value = value * 10 + Double(digit) }
            }
        }
        return value
    }

    /// Whether groups after the first are Western (all three digits) or Indian (the last
    /// three digits, the others two).
    private static func isValidGrouping(_ groups: [[UInt8]]) -> Bool {
        guard (1...3).contains(groups[0].count), groups.last?.count == 3 else { return false }
        let middle = groups.dropFirst().dropLast()
        return middle.allSatisfy { $0.count == 3 } || middle.allSatisfy { $0.count == 2 }
    }

    /// The multiplier a scale word stands for (`million`, `bn`, `lakh`, `crore`, `millones`).
    static let scales: [String: Double] = [
        "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
        "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
        "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7,
        "mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "billón": 1e12, "billones": 1e12,
    ]
}
