import Glibc
import LectorSystem

/// Reads whole files and standard input for the one-shot commands, with LectorSystem.
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
        guard let descriptor = try? SystemCalls.open(FilePath(path), O_RDONLY | O_NONBLOCK) else { return false }
        defer { close(descriptor) }
        return (try? SystemCalls.status(descriptor: descriptor))?.kind == .regular
    }

    /// Whether `path` names a folder (following symbolic links).
    ///
    /// - Parameter path: A path.
    /// - Returns: Whether it opens as a folder.
    static func isDirectory(_ path: String) -> Bool {
        guard let descriptor = try? SystemCalls.open(FilePath(path), O_RDONLY | O_NONBLOCK | O_DIRECTORY) else {
            return false
        }
        close(descriptor)
        return true
    }

    /// The bytes of a regular file, refusing files larger than `limit` without reading them.
    static func read(path: String, limit: Int) throws(Failure) -> [UInt8] {
        try readWithTime(path: path, limit: limit).bytes
    }

    /// The bytes of a regular file as ``read(path:limit:)`` reads them, with its modification
    /// time (seconds since the epoch) from the descriptor it read, symlinks followed.
    static func readWithTime(path: String, limit: Int) throws(Failure) -> (bytes: [UInt8], modified: Int64) {
        do {
            let (bytes, status) = try SystemCalls.readFileAndStatus(FilePath(path), limit: limit)
            return (bytes, status.modifiedSeconds)
        } catch  where error == .fileTooLarge {
            let size = (try? SystemCalls.status(FilePath(path)))?.size
            throw Failure(
                code: "too_large",
                message:
                    "file is \(size.map(String.init) ?? "more than \(limit)") bytes, over the limit of \(limit) (max_bytes)"
            )
        } catch  where error == .isDirectory || error == .invalidArgument {
            throw Failure(code: "unreadable", message: "not a regular file")
        } catch {
            throw Failure(code: "unreadable", message: "cannot open: \(error)")
        }
    }

    /// A data file for the evaluation and training commands, as UTF-8 text (up to 1 GiB).
    ///
    /// - Parameter path: The file.
    /// - Returns: Its text; invalid UTF-8 is replaced.
    /// - Throws: ``Failure`` when it cannot be read.
    static func text(path: String) throws(Failure) -> String {
        String(decoding: try read(path: path, limit: 1 << 30), as: UTF8.self)
    }

    /// Opens a file to be read as a stream (`lector process --jsonl`): a regular file, or a
    /// pipe or device, never a folder.
    ///
    /// - Parameter path: The path; symbolic links are followed.
    /// - Returns: The descriptor (the caller closes it), and the size of a regular file.
    /// - Throws: ``Failure`` with code `unreadable`.
    static func openStream(path: String) throws(Failure) -> (descriptor: Int32, size: Int?) {
        let descriptor: Int32
        do {
            descriptor = try SystemCalls.open(FilePath(path), O_RDONLY | O_NOCTTY)
        } catch {
            throw Failure(code: "unreadable", message: "cannot open: \(error)")
        }
        guard let status = try? SystemCalls.status(descriptor: descriptor), status.kind != .directory else {
            close(descriptor)
            throw Failure(code: "unreadable", message: "not a regular file")
        }
        return (descriptor, status.kind == .regular ? status.size : nil)
    }

    /// Everything on standard input, up to `limit` bytes (more is an error).
    static func readStandardInput(limit: Int) throws(Failure) -> [UInt8] {
        try readAll(0, limit: limit)
    }

    private static func readAll(_ descriptor: Int32, limit: Int) throws(Failure) -> [UInt8] {
        let bytes: [UInt8]?
        do {
            bytes = try SystemCalls.readAll(descriptor, limit: limit)
        } catch {
            throw Failure(code: "unreadable", message: "read failed: \(error)")
        }
        guard let bytes else {
            throw Failure(code: "too_large", message: "input is over the limit of \(limit) bytes (max_bytes)")
        }
        return bytes
    }
}

/// Writes to standard error, unbuffered, from any thread.
enum StandardError {
    static func write(_ text: String) {
        OutputWriter.writeAll(2, Array(text.utf8))
    }
}
