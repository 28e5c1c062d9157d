import Foundation

/// Paths inside the repository, found from this file's location.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// Runs a tool found on the PATH and returns its exit status and combined output.
    static func runTool(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Validates JSON files against schema/lector-document.schema.json with Python's jsonschema.
    /// Returns the validator's output and whether every document was valid.
    static func validateAgainstSchema(_ files: [String]) throws -> (valid: Bool, report: String) {
        let result = try runTool(
            [
                "python3", path("Tests/LectorEndToEndTests/validate_schema.py"),
                path("schema/lector-document.schema.json"),
            ]
                + files
        )
        return (result.status == 0, result.output)
    }
}
