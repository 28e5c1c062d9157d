import Glibc
import LectorCore
public import LectorSystem

extension Spool {
    /// Writes a document's JSON into the outbox and returns the name it took.
    ///
    /// The output of `inbox/NAME.EXT` is `STEM.json` (the name without its last extension).
    /// When that name holds the output of another input (`a.txt` and `a.md`), the next of
    /// `NAME.EXT.json`, `NAME.EXT.2.json`, … that is free or already this input's is used.
    /// Each candidate is taken with `renameat2(RENAME_NOREPLACE)`, so two documents — in one
    /// daemon or in several sharing the outbox — can never take the same name, and an output
    /// is replaced only by a later run of the same input (a re-run replaces, never
    /// duplicates). Who owns an output is read from its `source` member (the file name,
    /// and `file_hex` for names that are not UTF-8), so names compare as bytes. Names over
    /// 255 bytes are cut and keep a hash.
    ///
    /// - Parameters:
    ///   - json: The encoded document, whose first members are `id` and `source`.
    ///   - name: The input's name.
    /// - Returns: The output's file name.
    /// - Throws: ``Errno``; no temp file is left behind.
    @discardableResult
    public func writeOutput(_ json: [UInt8], for name: FileName) throws(Errno) -> FileName {
        let output = try publishOutput(stageOutput(json), for: name)
        try SystemCalls.syncDirectory(layout.outbox)
        return output
    }

    /// Writes a document's JSON to a temp file, without waiting for the disk: the first
    /// half of ``writeOutput(_:for:)``, done by a worker under group commit. The temp file is
    /// a spare (a finished input's inode, ``SparePool``) when one is ready, else a new file
    /// in the outbox.
    ///
    /// - Parameter json: The encoded document.
    /// - Returns: The temp file, on the outbox's file system.
    /// - Throws: ``Errno``; no temp file is left behind.
    public func stageOutput(_ json: [UInt8]) throws(Errno) -> FilePath {
        let bytes = json + [UInt8(ascii: "\n")]
        if let spare = writeOverSpare(bytes) { return spare }
        return try writeTemporary(bytes, in: layout.outbox, sync: false)
    }

    /// Makes a staged output durable and gives it its name: fsyncs the temp file (unless the
    /// caller synced the whole file system already), then moves it to the first output name
    /// that is free or already this input's. The caller fsyncs the outbox folder afterwards
    /// (once for a whole batch), before finishing any input.
    ///
    /// - Parameters:
    ///   - temporary: What ``stageOutput(_:)`` returned.
    ///   - name: The input's name.
    ///   - synced: Whether the temp file's data is on disk already (`syncfs`).
    /// - Returns: The output's file name.
    /// - Throws: ``Errno``; the temp file is removed.
    public func publishOutput(_ temporary: FilePath, for name: FileName, synced: Bool = false) throws(Errno) -> FileName
    {
        do throws(Errno) {
            if !synced {
                let descriptor = try SystemCalls.open(temporary, O_RDONLY)
                defer { close(descriptor) }
                try SystemCalls.sync(descriptor)
            }
            let owner = OutputOwner(name)
            for candidate in Self.outputNames(for: name) {
                let target = layout.outbox.appending(candidate)
                do {
                    try SystemCalls.renameNoReplace(temporary, target)
                } catch  where error == .exists {
                    guard outputOwner(of: candidate) == owner else { continue }
                    try SystemCalls.rename(temporary, target)
                }
                return candidate
            }
            throw Errno.exists
        } catch {
            try? SystemCalls.remove(temporary)
            if error == .crossDevice, isSpare(temporary) { stopReusingInputs() }
            throw error
        }
    }

    /// The output names an input may take, in order of preference.
    static func outputNames(for name: FileName) -> some Sequence<FileName> {
        (0..<10_000).lazy.map { number -> FileName in
            switch number {
            case 0: name.stem.fitted(keeping: ".json")
            case 1: name.fitted(keeping: ".json")
            default: name.fitted(keeping: ".\(number).json")
            }
        }
    }

    /// The input an existing output was made from, read from its first bytes (the encoder
    /// writes `id` and `source` first, so the size of the rest does not matter).
    func outputOwner(of output: FileName) -> OutputOwner? {
        guard let prefix = try? SystemCalls.readPrefix(layout.outbox.appending(output), limit: 16_384),
            let source = JSONPrefix.member("source", in: prefix),
            let file = source["file"]?.stringValue
        else { return nil }
        return OutputOwner(file: file, fileHex: source["file_hex"]?.stringValue)
    }
}

/// Which input an output or error record belongs to, and how an input's name is written in
/// both: `file` (invalid bytes as `%XX`), plus the exact bytes in hex (`file_hex`) when the
/// name is not UTF-8 (then `file` alone could name two inputs).
struct OutputOwner: Equatable {
    var file: String
    var fileHex: String?

    init(file: String, fileHex: String?) {
        self.file = file
        self.fileHex = fileHex
    }

    init(_ name: FileName) {
        file = name.escapedText
        fileHex = name.isValidUTF8 ? nil : name.hexadecimal
    }
}

/// Reads one top-level member out of the first bytes of a JSON object, when that member
/// is complete within them.
enum JSONPrefix {
    /// The value of the top-level member `key` of the object that `bytes` begins, or `nil`.
    static func member(_ key: String, in bytes: [UInt8]) -> JSONValue? {
        let wanted = Array("\"\(key)\"".utf8)
        var depth = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard let end = stringEnd(bytes, from: index) else { return nil }
                if depth == 1, Array(bytes[index..<end]) == wanted,
                    let colon = nextSignificant(bytes, after: end - 1), bytes[colon] == UInt8(ascii: ":"),
                    let start = nextSignificant(bytes, after: colon), let valueEnd = valueEnd(bytes, from: start)
                {
                    return try? JSONValue.parse(Array(bytes[start..<valueEnd]))
                }
                index = end
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The end (exclusive) of the string whose opening quote is at `start`, if complete.
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return nil
    }

    private static func nextSignificant(_ bytes: [UInt8], after index: Int) -> Int? {
        var next = index + 1
        while next < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[next]) { next += 1 }
        return next < bytes.count ? next : nil
    }

    /// The end (exclusive) of the object, array or string starting at `start`, if complete.
    private static func valueEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard let end = stringEnd(bytes, from: index) else { return nil }
                if depth == 0 { return end }
                index = end
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return nil
    }
}
