import Glibc
public import LectorSystem

/// Reads JSON Lines from a descriptor a chunk at a time, so that `lector process --jsonl`
/// takes a corpus of any size in bounded memory and, on a pipe, answers each record as
/// soon as its line has arrived instead of after the end of the input.
///
/// Lines are numbered from 1; blank lines (spaces and tabs only) are counted and skipped;
/// a `\r` before the `\n` is dropped; a UTF-8 byte-order mark before the first line (as
/// Windows editors write) is skipped. A line longer than ``lineLimit`` is not kept: its
/// bytes are skipped up to the next `\n` and the line is returned with its length only,
/// so that one runaway record cannot take the machine's memory: the lines it holds never
/// pass ``lineLimit`` and one read's chunk (besides the chunk buffer itself, and the
/// capacity its buffer once reached).
public struct JSONLinesReader {
    /// One non-blank line.
    public struct Line: Sendable {
        /// Its 1-based number in the input.
        public let number: Int
        /// Its bytes, without the line end; empty when it was over the limit.
        public let bytes: [UInt8]
        /// Its length in bytes when it was over the limit (and so not kept), else `nil`.
        public let skippedLength: Int?
    }

    /// The longest line kept, in bytes.
    public let lineLimit: Int

    private let descriptor: Int32
    /// What one `read` fills, reused.
    private var chunk: [UInt8]
    private var buffer: [UInt8] = []
    /// Where the unread part of ``buffer`` starts.
    private var start = 0
    /// Where the search for the next `\n` goes on from (bytes before it hold none).
    private var searched = 0
    private var number = 1
    private var atFirstByte = true
    /// The bytes of an over-long line seen so far, while skipping it.
    private var skipping: Int?
    private var ended = false
    /// Bytes read so far.
    public private(set) var bytesRead = 0
    /// The most bytes the reader held at once (for tests of its bound).
    public private(set) var largestBuffer = 0

    /// Creates a reader; the caller keeps the descriptor open while reading and closes it.
    ///
    /// - Parameters:
    ///   - descriptor: An open descriptor, read from its current offset.
    ///   - lineLimit: The longest line kept, in bytes.
    ///   - chunkSize: How many bytes one `read` asks for.
    public init(descriptor: Int32, lineLimit: Int, chunkSize: Int = 1 << 20) {
        self.descriptor = descriptor
        self.lineLimit = max(lineLimit, 1)
        chunk = [UInt8](repeating: 0, count: max(chunkSize, 1))
    }

    /// The longest line `lector process --jsonl` keeps for a `max_bytes`: the text may be
    /// escaped (`\u0001` is 6 bytes for one) and the record holds other fields, so six times
    /// `max_bytes` and one MiB.
    ///
    /// - Parameter maximumBytes: `max_bytes`.
    /// - Returns: The limit in bytes.
    public static func lineLimit(maximumBytes: Int) -> Int {
        let (escaped, overflow) = maximumBytes.multipliedReportingOverflow(by: 6)
        return overflow || escaped > Int.max - (1 << 20) ? Int.max : escaped + (1 << 20)
    }

    /// The lines available now, at most `maximum` of them: reads only when no whole line is
    /// waiting, so a line from a pipe is returned as soon as it is complete.
    ///
    /// - Parameter maximum: The most lines to return.
    /// - Returns: The lines, in order; empty at the end of the input.
    /// - Throws: ``Errno`` when reading fails.
    public mutating func next(maximum: Int) throws(Errno) -> [Line] {
        var lines: [Line] = []
        while true {
            collect(into: &lines, maximum: max(maximum, 1))
            if !lines.isEmpty { return lines }
            if ended { return finish() }
            try fill()
        }
    }

    /// Moves the whole lines in the buffer to `lines`.
    private mutating func collect(into lines: inout [Line], maximum: Int) {
        if atFirstByte {
            guard buffer.count - start >= 3 || ended else { return }
            if buffer[start...].starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
            searched = start
            atFirstByte = false
        }
        while lines.count < maximum {
            guard let newline = Self.newline(in: buffer, from: searched) else {
                searched = buffer.count
                if skipping == nil, buffer.count - start > lineLimit { skipping = 0 }
                if let skipped = skipping {
                    // Only the length of an over-long line is kept.
                    skipping = skipped + buffer.count - start
                    buffer.removeAll(keepingCapacity: true)
                    start = 0
                    searched = 0
                }
                return
            }
            let length = (skipping ?? 0) + newline - start
            if skipping != nil || length > lineLimit {
                lines.append(Line(number: number, bytes: [], skippedLength: length))
                skipping = nil
            } else if let line = Self.trimmed(buffer[start..<newline]) {
                lines.append(Line(number: number, bytes: Array(line), skippedLength: nil))
            }
            number += 1
            start = newline + 1
            searched = start
        }
    }

    /// The last line when the input does not end with `\n`.
    private mutating func finish() -> [Line] {
        defer {
            buffer = []
            start = 0
            searched = 0
            skipping = nil
        }
        if let skipped = skipping {
            return [Line(number: number, bytes: [], skippedLength: skipped + buffer.count - start)]
        }
        guard start < buffer.count, let line = Self.trimmed(buffer[start...]) else { return [] }
        return [Line(number: number, bytes: Array(line), skippedLength: nil)]
    }

    /// Reads one chunk into the buffer, dropping what was consumed first. A descriptor
    /// opened non-blocking (a pipe from some process managers) is waited on with `poll`.
    private mutating func fill() throws(Errno) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            searched -= start
            start = 0
        }
        let descriptor = descriptor
        var count = 0
        while true {
            count = chunk.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.read(descriptor, base, raw.count)
            }
            if count >= 0 { break }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                try SystemCalls.waitUntilReady(descriptor, for: Int16(POLLIN))
            } else if errno != EINTR {
                throw Errno.current
            }
        }
        buffer.append(contentsOf: chunk[0..<count])
        largestBuffer = max(largestBuffer, buffer.count)
        bytesRead += count
        if count == 0 { ended = true }
    }

    /// The index of the first `\n` in `bytes` at or after `from`.
    private static func newline(in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            guard from < raw.count, let base = raw.baseAddress,
                let hit = memchr(base + from, Int32(UInt8(ascii: "\n")), raw.count - from)
            else { return nil }
            return UnsafeRawPointer(hit) - base
        }
    }

    /// A line without its `\r`, or `nil` when it is blank.
    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var line = line
        if line.last == 13 { line = line.dropLast() }
        return line.allSatisfy { $0 == 32 || $0 == 9 } ? nil : line
    }
}
