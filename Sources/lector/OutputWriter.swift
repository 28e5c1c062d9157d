import Glibc
import LectorSystem

/// A buffered writer to a file descriptor (standard output by default).
///
/// Only the command's own thread writes through it; results computed by workers are handed
/// back before they are written, so output order is input order.
struct OutputWriter {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends bytes and a newline, flushing when the buffer is large.
    mutating func writeLine(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out what is buffered.
    mutating func flush() {
        Self.writeAll(descriptor, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte, retrying short writes and EINTR. Errors (such as EPIPE) end the
    /// write silently: there is no one left to tell.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
        try? SystemCalls.writeAll(descriptor, bytes)
    }

    /// Writes `bytes` and a newline to `directory/name` atomically: a temporary file,
    /// fsync, rename, fsync of the directory.
    static func writeFile(directory: String, name: String, bytes: [UInt8]) throws(FileReader.Failure) {
        let folder = FilePath(directory)
        let temporary = FileName("." + name + ".tmp")
        do {
            // A temporary left by an earlier run that was killed is written over.
            try? SystemCalls.remove(folder.appending(temporary))
            try SystemCalls.writeAtomically(
                bytes + [UInt8(ascii: "\n")],
                to: folder.appending(name),
                temporary: temporary
            )
        } catch {
            throw FileReader.Failure(code: "unwritable", message: "cannot write \(directory)/\(name): \(error)")
        }
    }
}
