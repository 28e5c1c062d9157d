import Glibc

/// Finds the model files processors load: trained weights, n-gram tables, lexicons.
///
/// Models ship with Lector and load with no network. A path relative to the models folder
/// (`language/ngrams.bin`) is looked up, in order, in:
/// 1. `$LECTOR_MODELS` (a folder), when set;
/// 2. `PREFIX/share/lector/models`, where `make install` puts them, found from the running
///    executable (`PREFIX/bin/lector`);
/// 3. `Models/` of the source tree this module was built from, so a development build and
///    the tests work from a checkout.
public enum ModelStore {
    /// The folders searched, in order.
    public static var searchFolders: [String] {
        var folders: [String] = []
        if let given = getenv("LECTOR_MODELS").map({ String(cString: $0) }), !given.isEmpty {
            folders.append(given)
        }
        if let executable = executablePath() {
            let bin = parent(executable)
            folders.append(parent(bin) + "/share/lector/models")
        }
        folders.append(sourceTreeModels)
        return folders
    }

    /// The absolute path of a model file.
    ///
    /// - Parameter relativePath: The path inside the models folder, e.g. `language/ngrams.bin`.
    /// - Returns: The first existing match.
    /// - Throws: ``ProcessorError`` with code ``ProcessorError/Code/unavailable`` naming the
    ///   folders searched.
    public static func path(_ relativePath: String) throws -> String {
        for folder in searchFolders {
            let candidate = folder + "/" + relativePath
            if access(candidate, R_OK) == 0 { return candidate }
        }
        throw ProcessorError(
            .unavailable,
            "model file '\(relativePath)' not found in \(searchFolders.joined(separator: ", ")) (set LECTOR_MODELS)"
        )
    }

    /// The bytes of a model file.
    ///
    /// - Parameter relativePath: The path inside the models folder.
    /// - Returns: The file's contents.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when it is missing
    ///   or unreadable.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        let file = try path(relativePath)
        guard let handle = fopen(file, "rb") else {
            throw ProcessorError(.unavailable, "cannot open model file \(file)")
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count { break }
        }
        guard ferror(handle) == 0 else { throw ProcessorError(.unavailable, "cannot read model file \(file)") }
        return bytes
    }

    private static let sourceTreeModels: String = {
        var path = #filePath
        for _ in 0..<3 { path = parent(path) }
        return path + "/Models"
    }()

    private static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
