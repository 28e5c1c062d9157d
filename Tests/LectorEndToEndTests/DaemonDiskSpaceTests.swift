import Foundation
import LectorTestSupport
import Testing

/// Mounting a small tmpfs as the outbox needs root; CI and `make test` on this project's
/// machines run as root.
private let canMount = geteuid() == 0

@Suite("lector run: a full disk", .serialized, .enabled(if: canMount, "needs root to mount a small tmpfs"))
struct DaemonDiskSpaceTests {
    /// Mounts a tmpfs of `size` on the harness's outbox.
    private func mountOutbox(_ harness: DaemonHarness, size: String) throws {
        try mountTemporaryFileSystem(at: harness.outbox, size: size)
    }

    /// Mounts a tmpfs of `size` on a folder (made when missing).
    private func mountTemporaryFileSystem(at folder: String, size: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HarnessError("mount failed") }
    }

    private func unmount(_ harness: DaemonHarness) {
        harness.killAll()
        _ = harness.outbox.withCString { umount2($0, Int32(MNT_DETACH)) }
        harness.tearDown()
    }

    /// Fills the outbox's file system with a hidden file, leaving about `leave` bytes.
    private func fill(_ harness: DaemonHarness, leaving leave: Int) throws -> String {
        let path = harness.outbox + "/.filler"
        guard let handle = fopen(path, "w") else { throw HarnessError("cannot create the filler") }
        defer { fclose(handle) }
        let chunk = [UInt8](repeating: 0x41, count: 4096)
        var info = statvfs()
        while statvfs(harness.outbox, &info) == 0, Int(info.f_bavail) * Int(info.f_frsize) > leave + 4096 {
            guard fwrite(chunk, 1, chunk.count, handle) == chunk.count else { break }
            fflush(handle)
        }
        return path
    }

    @Test("while the outbox is nearly full, claiming pauses; it resumes when space returns", .timeLimit(.minutes(1)))
    func pauses() throws {
        let harness = try DaemonHarness(extra: "min_free_space: 512KB")
        defer { unmount(harness) }
        try mountOutbox(harness, size: "2m")
        let filler = try fill(harness, leaving: 200_000)
        let daemon = try harness.start()
        for index in 0..<5 { try harness.drop("doc-\(index).txt", text: "Document \(index).") }
        #expect(harness.waitFor(seconds: 10) { harness.status(of: daemon)?["state"] as? String == "paused" })
        usleep(300_000)
        #expect(harness.names(in: harness.inbox).count == 5, "nothing is claimed while paused")
        #expect(harness.failures().isEmpty)
        try FileManager.default.removeItem(atPath: filler)
        #expect(harness.waitFor(seconds: 10) { harness.outputs().count == 5 })
        #expect(harness.waitFor(seconds: 5) { harness.status(of: daemon)?["state"] as? String == "running" })
    }

    @Test(
        "ENOSPC on the output is retried, never failed, and the documents arrive once space returns",
        .timeLimit(.minutes(1))
    )
    func retriesWhenFull() throws {
        let harness = try DaemonHarness(extra: "min_free_space: 0")
        defer { unmount(harness) }
        try mountOutbox(harness, size: "1m")
        let filler = try fill(harness, leaving: 0)
        let daemon = try harness.start()
        for index in 0..<20 {
            try harness.drop("doc-\(index).txt", text: "Document \(index). " + String(repeating: "x", count: 5000))
        }
        #expect(harness.waitFor(seconds: 10) { (harness.status(of: daemon)?["retries"] as? Int ?? 0) >= 3 })
        #expect(harness.failures().isEmpty, "a full disk is not the document's fault")
        #expect(harness.outputs().isEmpty)
        // The first failed write pauses claiming: what was claimed waits in the work folder,
        // the rest in the inbox, instead of a burst being claimed into retry loops.
        #expect(harness.workLeftovers().count + harness.names(in: harness.inbox).count == 20)
        #expect(
            harness.workLeftovers().count <= 14,
            "no more claimed than the two workers took, with six queued behind each"
        )
        #expect(harness.status(of: daemon)?["state"] as? String == "paused")
        try FileManager.default.removeItem(atPath: filler)
        #expect(harness.waitFor(seconds: 20) { harness.outputs().count == 20 })
        // An output appears before its input leaves the work folder (written, then finished).
        #expect(harness.waitFor(seconds: 5) { harness.workLeftovers().isEmpty }, "\(harness.workLeftovers())")
        #expect(harness.log(of: daemon).contains("transient error; will retry"))
    }

    @Test("failed/ on another file system keeps symlinks and FIFOs as they were", .timeLimit(.minutes(1)))
    func failedAcrossFileSystems() throws {
        let harness = try DaemonHarness(pipeline: ["metadata"])
        try mountTemporaryFileSystem(at: harness.failed, size: "1m")
        defer {
            harness.killAll()
            _ = harness.failed.withCString { umount2($0, Int32(MNT_DETACH)) }
            harness.tearDown()
        }
        let daemon = try harness.start()
        #expect(symlink("/etc/hostname", harness.inbox + "/link.txt") == 0)
        #expect(mkfifo(harness.inbox + "/pipe.txt", 0o640) == 0)
        #expect(harness.waitFor(seconds: 10) { Set(harness.failures()) == ["link.txt", "pipe.txt"] })
        var info = stat()
        #expect(lstat(harness.failed + "/link.txt", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(lstat(harness.failed + "/pipe.txt", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        harness.send(SIGTERM, to: daemon)
        #expect(harness.waitForExit(daemon) == 0)
    }
}
