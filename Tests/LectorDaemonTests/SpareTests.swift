import Foundation
import Glibc
import LectorSystem
import LectorTestSupport
import Synchronization
import Testing

@testable import LectorDaemon

/// Finished inputs whose inodes hold later outputs (`SparePool`).
@Suite("Spares", .serialized)
struct SpareTests {
    @Test("a finished input's inode holds the next output, with a new file's mode and only the new bytes")
    func reused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let first = try finishOne(spool, directory, "a.txt", text: String(repeating: "long input text ", count: 400))
        let next = try claimAndStage(spool, directory, "b.txt")
        #expect(Self.inode("\(next.temporary)") == first, "the spare is the first input's inode")
        let output = try spool.publishOutput(next.temporary, for: FileName("b.txt"))
        let path = directory.appending("outbox/\(output.text)")
        #expect(FileManager.default.contents(atPath: path) == Data(next.bytes + [UInt8(ascii: "\n")]))
        let fresh = try SystemCalls.status(FilePath(directory.appending("outbox/a.json"))).mode & 0o7777
        #expect(try SystemCalls.status(FilePath(path)).mode & 0o7777 == fresh, "the mode a new output gets")
        #expect(!FileManager.default.fileExists(atPath: directory.appending("inbox/.lector/work/\(spool.id)/a.txt")))
    }

    @Test("a spare shorter than the output it holds is written over without a cut, and holds just the output")
    func shorterSpare() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let first = try finishOne(spool, directory, "a.txt", text: "tiny")
        #expect(spool.spares.withLock { $0.ready.map(\.size) } == [4], "the spare remembers the input's size")
        let bytes = Array(#"{"source":{"file":"b.txt"},"text":"\#(String(repeating: "x", count: 5_000))"}"#.utf8)
        try directory.write("inbox/b.txt", text: "Short.")
        #expect(try spool.claim(FileName("b.txt")) == .claimed)
        let staged = try spool.stageOutput(bytes)
        #expect(Self.inode("\(staged)") == first)
        #expect(FileManager.default.contents(atPath: "\(staged)") == Data(bytes + [UInt8(ascii: "\n")]))
    }

    @Test("spares are written over only after a batch of them is synced (commitSpares)")
    func pendingUntilCommitted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let inode = try keepOnePending(spool, directory)
        spool.commitSpares()
        let before = try spool.stageOutput(Array("{}".utf8))
        #expect(Self.inode("\(before)") != inode, "one kept is not yet a batch to sync: a new file")
        spool.commitSpares(batch: 1)
        let after = try spool.stageOutput(Array("{}".utf8))
        #expect(Self.inode("\(after)") == inode)
    }

    @Test("a syncfs of the spool's file system readies the spares kept before it, with no folder fsync")
    func readiedBySyncingFileSystem() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        let inode = try keepOnePending(spool, directory)
        try spool.syncFileSystem()
        #expect(spool.spares.withLock { $0.pending.isEmpty && $0.ready.count == 1 })
        let staged = try spool.stageOutput(Array("{}".utf8))
        #expect(Self.inode("\(staged)") == inode, "the kept input holds the next output")
    }

    @Test("inputs with another name, an open descriptor or extended attributes are deleted, not reused")
    func notReused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        // A hard link elsewhere: the other name must keep its contents.
        try directory.write("inbox/linked.txt", text: "kept elsewhere")
        try FileManager.default.linkItem(
            atPath: directory.appending("inbox/linked.txt"),
            toPath: directory.appending("elsewhere.txt")
        )
        _ = try finishOne(spool, directory, "linked.txt", text: nil)
        // Open in some process (here, this one).
        try directory.write("inbox/open.txt", text: "held open")
        let held = try #require(FileHandle(forReadingAtPath: directory.appending("inbox/open.txt")))
        defer { try? held.close() }
        _ = try finishOne(spool, directory, "open.txt", text: nil)
        // An extended attribute (as an ACL or a security label would be).
        let tagged = try directory.write("inbox/tagged.txt", text: "tagged")
        let value = Array("x".utf8)
        let tagResult = setExtendedAttribute(tagged, "user.lector-test", value, value.count, 0)
        _ = try finishOne(spool, directory, "tagged.txt", text: nil)
        spool.commitSpares(batch: 1)
        let kept = spool.spares.withLock { $0.ready.count }
        #expect(kept == (tagResult == 0 ? 0 : 1), "only a file system without user xattrs lets the tagged one through")
        #expect(try String(contentsOfFile: directory.appending("elsewhere.txt"), encoding: .utf8) == "kept elsewhere")
        #expect(spool.claimedNames().isEmpty)
    }

    @Test("an input over 64 KiB is deleted, not kept")
    func bigInput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        _ = try finishOne(spool, directory, "big.txt", text: String(repeating: "x", count: Spool.maximumSpareSize + 1))
        #expect(spool.spares.withLock { $0.count } == 0)
        _ = try finishOne(spool, directory, "small.txt", text: "small")
        #expect(spool.spares.withLock { $0.count } == 1)
    }

    @Test("at most maximumSpares inputs are kept; the next finished one is deleted")
    func bounded() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory)
        var last: UInt64 = 0
        for number in 0...Spool.maximumSpares {
            let name = "n\(number).txt"
            try directory.write("inbox/\(name)", text: "input")
            _ = try spool.claim(FileName(name))
            last = Self.inode(directory.appending("inbox/.lector/work/\(spool.id)/\(name)"))
            try spool.finish(FileName(name))
        }
        #expect(spool.spares.withLock { $0.count } == Spool.maximumSpares)
        let folder = directory.appending("inbox/.lector/spare/\(spool.id)")
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder).map { Self.inode("\(folder)/\($0)") }
        #expect(kept.count == Spool.maximumSpares)
        #expect(!kept.contains(last), "the last input was deleted, not kept")
    }

    @Test("a set-group-ID outbox: reused files must have its group, so others' inputs are deleted")
    func setGroupOutbox() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(
            atPath: directory.appending("outbox"),
            withIntermediateDirectories: true
        )
        let group: gid_t = getegid() == 4242 ? 4243 : 4242
        guard getuid() == 0, chown(directory.appending("outbox"), getuid(), group) == 0,
            chmod(directory.appending("outbox"), 0o2775) == 0
        else { return }
        let spool = try makeSpool(directory)
        #expect(spool.spareIdentity?.group == UInt32(group))
        _ = try finishOne(spool, directory, "a.txt", text: "our group, not the outbox's")
        #expect(spool.spares.withLock { $0.count } == 0)
    }

    @Test("an outbox with a default ACL: reused outputs get the mode its new files get, not the umask's")
    func defaultACL() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(
            atPath: directory.appending("outbox"),
            withIntermediateDirectories: true
        )
        // system.posix_acl_default, version 2: user::rw-, group::---, other::--- (no named
        // entry, so new files get mode 0600 and no ACL of their own).
        let acl: [UInt8] = [
            2, 0, 0, 0, 0x01, 0, 6, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x04, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x20, 0, 0, 0,
            0xFF, 0xFF, 0xFF, 0xFF,
        ]
        guard setExtendedAttribute(directory.appending("outbox"), "system.posix_acl_default", acl, acl.count, 0) == 0
        else { return }
        let spool = try makeSpool(directory)
        #expect(spool.spareIdentity?.permissions == 0o600)
        _ = try finishOne(spool, directory, "a.txt", text: "first")
        let next = try claimAndStage(spool, directory, "b.txt")
        let output = try spool.publishOutput(next.temporary, for: FileName("b.txt"))
        #expect(try SystemCalls.status(FilePath(directory.appending("outbox/\(output.text)"))).mode & 0o7777 == 0o600)
    }

    @Test("an outbox bind-mounted from elsewhere on the same file system: nothing is reused")
    func bindMountedOutbox() throws {
        guard getuid() == 0 else { return }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for folder in ["outbox", "elsewhere"] {
            try FileManager.default.createDirectory(
                atPath: directory.appending(folder),
                withIntermediateDirectories: true
            )
        }
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["--bind", directory.appending("elsewhere"), directory.appending("outbox")]
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { return }
        defer { _ = directory.appending("outbox").withCString { umount2($0, Int32(MNT_DETACH)) } }
        let spool = try makeSpool(directory)
        #expect(spool.spareIdentity == nil, "a rename into a bind mount fails with EXDEV")
        _ = try finishOne(spool, directory, "a.txt", text: "Hello.")
        #expect(FileManager.default.fileExists(atPath: directory.appending("elsewhere/a.json")))
        #expect(spool.claimedNames().isEmpty)
    }

    @Test("with an archive, inputs are archived and nothing is reused")
    func archive() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spool = try makeSpool(directory, archive: true)
        #expect(spool.spareIdentity == nil)
        _ = try finishOne(spool, directory, "a.txt", text: "Hello.")
        #expect(FileManager.default.fileExists(atPath: directory.appending("archive/a.txt")))
    }

    @Test("a clean exit removes the spares; a dead daemon's spares are removed, a live one's kept")
    func cleanUp() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let live = try makeSpool(directory)
        _ = try finishOne(live, directory, "a.txt", text: "Hello.")
        try directory.write("inbox/.lector/spare/00000000deadbeef/.lector.00000000deadbeef.1.tmp", text: "old")
        let newcomer = try makeSpool(directory)
        #expect(newcomer.removeStaleTemporaries(now: Date().timeIntervalSince1970) == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.appending("inbox/.lector/spare/00000000deadbeef")))
        #expect(live.spares.withLock { $0.count } == 1)
        #expect(FileManager.default.fileExists(atPath: directory.appending("inbox/.lector/spare/\(live.id)")))
        live.release()
        #expect(!FileManager.default.fileExists(atPath: directory.appending("inbox/.lector/spare/\(live.id)")))
    }

    /// Drops, claims and finishes `a.txt`, which the spool keeps as a spare not yet usable;
    /// returns its inode.
    private func keepOnePending(_ spool: Spool, _ directory: TemporaryDirectory) throws -> UInt64 {
        try directory.write("inbox/a.txt", text: "input")
        _ = try spool.claim(FileName("a.txt"))
        let inode = Self.inode(directory.appending("inbox/.lector/work/\(spool.id)/a.txt"))
        try spool.finish(FileName("a.txt"))
        #expect(spool.spares.withLock { $0.pending.count } == 1)
        return inode
    }

    /// Drops, claims, writes the output of and finishes one input; returns the input's inode.
    private func finishOne(
        _ spool: Spool,
        _ directory: TemporaryDirectory,
        _ name: String,
        text: String?
    ) throws
        -> UInt64
    {
        if let text { try directory.write("inbox/\(name)", text: text) }
        let staged = try claimAndStage(spool, directory, name)
        let inode = Self.inode(directory.appending("inbox/.lector/work/\(spool.id)/\(name)"))
        _ = try spool.publishOutput(staged.temporary, for: FileName(name))
        try SystemCalls.syncDirectory(spool.layout.outbox)
        try spool.finish(FileName(name))
        spool.commitSpares(batch: 1)
        return inode
    }

    private func claimAndStage(
        _ spool: Spool,
        _ directory: TemporaryDirectory,
        _ name: String
    ) throws -> (
        temporary: FilePath, bytes: [UInt8]
    ) {
        if !FileManager.default.fileExists(atPath: directory.appending("inbox/\(name)")) {
            try directory.write("inbox/\(name)", text: "Short.")
        }
        #expect(try spool.claim(FileName(name)) == .claimed)
        let bytes = Array(#"{"source":{"file":"\#(name)"}}"#.utf8)
        return (try spool.stageOutput(bytes), bytes)
    }

    private static func inode(_ path: String) -> UInt64 {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }
}

/// `setxattr(2)`, which Swift's Glibc module does not declare.
@_silgen_name("setxattr")
private func setExtendedAttribute(
    _ path: UnsafePointer<CChar>,
    _ name: UnsafePointer<CChar>,
    _ value: UnsafeRawPointer,
    _ size: Int,
    _ flags: Int32
) -> Int32
