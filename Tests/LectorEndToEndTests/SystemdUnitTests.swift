import Foundation
import LectorTestSupport
import Testing

@Suite("systemd unit")
struct SystemdUnitTests {
    /// The unit with its binary path pointing at the built `lector`, as `make install` does.
    private func installedUnit(in directory: TemporaryDirectory) throws -> String {
        let unit = try String(contentsOfFile: Repository.path("systemd/lector.service"), encoding: .utf8)
        return try directory.write(
            "lector.service",
            text: unit.replacingOccurrences(of: "/usr/local/bin/lector", with: LectorBinary.path)
        )
    }

    private func systemdAnalyze(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Repository.runTool(["systemd-analyze"] + arguments)
    }

    @Test("systemd-analyze verify prints nothing", .timeLimit(.minutes(1)))
    func verify() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let unit = try installedUnit(in: directory)
        let result = try systemdAnalyze(["verify", unit])
        #expect(result.status == 0)
        #expect(result.output.isEmpty, "\(result.output)")
    }

    @Test("systemd-analyze security scores 2.0 or less", .timeLimit(.minutes(1)))
    func security() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let unit = try installedUnit(in: directory)
        let result = try systemdAnalyze(["security", "--offline=true", "--threshold=20", unit])
        #expect(result.status == 0, "\(result.output)")
        let line = result.output.split(separator: "\n").first { $0.contains("Overall exposure level") }
        let score = line.flatMap { $0.split(separator: " ").compactMap { Double($0) }.first }
        #expect(score != nil && (score ?? 10) <= 2.0, "\(line ?? "no score")")
    }

    @Test("with the NATS drop-in the unit still verifies, and only the network opens", .timeLimit(.minutes(1)))
    func natsDropIn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let unit = try String(contentsOfFile: try installedUnit(in: directory), encoding: .utf8)
        let dropIn = try String(contentsOfFile: Repository.path("systemd/nats.conf"), encoding: .utf8)
        // A drop-in's [Service] lines apply after the unit's: appended, they read the same.
        let body = dropIn.split(separator: "\n").filter { !$0.hasPrefix("#") && $0 != "[Service]" }
        let merged = unit.replacingOccurrences(of: "[Install]", with: body.joined(separator: "\n") + "\n\n[Install]")
        let path = try directory.write("lector.service", text: merged)
        let verify = try systemdAnalyze(["verify", path])
        #expect(verify.status == 0 && verify.output.isEmpty, "\(verify.output)")
        let security = try systemdAnalyze(["security", "--offline=true", "--threshold=40", path])
        let line = security.output.split(separator: "\n").first { $0.contains("Overall exposure level") }
        let score = line.flatMap { $0.split(separator: " ").compactMap { Double($0) }.first }
        #expect(score != nil && (score ?? 10) <= 2.0, "\(line ?? "no score")")
    }

    @Test("the unit carries what the daemon relies on", .timeLimit(.minutes(1)))
    func contents() throws {
        let unit = try String(contentsOfFile: Repository.path("systemd/lector.service"), encoding: .utf8)
        for line in [
            "Type=notify", "ExecStartPre=/usr/local/bin/lector check", "ExecReload=/bin/kill -HUP $MAINPID",
            "RestartPreventExitStatus=78", "User=lector", "StateDirectory=lector", "WatchdogSec=",
        ] {
            #expect(unit.contains(line), "missing \(line)")
        }
        let tmpfiles = try String(contentsOfFile: Repository.path("systemd/lector.tmpfiles"), encoding: .utf8)
        #expect(tmpfiles.contains("d /var/lib/lector/inbox    2770 lector lector"))
    }

    @Test("make install honours DESTDIR and PREFIX", .timeLimit(.minutes(5)))
    func install() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try Repository.runTool([
            "make", "-C", Repository.root, "--no-print-directory", "install-files",
            "DESTDIR=\(directory.appending("root"))", "PREFIX=/opt/lector", "BUILT=\(LectorBinary.path)",
        ])
        #expect(result.status == 0, "\(result.output)")
        let root = directory.appending("root")
        for path in [
            "/opt/lector/bin/lector", "/lib/systemd/system/lector.service", "/usr/lib/sysusers.d/lector.conf",
            "/usr/lib/tmpfiles.d/lector.conf", "/etc/lector/config.yaml", "/opt/lector/share/lector/models/README.md",
        ] {
            #expect(FileManager.default.fileExists(atPath: root + path), "missing \(path)")
        }
        let unit = try String(contentsOfFile: root + "/lib/systemd/system/lector.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/opt/lector/bin/lector run --config /etc/lector/config.yaml"))
    }
}
