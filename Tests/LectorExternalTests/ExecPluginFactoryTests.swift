import Foundation
import Glibc
import LectorCore
import LectorExternal
import Logging
import Testing

@Suite("exec and library factories", .serialized)
struct ExecPluginFactoryTests {
    /// Plugins die mid-write here; like the `lector` executable, the test process ignores
    /// SIGPIPE so that such a write fails with EPIPE rather than ending the process.
    init() {
        signal(SIGPIPE, SIG_IGN)
    }

    private let fixtures: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        return url.path + "/LectorEndToEndTests/Fixtures/plugins"
    }()

    private func scalar(_ text: String, _ column: Int) -> ConfigValue {
        ConfigValue(.scalar(text, quoted: false), at: SourceLocation(line: 2, column: column))
    }

    private func options(_ pairs: [(String, ConfigValue)]) throws -> ProcessorOptions {
        let entries = pairs.enumerated().map { index, pair in
            ConfigEntry(key: pair.0, keyLocation: SourceLocation(line: 2, column: 10 * index + 1), value: pair.1)
        }
        var options = try ProcessorOptions(ConfigValue(.mapping(entries), at: SourceLocation(line: 2, column: 1)))
        options.directory = fixtures
        return options
    }

    private func list(_ items: [String]) -> ConfigValue {
        ConfigValue(.sequence(items.enumerated().map { scalar($1, $0 + 1) }), at: SourceLocation(line: 2, column: 20))
    }

    private func modeOption(_ mode: String) -> ConfigValue {
        ConfigValue(
            .mapping([ConfigEntry(key: "mode", keyLocation: .init(line: 3, column: 1), value: scalar(mode, 7))]),
            at: SourceLocation(line: 3, column: 1)
        )
    }

    @Test("an exec plugin answers documents and restarts after a crash")
    func execRoundTrip() throws {
        var given = try options([
            ("name", scalar("echo", 7)), ("command", list(["python3", "misbehave.py"])),
            ("options", modeOption("crash3")),
        ])
        let processor = try ExecPluginFactory().makeProcessor(options: &given)
        try given.finish()
        #expect(processor.stepName == "echo")
        let context = ProcessingContext(logger: Logger(label: "test"))
        var outcomes: [String] = []
        for index in 1...6 {
            do {
                let result = try processor.process(Document(id: "d\(index)", text: "abc"), context: context)
                outcomes.append(result.annotations["echo"]?["chars"] == 3 ? "ok" : "wrong")
            } catch let error as ProcessorError {
                outcomes.append(error.code.description)
            }
        }
        #expect(outcomes == ["ok", "ok", "plugin_failed", "ok", "ok", "plugin_failed"])
    }

    @Test("a plugin that exits cleanly between documents is replaced; every document succeeds")
    func cleanExitBetweenDocuments() throws {
        var given = try options([
            ("name", scalar("echo", 7)), ("command", list(["python3", "misbehave.py"])),
            ("options", modeOption("exit2")),
        ])
        let processor = try ExecPluginFactory().makeProcessor(options: &given)
        try given.finish()
        let context = ProcessingContext(logger: Logger(label: "test"))
        for index in 1...7 {
            let result = try processor.process(Document(id: "d\(index)", text: "abcd"), context: context)
            #expect(result.annotations["echo"]?["chars"] == 4, "document \(index)")
            // Give the plugin time to be gone before the next request, as well as not.
            if index % 3 == 0 { usleep(100_000) }
        }
    }

    @Test("a crash while handling a document fails it and says a new process starts for the next")
    func crashMessage() throws {
        var given = try options([
            ("name", scalar("echo", 7)), ("command", list(["python3", "misbehave.py"])),
            ("options", modeOption("crash3")),
        ])
        let processor = try ExecPluginFactory().makeProcessor(options: &given)
        let context = ProcessingContext(logger: Logger(label: "test"))
        for index in 1...2 { _ = try processor.process(Document(id: "d\(index)", text: "abc"), context: context) }
        let error = try #require(throws: ProcessorError.self) {
            try processor.process(Document(id: "d3", text: "abc"), context: context)
        }
        #expect(error.message == "plugin 'echo' exited (exit status 3); a new process starts for the next document")
    }

    @Test("a handshake timeout says the plugin was killed, and nothing about a restart")
    func handshakeTimeoutMessage() throws {
        var given = try options([
            ("name", scalar("x", 7)), ("command", list(["/bin/sleep", "30"])), ("start_timeout", scalar("200ms", 30)),
        ])
        let error = try #require(throws: ProcessorError.self) {
            try ExecPluginFactory().makeProcessor(options: &given)
        }
        #expect(error.code == .timedOut)
        #expect(error.message == "plugin 'x' did not send its handshake within 0.2s; it was killed")
    }

    @Test("a missing program, a program that does not shake hands, and bad options are errors at build time")
    func startErrors() throws {
        var missing = try options([("name", scalar("x", 7)), ("command", list(["./does-not-exist"]))])
        let notFound = try #require(throws: ProcessorError.self) {
            try ExecPluginFactory().makeProcessor(options: &missing)
        }
        #expect(notFound.message.contains("cannot start"))
        #expect(notFound.message.contains("No such file or directory"))

        var cat = try options([
            ("name", scalar("x", 7)), ("command", list(["/bin/cat"])), ("start_timeout", scalar("2s", 30)),
        ])
        let handshake = try #require(throws: ProcessorError.self) {
            try ExecPluginFactory().makeProcessor(options: &cat)
        }
        #expect(handshake.message.contains("no \"lector_plugin\" version"), "\(handshake.message)")

        var badName = try options([("name", scalar("text", 7)), ("command", list(["/bin/cat"]))])
        let reserved = try #require(throws: ProcessorError.self) {
            try ExecPluginFactory().makeProcessor(options: &badName)
        }
        #expect(reserved.location == SourceLocation(line: 2, column: 7))

        var noCommand = try options([("name", scalar("x", 7))])
        let required = try #require(throws: ProcessorError.self) {
            try ExecPluginFactory().makeProcessor(options: &noCommand)
        }
        #expect(required.message == "missing required option 'command'")
    }

    @Test("a library with the wrong ABI version is refused with a clear message")
    func wrongABI() throws {
        let directory = NSTemporaryDirectory() + "/lector-abi-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let library = directory + "/libfuture.so"
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compiler.arguments = ["cc", "-shared", "-fPIC", "-o", library, fixtures + "/wrong_abi.c"]
        try compiler.run()
        compiler.waitUntilExit()
        #expect(compiler.terminationStatus == 0)
        var given = try options([("path", scalar(library, 7))])
        let error = try #require(throws: ProcessorError.self) {
            try LibraryPluginFactory().makeProcessor(options: &given)
        }
        #expect(error.message.contains("built for plugin ABI version 99; this Lector supports version 1"))
        #expect(error.location == SourceLocation(line: 2, column: 7))

        var nothing = try options([("path", scalar(directory + "/none.so", 7))])
        let missing = try #require(throws: ProcessorError.self) {
            try LibraryPluginFactory().makeProcessor(options: &nothing)
        }
        #expect(missing.message.contains("cannot load library plugin"))
    }
}
