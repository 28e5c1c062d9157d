import Testing

@testable import LectorSentiment

@Suite("Tab-separated model files, read in place")
struct TabSeparatedRecordsTests {
    /// Every record of a text, as line numbers and fields.
    static func records(_ text: String) -> (records: [(Int, [String])], lines: Int) {
        var records: [(Int, [String])] = []
        let lines = TabSeparatedRecords.forEach(in: Array(text.utf8)) { number, fields in
            records.append((number, fields.map { String(decoding: $0, as: UTF8.self) }))
        }
        return (records, lines)
    }

    @Test("fields split at tabs, empty fields kept; comments and empty lines skipped but counted")
    func fieldsAndLines() {
        let (records, lines) = Self.records("# header\nv\tgood\t1.9\n\nx\t\ta b\t\n\nlast")
        #expect(records.map(\.0) == [2, 4, 6])
        #expect(records.map(\.1) == [["v", "good", "1.9"], ["x", "", "a b", ""], ["last"]])
        #expect(lines == 6)
    }

    @Test("a final newline ends the last line; no input, no records")
    func ends() {
        #expect(Self.records("a\tb\n").records.map(\.1) == [["a", "b"]])
        #expect(Self.records("a\tb\n").lines == 1)
        #expect(Self.records("").records.isEmpty)
        #expect(Self.records("\n\n").lines == 2)
    }

    @Test("what the body throws stops the reading")
    func stops() {
        struct Stop: Error {}
        var seen: [Int] = []
        #expect(throws: Stop.self) {
            try TabSeparatedRecords.forEach(in: Array("a\nb\nc\n".utf8)) { number, _ throws(Stop) in
                seen.append(number)
                if number == 2 { throw Stop() }
            }
        }
        #expect(seen == [1, 2])
    }
}
