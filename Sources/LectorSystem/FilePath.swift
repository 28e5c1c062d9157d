/// An absolute or relative path as bytes, built from a directory and file names.
public struct FilePath: Sendable, Hashable, CustomStringConvertible {
    /// The path's bytes, without a NUL.
    public let bytes: [UInt8]

    /// A path from text.
    ///
    /// - Parameter text: The path.
    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// A path from bytes.
    ///
    /// - Parameter bytes: The path's bytes.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The path of `name` inside this directory.
    ///
    /// - Parameter name: A file name.
    /// - Returns: `self/name`.
    public func appending(_ name: FileName) -> FilePath {
        var joined = bytes
        if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
        joined.append(contentsOf: name.bytes)
        return FilePath(bytes: joined)
    }

    /// The path of a textual name inside this directory.
    ///
    /// - Parameter name: A file name.
    /// - Returns: `self/name`.
    public func appending(_ name: String) -> FilePath {
        appending(FileName(name))
    }

    /// The folder the path is in (`.` for a bare name) and its last name.
    public var folderAndName: (folder: FilePath, name: FileName) {
        let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
        let folder = Array(bytes.prefix(upTo: slash ?? 0))
        let name = FileName(bytes: Array(bytes.suffix(from: (slash ?? -1) + 1)))
        return (folder.isEmpty ? FilePath(slash == nil ? "." : "/") : FilePath(bytes: folder), name)
    }

    /// The path as text (invalid UTF-8 becomes U+FFFD), for messages.
    public var description: String { FileName(bytes: bytes).description }

    /// Calls `body` with a NUL-terminated C string of the path.
    ///
    /// - Parameter body: The function to call.
    /// - Returns: What `body` returns.
    public func withCString<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
        var terminated = bytes.map { CChar(bitPattern: $0) }
        terminated.append(0)
        return terminated.withUnsafeBufferPointer { buffer in
            // An Array's buffer always has a base address once it holds an element.
            body(buffer.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped)
        }
    }
}
