import Foundation
import Glibc
import LectorCore

/// Where every input of a daemon test ended, read from the spool by exact name bytes: an
/// output in the outbox names its input in `source` (`file_hex` for names that are not
/// UTF-8), a reject in `failed/` in its error record.
public enum SpoolAudit {
    /// The names of a folder as bytes (Foundation would decode them lossily).
    ///
    /// - Parameter folder: A folder path.
    /// - Returns: The names, dotfiles excluded.
    public static func rawNames(in folder: String) -> [[UInt8]] {
        guard let handle = opendir(folder) else { return [] }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name.first != UInt8(ascii: ".") { names.append(name) }
        }
        return names
    }

    /// Reads a file whose name is given as bytes.
    ///
    /// - Parameters:
    ///   - folder: The folder.
    ///   - name: The file's name.
    /// - Returns: Its bytes, or `nil` when it cannot be read.
    public static func read(_ folder: String, _ name: [UInt8]) -> [UInt8]? {
        let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name
        let descriptor = (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { open($0, O_RDONLY) } ?? -1
        }
        guard descriptor >= 0 else { return nil }
        return Array(FileHandle(fileDescriptor: descriptor, closeOnDealloc: true).readDataToEndOfFile())
    }

    /// How many places each input name was found in: outputs and rejects.
    ///
    /// - Parameters:
    ///   - outbox: The outbox.
    ///   - failed: The failed folder.
    /// - Returns: The count by input name bytes.
    public static func placements(outbox: String, failed: String) -> [[UInt8]: Int] {
        var counts: [[UInt8]: Int] = [:]
        for name in rawNames(in: outbox) {
            guard let bytes = read(outbox, name), let json = try? JSONValue.parse(bytes) else { continue }
            if let input = inputName(json["source"]) { counts[input, default: 0] += 1 }
        }
        for name in rawNames(in: failed) where name.count > 11 && Array(name.suffix(11)) == Array(".error.json".utf8) {
            guard let bytes = read(failed, name), let json = try? JSONValue.parse(bytes) else { continue }
            if let input = inputName(json) { counts[input, default: 0] += 1 }
        }
        return counts
    }

    private static func inputName(_ object: JSONValue?) -> [UInt8]? {
        if let hex = object?["file_hex"]?.stringValue {
            var bytes: [UInt8] = []
            var index = hex.startIndex
            while index < hex.endIndex {
                let next = hex.index(index, offsetBy: 2)
                guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
                bytes.append(byte)
                index = next
            }
            return bytes
        }
        return object?["file"]?.stringValue.map { Array($0.utf8) }
    }

    /// Input names that collide on purpose: same stems with other extensions, names that
    /// are not UTF-8 and differ only in those bytes, and 250-byte names.
    ///
    /// - Parameter count: How many names.
    /// - Returns: The names, all different as bytes.
    public static func hostileNames(_ count: Int) -> [[UInt8]] {
        (0..<count).map { index in
            switch index % 10 {
            case 1: Array("col-\(index / 10).txt".utf8)
            case 2: Array("col-\(index / 10).md".utf8)
            case 3: Array("bad-\(index / 10)".utf8) + [0xFF] + Array(".txt".utf8)
            case 4: Array("bad-\(index / 10)".utf8) + [0xFE] + Array(".txt".utf8)
            case 5:
                Array(String(repeating: "long", count: 60).utf8) + Array("-\(index / 10)".utf8)
                    + Array(".txt".utf8)
            default: Array("doc-\(index).txt".utf8)
            }
        }
    }
}
