/// The records of a tab-separated model file, read in place: one record a line, its fields
/// split at tabs; empty lines and lines that begin with `#` are skipped.
///
/// Splitting the whole file (`split(separator:)`, then each line again) made an array of
/// every line and one array per line: the sentiment model's 60,000 lines spent more time
/// there than in reading the numbers. Here one field list is reused for every line.
enum TabSeparatedRecords {
    /// Calls `body` with each record's line number (from 1) and fields, in file order.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes.
    ///   - body: Called once per record; the fields are valid for the call only.
    /// - Returns: The number of lines read (the last line's number).
    /// - Throws: What `body` throws; the records after it are not read.
    @discardableResult
    static func forEach<Failure: Error>(
        in bytes: [UInt8],
        _ body: (_ line: Int, _ fields: [ArraySlice<UInt8>]) throws(Failure) -> Void
    ) throws(Failure) -> Int {
        var fields: [ArraySlice<UInt8>] = []
        var number = 0
        var start = bytes.startIndex
        while start < bytes.endIndex {
            number += 1
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            defer { start = end + 1 }
            guard start < end, bytes[start] != UInt8(ascii: "#") else { continue }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = start
            while let tab = bytes[fieldStart..<end].firstIndex(of: UInt8(ascii: "\t")) {
                fields.append(bytes[fieldStart..<tab])
                fieldStart = tab + 1
            }
            fields.append(bytes[fieldStart..<end])
            try body(number, fields)
        }
        return number
    }
}
