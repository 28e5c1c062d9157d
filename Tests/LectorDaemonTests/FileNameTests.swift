import LectorSystem
import Testing

@testable import LectorDaemon

@Suite("FileName")
struct FileNameTests {
    @Test(
        "names Lector never treats as documents",
        arguments: [
            (".hidden", true), ("draft.tmp", true), ("upload.part", true), ("notes.txt~", true), (".x.swp", true),
            ("article.txt", false), ("a", false), ("tmp.txt", false), ("report.partial", false),
        ]
    )
    func ignored(name: String, expected: Bool) {
        #expect(FileName(name).isIgnored == expected)
    }

    @Test("descriptions escape control characters; bytes stay as they are")
    func description() {
        let name = FileName(bytes: Array("a\nb".utf8) + [0xFF])
        #expect(name.description == "a\\nb\u{FFFD}")
        #expect(name.bytes == [0x61, 0x0A, 0x62, 0xFF])
    }

    @Test("temp names carry their daemon's id")
    func temporaryOwner() {
        #expect(Spool.temporaryOwner(FileName(".lector.0123456789abcdef.a.json.tmp")) == "0123456789abcdef")
        #expect(Spool.temporaryOwner(FileName(".lector.0123456789abcdeX.a.json.tmp")) == nil)
        #expect(Spool.temporaryOwner(FileName("a.json")) == nil)
    }
}

@Suite("Scheduling helpers")
struct SchedulingTests {
    @Test("retry delays double from 100 ms and stop at 30 s")
    func retryPolicy() {
        let policy = RetryPolicy()
        #expect((1...4).map { policy.delay(afterAttempt: $0) } == [0.1, 0.2, 0.4, 0.8])
        #expect(policy.delay(afterAttempt: 20) == 30)
        #expect(policy.delay(afterAttempt: 1000) == 30)
    }

    @Test("the name queue is first-in first-out without duplicates")
    func nameQueue() {
        var queue = NameQueue()
        let added = [queue.append(FileName("a")), queue.append(FileName("b")), queue.append(FileName("a"))]
        #expect(added == [true, true, false])
        let first = queue.popFirst()
        #expect(first == FileName("a"))
        let again = queue.append(FileName("a"))
        #expect(again)
        #expect(queue.count == 2)
        let remaining = queue.removeAll()
        #expect(remaining == [FileName("b"), FileName("a")])
        #expect(queue.isEmpty)
    }

    @Test("latency percentiles use nearest rank over the window")
    func latencyWindow() {
        var window = LatencyWindow(capacity: 100)
        #expect(window.quantile(0.5) == nil)
        for value in 1...100 { window.record(Double(value)) }
        #expect(window.quantile(0.5) == 50)
        #expect(window.quantile(0.99) == 99)
        for _ in 1...100 { window.record(1) }
        #expect(window.quantile(0.99) == 1, "old samples leave the window")
        #expect(window.total == 200)
    }

    @Test("inotify records parse into events, names kept as bytes")
    func inotifyParsing() {
        func record(mask: UInt32, name: [UInt8]) -> [UInt8] {
            let padded = name.isEmpty ? [] : name + [UInt8](repeating: 0, count: 16 - name.count % 16)
            var bytes: [UInt8] = []
            for value in [UInt32(1), mask, 0, UInt32(padded.count)] {
                withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
            }
            return bytes + padded
        }
        let bytes =
            record(mask: 0x8, name: Array("a.txt".utf8)) + record(mask: 0x80, name: [0x62, 0xFF])
            + record(mask: 0x4000, name: []) + record(mask: 0x8 | 0x4000_0000, name: Array("dir".utf8))
            + record(mask: 0x400, name: [])
        #expect(
            InboxWatcher.parse(bytes[...]) == [
                .file(FileName("a.txt")), .file(FileName(bytes: [0x62, 0xFF])), .overflow, .inboxGone,
            ]
        )
    }
}
