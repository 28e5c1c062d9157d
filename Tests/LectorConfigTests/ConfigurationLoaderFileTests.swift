import Foundation
import LectorConfig
import LectorCore
import Testing

/// ``ConfigurationLoader/load(path:purpose:)`` against real files in a temporary directory.
@Suite("ConfigurationLoader files")
struct ConfigurationLoaderFileTests {
    /// Runs `body` with a fresh temporary directory, removed afterwards.
    private func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lector-config-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory.path)
    }

    @Test("loads a file and resolves paths against its directory")
    func loadsFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/etc/config.yaml"
            try FileManager.default.createDirectory(atPath: directory + "/etc", withIntermediateDirectories: true)
            let text = "inbox: ../spool/in\noutbox: out\nfailed: /tmp/failed\npipeline: [metadata]\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))

            let configuration = try ConfigurationLoader.load(path: path, purpose: .daemon)
            #expect(configuration.file == path)
            #expect(configuration.directory == directory + "/etc")
            #expect(configuration.spool?.inbox == directory + "/spool/in")
            #expect(configuration.spool?.outbox == directory + "/etc/out")
            #expect(configuration.spool?.failed == "/tmp/failed")
            let expected = try ConfigurationLoader.parse(
                Array(text.utf8),
                file: path,
                directory: directory + "/etc",
                purpose: .daemon
            )
            #expect(configuration == expected)
        }
    }

    @Test("errors name the file as given")
    func errorsNameTheFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/config.yaml"
            try Data("workers: two\npipeline: [m]\n".utf8).write(to: URL(fileURLWithPath: path))
            let errors = try #require(throws: ConfigurationErrors.self) {
                try ConfigurationLoader.load(path: path, purpose: .process)
            }
            #expect(errors.description == "\(path):1:10: workers: expected a whole number, found 'two'")
        }
    }

    @Test("a file that does not exist gives one clear error without a location, coded file_not_found")
    func missingFile() throws {
        let errors = try #require(throws: ConfigurationErrors.self) {
            try ConfigurationLoader.load(path: "/nonexistent/lector/config.yaml", purpose: .process)
        }
        #expect(
            errors.errors == [
                ConfigurationError(
                    file: "/nonexistent/lector/config.yaml",
                    location: nil,
                    keyPath: "",
                    message: "cannot read the file: No such file or directory",
                    code: .fileNotFound
                )
            ]
        )
        #expect(errors.isFileMissing)
        #expect(
            errors.description == "/nonexistent/lector/config.yaml: cannot read the file: No such file or directory"
        )
    }

    @Test("a directory is not a configuration file")
    func directoryIsNotAFile() throws {
        try withTemporaryDirectory { directory in
            let errors = try #require(throws: ConfigurationErrors.self) {
                try ConfigurationLoader.load(path: directory, purpose: .process)
            }
            #expect(errors.description == "\(directory): cannot read the file: it is a directory")
            #expect(!errors.isFileMissing)
            #expect(errors.errors.map(\.code) == [.unreadable])
        }
    }

    @Test("an empty file")
    func emptyFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/config.yaml"
            try Data().write(to: URL(fileURLWithPath: path))
            let errors = try #require(throws: ConfigurationErrors.self) {
                try ConfigurationLoader.load(path: path, purpose: .process)
            }
            #expect(errors.description == "\(path):1:1: the file is empty")
        }
    }

    @Test("a file over 1 MiB is refused")
    func oversizedFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/config.yaml"
            try Data(repeating: UInt8(ascii: "#"), count: 1_048_577).write(to: URL(fileURLWithPath: path))
            let errors = try #require(throws: ConfigurationErrors.self) {
                try ConfigurationLoader.load(path: path, purpose: .process)
            }
            #expect(errors.description == "\(path): cannot read the file: it is larger than 1 MiB")
        }
    }
}
