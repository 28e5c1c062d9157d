import Glibc
public import LectorCore

extension Spool {
    /// Writes a document's JSON into the outbox: temp name, fsync, rename, fsync the folder.
    ///
    /// The output is `ID.json` for an input `ID.EXT`. When `ID.json` already holds the output
    /// of a different input (`a.txt` and `a.md`), the output is `NAME.json` with the input's
    /// whole name instead, so names stay predictable and a re-run replaces, never duplicates.
    ///
    /// - Parameters:
    ///   - json: The encoded document.
    ///   - name: The input's name.
    ///   - id: The document id.
    /// - Returns: The output's file name.
    /// - Throws: ``Errno``; the temp file is removed.
    @discardableResult
    public func writeOutput(_ json: [UInt8], for name: FileName, id: String) throws(Errno) -> FileName {
        var target = FileName(id + ".json")
        if let existing = sourceFile(ofOutput: target), existing != name.text {
            target = name.appending(".json")
        }
        try writeAtomically(json + [UInt8(ascii: "\n")], into: layout.outbox, as: target)
        return target
    }

    /// Finishes a processed input: moves it to `archive/` when configured, else deletes it.
    ///
    /// - Parameter name: The input's name in the work folder.
    /// - Throws: ``Errno``.
    public func finish(_ name: FileName) throws(Errno) {
        let path = workFolder.appending(name)
        if let archive = layout.archive {
            try move(path, to: archive, as: name)
        } else {
            try SystemCalls.remove(path)
        }
    }

    /// Sets an input aside: writes `failed/NAME.error.json`, then moves the input to
    /// `failed/NAME` (replacing an earlier failure of the same name).
    ///
    /// - Parameters:
    ///   - name: The input's name in the work folder.
    ///   - record: The error record.
    /// - Throws: ``Errno``.
    public func fail(_ name: FileName, record: JSONValue) throws(Errno) {
        try writeAtomically(
            record.encoded(style: .pretty) + [UInt8(ascii: "\n")],
            into: layout.failed,
            as: name.appending(".error.json")
        )
        let path = workFolder.appending(name)
        do {
            try move(path, to: layout.failed, as: name)
        } catch  where error == .noEntry {
            // Already moved by an earlier attempt that crashed before returning.
        }
    }

    /// Removes temp files left in the outbox, `failed/` and `archive/` by daemons that died.
    ///
    /// - Returns: How many were removed.
    @discardableResult
    public func removeStaleTemporaries() -> Int {
        var removed = 0
        for folder in [layout.outbox, layout.failed] + [layout.archive].compactMap({ $0 }) {
            guard let entries = try? SystemCalls.list(folder) else { continue }
            for entry in entries {
                guard let owner = Self.temporaryOwner(entry.name), owner != id, !isAlive(daemon: owner) else {
                    continue
                }
                if (try? SystemCalls.remove(folder.appending(entry.name))) != nil { removed += 1 }
            }
        }
        return removed
    }

    /// The daemon id in a temp name `.lector.ID.REST.tmp`, if it is one.
    static func temporaryOwner(_ name: FileName) -> String? {
        let prefix = Array(".lector.".utf8)
        guard name.bytes.starts(with: prefix), name.hasSuffix(".tmp"), name.bytes.count > prefix.count + 17 else {
            return nil
        }
        let id = name.bytes[prefix.count..<prefix.count + 16]
        guard name.bytes[prefix.count + 16] == UInt8(ascii: "."),
            id.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else { return nil }
        return String(decoding: id, as: UTF8.self)
    }

    func temporaryName(for name: FileName) -> FileName {
        FileName(bytes: Array(".lector.\(id).".utf8) + name.bytes + Array(".tmp".utf8))
    }

    func writeAtomically(_ bytes: [UInt8], into folder: FilePath, as name: FileName) throws(Errno) {
        let temporary = folder.appending(temporaryName(for: name))
        do {
            let descriptor = try SystemCalls.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode: 0o644)
            defer { close(descriptor) }
            try SystemCalls.writeAll(descriptor, bytes)
            try SystemCalls.sync(descriptor)
            try SystemCalls.rename(temporary, folder.appending(name))
        } catch {
            try? SystemCalls.remove(temporary)
            throw error
        }
        try SystemCalls.syncDirectory(folder)
    }

    /// Moves a file into a folder, by rename, or by copy-fsync-rename-unlink across file systems.
    func move(_ source: FilePath, to folder: FilePath, as name: FileName) throws(Errno) {
        let target = folder.appending(name)
        do {
            try SystemCalls.rename(source, target)
        } catch  where error == .crossDevice {
            if (try? SystemCalls.status(source))?.kind != .regular {
                // A link or special file has no content of its own to keep: the error record says what it was.
                try SystemCalls.remove(source)
                return
            }
            let descriptor = try SystemCalls.open(source, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
            let bytes: [UInt8]
            do {
                defer { close(descriptor) }
                bytes = try SystemCalls.readAll(descriptor, limit: Int.max) ?? []
            }
            try writeAtomically(bytes, into: folder, as: name)
            try SystemCalls.remove(source)
            return
        }
        try SystemCalls.syncDirectory(folder)
    }

    private func sourceFile(ofOutput name: FileName) -> String? {
        let path = layout.outbox.appending(name)
        guard let descriptor = try? SystemCalls.open(path, O_RDONLY | O_NOFOLLOW) else { return nil }
        defer { close(descriptor) }
        guard let bytes = try? SystemCalls.readAll(descriptor, limit: 64 << 20),
            let value = try? JSONValue.parse(bytes)
        else { return "" }
        return value["source"]?["file"]?.stringValue ?? ""
    }
}
