import Foundation

/// Paths inside the repository, found from this file's location.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// Validates JSON files against schema/lector-document.schema.json with Python's jsonschema.
    /// Returns the validator's output and whether every document was valid.
    static func validateAgainstSchema(_ files: [String]) throws -> (valid: Bool, report: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "python3", path("Tests/LectorEndToEndTests/validate_schema.py"),
                path("schema/lector-document.schema.json"),
            ]
            + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus == 0, String(decoding: output, as: UTF8.self))
    }
}
