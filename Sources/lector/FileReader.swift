#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads whole files and standard input with plain system calls.
enum FileReader {
    /// Why a file could not be read.
    struct Failure: Error, CustomStringConvertible {
        /// `unreadable` or `too_large`.
        let code: String
        let message: String
        var description: String { message }
    }

    /// Whether `path` names a regular file (following symlinks).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The bytes of a regular file, refusing files larger than `limit` without reading them.
    static func read(path: String, limit: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(code: "unreadable", message: "cannot open: \(errnoText())") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw Failure(code: "unreadable", message: "cannot stat: \(errnoText())")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(code: "unreadable", message: "not a regular file")
        }
        guard Int(info.st_size) <= limit else {
            throw Failure(
                code: "too_large",
                message: "file is \(info.st_size) bytes, over the limit of \(limit) (max_bytes)"
            )
        }
        return try readAll(descriptor, limit: limit)
    }

    /// Everything on standard input, up to `limit` bytes (more is an error).
    static func readStandardInput(limit: Int) throws(Failure) -> [UInt8] {
        try readAll(0, limit: limit)
    }

    private static func readAll(_ descriptor: Int32, limit: Int) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(code: "unreadable", message: "read failed: \(errnoText())")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                throw Failure(code: "too_large", message: "input is over the limit of \(limit) bytes (max_bytes)")
            }
        }
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}

/// Writes to standard error, unbuffered, from any thread.
enum StandardError {
    static func write(_ text: String) {
        OutputWriter.writeAll(2, Array(text.utf8))
    }
}
