#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The folders the `lector` executable looks for model files in, in order:
/// 1. `$LECTOR_MODELS` (a folder), when set;
/// 2. `PREFIX/share/lector/models`, where `make install` puts them, found from the running
///    executable (`PREFIX/bin/lector`);
/// 3. `Models/` of the source tree this executable was built from, so that a development
///    build and the tests work from a checkout.
///
/// Resolved here, once per command, and passed down as a `FileModelSource`: no library reads
/// the environment or the executable's path for models.
enum ModelFolders {
    /// The folders, in order.
    ///
    /// - Returns: The folders to search.
    static func standard() -> [String] {
        var folders: [String] = []
        if let given = Environment.value("LECTOR_MODELS") { folders.append(given) }
        if let executable = executablePath() {
            folders.append(parent(parent(executable)) + "/share/lector/models")
        }
        var sourceTree = #filePath
        for _ in 0..<3 { sourceTree = parent(sourceTree) }
        folders.append(sourceTree + "/Models")
        return folders
    }

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
