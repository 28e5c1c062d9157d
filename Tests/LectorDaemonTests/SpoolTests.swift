import Foundation
import LectorCore
import LectorPipeline
import LectorSystem
import LectorTestSupport
import Testing

@testable import LectorDaemon

@Suite("Spool", .serialized)
struct SpoolTests {
    @Test("claiming moves a file into the work folder; a second claim finds it gone")
    func claim() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        try directory.write("inbox/a.txt", text: "Hello.")
        try FileManager.default.createDirectory(
            atPath: directory.appending("inbox/sub"),
            withIntermediateDirectories: true
        )
        #expect(try spool.scanInbox() == [FileName("a.txt")])
        #expect(try spool.claim(FileName("a.txt")) == .claimed)
        #expect(try spool.claim(FileName("a.txt")) == .gone)
        #expect(try spool.claim(FileName("sub")) == .directory)
        #expect(spool.claimedNames() == [FileName("a.txt")])
        guard case .bytes(let bytes, _) = try spool.readClaimed(FileName("a.txt"), limit: 100) else {
            Issue.record("expected bytes")
            return
        }
        #expect(bytes == Array("Hello.".utf8))
    }

    @Test("min_age defers young files")
    func minimumAge() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        try directory.write("inbox/a.txt", text: "Hello.")
        let now = Date().timeIntervalSince1970
        guard case .tooYoung(let wait) = try spool.claim(FileName("a.txt"), minimumAge: 5, now: now) else {
            Issue.record("expected tooYoung")
            return
        }
        #expect(wait > 4 && wait <= 5)
        #expect(try spool.claim(FileName("a.txt"), minimumAge: 5, now: now + 10) == .claimed)
    }

    @Test("symlinks and oversized files are rejected when read, never followed")
    func rejected() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let secret = try directory.write("secret.txt", text: "secret")
        try FileManager.default.createSymbolicLink(
            atPath: directory.appending("inbox/link.txt"),
            withDestinationPath: secret
        )
        try directory.write("inbox/big.txt", text: String(repeating: "x", count: 200))
        #expect(try spool.claim(FileName("link.txt")) == .claimed)
        #expect(try spool.claim(FileName("big.txt")) == .claimed)
        guard case .rejected(let link) = try spool.readClaimed(FileName("link.txt"), limit: 100),
            case .rejected(let big) = try spool.readClaimed(FileName("big.txt"), limit: 100)
        else {
            Issue.record("expected rejections")
            return
        }
        #expect(link.message.contains("symbolic link"))
        #expect(big.code == "too_large")
    }

    @Test("outputs are NAME.json; a different input with the same stem gets its full name")
    func outputNames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let first = try spool.writeOutput(Array(#"{"source":{"file":"a.txt"}}"#.utf8), for: FileName("a.txt"))
        let again = try spool.writeOutput(Array(#"{"source":{"file":"a.txt"}}"#.utf8), for: FileName("a.txt"))
        let other = try spool.writeOutput(Array(#"{"source":{"file":"a.md"}}"#.utf8), for: FileName("a.md"))
        #expect(first == FileName("a.json"))
        #expect(again == FileName("a.json"), "a re-run replaces its own output")
        #expect(other == FileName("a.md.json"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.appending("outbox")).sorted() == [
                "a.json", "a.md.json",
            ]
        )
    }

    @Test("finishing deletes the input, or archives it")
    func finish() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory, archive: true)
        try directory.write("inbox/a.txt", text: "Hello.")
        _ = try spool.claim(FileName("a.txt"))
        try spool.finish(FileName("a.txt"))
        #expect(spool.claimedNames().isEmpty)
        #expect(FileManager.default.fileExists(atPath: directory.appending("archive/a.txt")))
    }

    @Test("inbox/.lector removed under the daemon: the next claim makes its work folder and lock again")
    func workFolderRemoved() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        try FileManager.default.removeItem(atPath: directory.appending("inbox/.lector"))
        #expect(!Spool.isAlive(daemon: spool.id, layout: spool.layout), "its lock went with the folder")
        try directory.write("inbox/a.txt", text: "Hello.")
        #expect(try spool.claim(FileName("a.txt")) == .claimed)
        #expect(spool.claimedNames() == [FileName("a.txt")])
        #expect(Spool.isAlive(daemon: spool.id, layout: spool.layout), "siblings see it alive again")
        #expect(try spool.claim(FileName("gone.txt")) == .gone, "a missing file is still just gone")
    }

    @Test("an outbox that is the inbox through a symbolic link is refused at start")
    func sameFolderThroughALink() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(
            atPath: directory.appending("real/outbox"),
            withIntermediateDirectories: true
        )
        try FileManager.default.createSymbolicLink(
            atPath: directory.appending("self"),
            withDestinationPath: directory.appending("real")
        )
        let layout = SpoolLayout(
            inbox: FilePath(directory.appending("self/outbox")),
            outbox: FilePath(directory.appending("real/outbox")),
            failed: FilePath(directory.appending("failed"))
        )
        let error = #expect(throws: DaemonError.self) { try Spool(layout: layout) }
        #expect("\(error.map { String(describing: $0) } ?? "")".contains("same folder on disk"))
        #expect(
            !FileManager.default.fileExists(atPath: directory.appending("real/outbox/.lector/work")),
            "a refused start leaves no work folder behind"
        )
    }

    @Test(
        "inbox/.lector on another file system is refused at start, not left to fail every claim",
        .enabled(if: Self.sharedMemoryIsAnotherFileSystem, "needs /dev/shm on another file system than /tmp")
    )
    func controlFolderElsewhere() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let elsewhere = try TemporaryDirectory(in: "/dev/shm")
        defer { elsewhere.remove() }
        try FileManager.default.createDirectory(
            atPath: directory.appending("inbox"),
            withIntermediateDirectories: true
        )
        try FileManager.default.createSymbolicLink(
            atPath: directory.appending("inbox/.lector"),
            withDestinationPath: elsewhere.path
        )
        let error = #expect(throws: DaemonError.self) { try makeSpool(directory) }
        #expect("\(error.map { String(describing: $0) } ?? "")".contains("on another file system than the inbox"))
        #expect(
            (try? FileManager.default.contentsOfDirectory(atPath: elsewhere.path)) == [],
            "a refused start leaves no work folder behind"
        )
    }

    /// Whether /dev/shm exists on another device than the temporary folder.
    static var sharedMemoryIsAnotherFileSystem: Bool {
        var here = stat()
        var there = stat()
        return stat(NSTemporaryDirectory(), &here) == 0 && stat("/dev/shm", &there) == 0 && here.st_dev != there.st_dev
    }

    @Test("failing writes the error record, then moves the input")
    func fail() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        try directory.write("inbox/a.txt", text: "Hello.")
        _ = try spool.claim(FileName("a.txt"))
        try spool.fail(FileName("a.txt"), record: ["error": ["code": "not_text", "message": "binary"]])
        let record = try JSONValue.parse(
            Array(try #require(FileManager.default.contents(atPath: directory.appending("failed/a.txt.error.json"))))
        )
        #expect(record["error"]?["code"] == "not_text")
        #expect(FileManager.default.fileExists(atPath: directory.appending("failed/a.txt")))
        #expect(spool.claimedNames().isEmpty)
    }

    @Test("a dead daemon's work is adopted; a live daemon's is left alone; stale temps are removed")
    func recovery() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let live = try makeSpool(directory)
        try directory.write("inbox/live.txt", text: "mine")
        _ = try live.claim(FileName("live.txt"))
        // A dead daemon: a work folder with a lock file nobody holds, and a temp file in the outbox.
        try directory.write("inbox/.lector/work/00000000deadbeef/.lock", [])
        try directory.write("inbox/.lector/work/00000000deadbeef/orphan.txt", text: "orphan")
        try directory.write("outbox/.lector.00000000deadbeef.orphan.json.tmp", text: "{")
        try directory.write("outbox/.lector.\(live.id).live.json.tmp", text: "{")

        let newcomer = try makeSpool(directory)
        let recovered = newcomer.adoptAbandonedWork(now: Date().timeIntervalSince1970)
        #expect(recovered.adopted == [FileName("orphan.txt")])
        #expect(recovered.stuck.isEmpty)
        #expect(recovered.folders == ["00000000deadbeef"], "one dead daemon's folder was taken over")
        #expect(newcomer.claimedNames() == [FileName("orphan.txt")])
        #expect(live.claimedNames() == [FileName("live.txt")], "a live daemon keeps its claims")
        #expect(!FileManager.default.fileExists(atPath: directory.appending("inbox/.lector/work/00000000deadbeef")))
        #expect(newcomer.removeStaleTemporaries(takenOver: recovered.folders, now: Date().timeIntervalSince1970) == 1)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.appending("outbox"))
                == [".lector.\(live.id).live.json.tmp"]
        )
        #expect(newcomer.isAlive(daemon: live.id))
        #expect(!newcomer.isAlive(daemon: "00000000deadbeef"))
    }

    @Test("a temp file of a daemon of another inbox sharing the outbox is removed only once it is old")
    func foreignTemporaries() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        // Another inbox's daemon writing into this outbox: no work folder here to ask.
        try directory.write("outbox/.lector.0123456789abcdef.7.tmp", text: "{")
        let now = Date().timeIntervalSince1970
        #expect(spool.removeStaleTemporaries(now: now) == 0, "it may be writing it right now")
        let later = now + Spool.foreignTemporaryAge + 60
        #expect(spool.removeStaleTemporaries(now: later) == 1, "an hour on, it is litter")
    }
}
