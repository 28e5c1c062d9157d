import Foundation
import Glibc
import LectorCore
import LectorTestSupport
import Testing

@Suite("lector process --jsonl reads a stream", .serialized)
struct JSONLinesStreamTests {
    private func parseLines(_ output: [UInt8]) throws -> [JSONValue] {
        try output.split(separator: UInt8(ascii: "\n")).map { try JSONValue.parse($0) }
    }

    @Test(
        "a line over 6 x max_bytes + 1 MiB is skipped unread as too_large; records across read chunks keep their order",
        .timeLimit(.minutes(1))
    )
    func overLongLineAndChunks() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try scratch.write("config.yaml", text: "max_bytes: 1000\npipeline:\n  - metadata\n")
        // 3 MB of text on line 2: over the 1,054,576-byte line limit, and over two 1 MiB reads.
        var input = #"{"id": "first", "text": "Before."}"# + "\r\n"
        input += #"{"id": "huge", "text": ""# + String(repeating: "a", count: 3_000_000) + "\"}\n"
        input += "  \n"
        // 2,000 records of about 700 bytes: more than a read chunk, so lines are cut across reads.
        for index in 0..<2000 {
            let padding = String(repeating: "word ", count: 130)
            input += #"{"id": "r\#(index)", "text": "Record \#(index). \#(padding)"}"# + "\n"
        }
        input += #"{"id": "long text", "text": ""# + String(repeating: "b", count: 2000) + "\"}\n"
        input += #"{"id": "last", "text": "No newline after this one."}"#
        let file = try scratch.write("corpus.jsonl", Array(input.utf8))
        let result = try LectorBinary.run(
            ["process", "--jsonl", "--config", scratch.appending("config.yaml"), "--workers", "2", file]
        )
        #expect(result.status == 1, "the over-long line makes the exit status 1")
        let lines = try parseLines(result.standardOutput)
        try #require(lines.count == 2004)
        #expect(lines[0]["id"] == "first")
        #expect(lines[1]["line"] == 2)
        #expect(lines[1]["error"]?["code"] == "too_large")
        #expect(lines[1]["error"]?["message"]?.stringValue?.contains("the line is 3000026 bytes") == true)
        for index in 0..<2000 where lines[index + 2]["id"] != .string("r\(index)") {
            Issue.record("record r\(index) came out as \(lines[index + 2]["id"] ?? .null)")
            break
        }
        // A line under the line limit whose text is over max_bytes: parsed, then refused by id.
        #expect(lines[2002]["id"] == "long text")
        #expect(lines[2002]["line"] == 2004)
        #expect(lines[2002]["error"]?["code"] == "too_large")
        #expect(lines[2003]["id"] == "last")
    }

    @Test("on a pipe each record is answered before the input ends", .timeLimit(.minutes(1)))
    func answersBeforeTheEnd() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LectorBinary.path)
        process.arguments = ["process", "--jsonl", "--processors", "metadata"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        for id in ["one", "two"] {
            let record = #"{"id": "\#(id)", "text": "An article."}"# + "\n"
            try input.fileHandleForWriting.write(contentsOf: Data(record.utf8))
            let line = try Self.readLine(output.fileHandleForReading.fileDescriptor, timeout: 20)
            #expect(try JSONValue.parse(line)["id"] == .string(id), "answered while standard input is still open")
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// Reads one line from a descriptor, waiting at most `timeout` seconds in all.
    private static func readLine(_ descriptor: Int32, timeout: Double) throws -> [UInt8] {
        var line: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            var byte: UInt8 = 0
            guard read(descriptor, &byte, 1) == 1 else { break }
            if byte == 10 { return line }
            line.append(byte)
        }
        throw LineTimeout()
    }

    private struct LineTimeout: Error {}
}
