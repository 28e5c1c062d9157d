#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

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
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Writes `bytes` to `directory/name` atomically: a temporary file, fsync, rename.
    static func writeFile(directory: String, name: String, bytes: [UInt8]) throws(FileReader.Failure) {
        let target = directory + "/" + name
        let temporary = directory + "/." + name + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileReader.Failure(
                code: "unwritable",
                message: "cannot create \(temporary): \(FileReader.errnoText())"
            )
        }
        writeAll(descriptor, bytes + [UInt8(ascii: "\n")])
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard synced, rename(temporary, target) == 0 else {
            let reason = FileReader.errnoText()
            unlink(temporary)
            throw FileReader.Failure(code: "unwritable", message: "cannot write \(target): \(reason)")
        }
    }
}
