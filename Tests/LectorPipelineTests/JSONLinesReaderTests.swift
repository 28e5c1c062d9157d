import Foundation
import Glibc
import LectorPipeline
import LectorTestSupport
import Testing

@Suite("JSON Lines reader")
struct JSONLinesReaderTests {
    /// Every line of a file, read with a chunk size and a line limit.
    private func read(
        _ bytes: [UInt8],
        chunkSize: Int,
        lineLimit: Int,
        batch: Int = 3
    ) throws -> (lines: [JSONLinesReader.Line], largest: Int) {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("input.jsonl", bytes)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var reader = JSONLinesReader(descriptor: descriptor, lineLimit: lineLimit, chunkSize: chunkSize)
        var lines: [JSONLinesReader.Line] = []
        while case let next = try reader.next(maximum: batch), !next.isEmpty { lines += next }
        #expect(try reader.next(maximum: batch).isEmpty, "the end stays the end")
        #expect(reader.bytesRead == bytes.count)
        return (lines, reader.largestBuffer)
    }

    private func describe(_ lines: [JSONLinesReader.Line]) -> [String] {
        lines.map { line in
            line.skippedLength.map { "\(line.number): skipped \($0)" }
                ?? "\(line.number): \(String(decoding: line.bytes, as: UTF8.self))"
        }
    }

    @Test("lines, numbers, CRLF, blanks, a BOM and an over-long line come out alike for every chunk size")
    func everyChunkSize() throws {
        let long = String(repeating: "x", count: 45)
        let text = "{\"a\":1}\r\n\n  \t\n{\"b\":2}\n\(long)\n{\"c\":3}\r\n{\"d\":4}"
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let expected = ["1: {\"a\":1}", "4: {\"b\":2}", "5: skipped 45", "6: {\"c\":3}", "7: {\"d\":4}"]
        for chunkSize in [1, 2, 3, 4, 5, 7, 64, 1 << 20] {
            let (lines, _) = try read(bytes, chunkSize: chunkSize, lineLimit: 20)
            #expect(describe(lines) == expected, "chunk size \(chunkSize)")
        }
    }

    @Test("an over-long line is never held whole: the buffer stays within the limit and a chunk")
    func bounded() throws {
        let bytes = Array(("{\"a\":1}\n" + String(repeating: "y", count: 100_000) + "\n{\"b\":2}\n").utf8)
        let (lines, largest) = try read(bytes, chunkSize: 64, lineLimit: 1000)
        #expect(describe(lines) == ["1: {\"a\":1}", "2: skipped 100000", "3: {\"b\":2}"])
        #expect(largest <= 1000 + 64 + 1, "held at most \(largest) bytes")
    }

    @Test("a non-blocking pipe is waited on, not taken for the end or an error", .timeLimit(.minutes(1)))
    func nonBlockingPipe() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
        let writer = ends[1]
        Thread.detachNewThread {
            usleep(200_000)
            _ = "{\"a\":1}\n".withCString { write(writer, $0, 8) }
            close(writer)
        }
        var reader = JSONLinesReader(descriptor: ends[0], lineLimit: 100)
        let lines = try reader.next(maximum: 10)
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["{\"a\":1}"])
        #expect(try reader.next(maximum: 10).isEmpty)
    }

    @Test("the line limit follows max_bytes: six times it and one MiB, without overflowing")
    func limit() {
        #expect(JSONLinesReader.lineLimit(maximumBytes: 1000) == 6000 + 1_048_576)
        #expect(JSONLinesReader.lineLimit(maximumBytes: .max) == .max)
    }
}
