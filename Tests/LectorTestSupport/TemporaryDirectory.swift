import Foundation
import Glibc

/// A fresh directory under the system's temporary folder, removed by ``remove()``.
///
/// ```swift
/// let directory = try TemporaryDirectory()
/// defer { directory.remove() }
/// ```
public struct TemporaryDirectory: Sendable {
    /// The directory's absolute path.
    public let path: String

    /// Creates a new, empty directory.
    ///
    /// - Parameters:
    ///   - prefix: A prefix for its name.
    ///   - parent: The folder to make it in (default: the system's temporary folder).
    /// - Throws: When the directory cannot be created.
    public init(prefix: String = "lector-test", in parent: String? = nil) throws {
        var template = Array(((parent ?? NSTemporaryDirectory()) + "/\(prefix)-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard let created = made else {
            throw CocoaError(.fileWriteUnknown)
        }
        path = String(cString: created)
    }

    /// The path of `name` inside the directory.
    ///
    /// - Parameter name: A relative path.
    /// - Returns: The absolute path.
    public func appending(_ name: String) -> String {
        path + "/" + name
    }

    /// Writes a file inside the directory, creating intermediate folders.
    ///
    /// The descriptor is opened with `O_CLOEXEC`: a process another test starts meanwhile
    /// must not inherit it, or the file would look open for writing to the spool's lease
    /// check (a claim answers `busy`) for as long as that process runs.
    ///
    /// - Parameters:
    ///   - name: A relative path.
    ///   - contents: The bytes.
    /// - Returns: The file's absolute path.
    /// - Throws: When the file cannot be written.
    @discardableResult
    public func write(_ name: String, _ contents: [UInt8]) throws -> String {
        let target = appending(name)
        let folder = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var written = 0
        while written < contents.count {
            let count = contents[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw POSIXError(count < 0 ? POSIXErrorCode(rawValue: errno) ?? .EIO : .EIO) }
            written += count
        }
        return target
    }

    /// Writes a UTF-8 text file inside the directory.
    ///
    /// - Parameters:
    ///   - name: A relative path.
    ///   - text: The text.
    /// - Returns: The file's absolute path.
    /// - Throws: When the file cannot be written.
    @discardableResult
    public func write(_ name: String, text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    /// Deletes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
