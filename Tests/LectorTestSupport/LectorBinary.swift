public import Foundation

/// Runs the built `lector` executable, as a user would, and captures what it did.
public enum LectorBinary {
    /// What a run of the binary produced.
    public struct Result: Sendable {
        /// The exit status (or 128 + signal number).
        public var status: Int32
        /// Everything written to standard output.
        public var standardOutput: [UInt8]
        /// Everything written to standard error, as text.
        public var standardError: String

        /// Standard output as text.
        public var output: String { String(decoding: standardOutput, as: UTF8.self) }
    }

    /// The path of the `lector` binary: `$LECTOR_BINARY`, else next to the test bundle in
    /// the build folder.
    public static var path: String {
        if let given = ProcessInfo.processInfo.environment["LECTOR_BINARY"], !given.isEmpty { return given }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidate = bundle
        for _ in 0..<4 {
            let binary = candidate.appendingPathComponent("lector").path
            if FileManager.default.isExecutableFile(atPath: binary) { return binary }
            candidate = candidate.deletingLastPathComponent()
        }
        return bundle.appendingPathComponent("lector").path
    }

    /// Runs `lector` with arguments and optional standard input, and waits for it.
    ///
    /// - Parameters:
    ///   - arguments: The command-line arguments.
    ///   - input: Bytes for standard input (empty: `/dev/null`).
    ///   - directory: The working directory.
    ///   - environment: Extra environment variables.
    /// - Returns: The exit status and output.
    /// - Throws: When the binary cannot be started.
    public static func run(
        _ arguments: [String],
        input: [UInt8] = [],
        directory: String? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let scratch = try TemporaryDirectory(prefix: "lector-run")
        defer { scratch.remove() }
        let inputPath = try scratch.write("stdin", input)
        let outputPath = scratch.appending("stdout")
        let errorPath = scratch.appending("stderr")
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
        process.waitUntilExit()
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        let output = (try? Data(contentsOf: URL(fileURLWithPath: outputPath))) ?? Data()
        let error = (try? Data(contentsOf: URL(fileURLWithPath: errorPath))) ?? Data()
        return Result(
            status: status,
            standardOutput: Array(output),
            standardError: String(decoding: error, as: UTF8.self)
        )
    }

    /// Starts `lector` in the background, its standard output and error appended to one log
    /// file, with systemd's variables removed.
    ///
    /// - Parameters:
    ///   - arguments: The arguments (`run --config …`).
    ///   - log: The log file (created).
    ///   - extra: Variables to add.
    /// - Returns: The process.
    /// - Throws: When it cannot be started.
    public static func launch(
        _ arguments: [String],
        log: String,
        environment extra: [String: String] = [:]
    ) throws
        -> Process
    {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LECTOR_LOG_LEVEL"] = "info"
        environment.removeValue(forKey: "NOTIFY_SOCKET")
        environment.removeValue(forKey: "JOURNAL_STREAM")
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        // One open file for both, so that neither overwrites the other.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }
}
