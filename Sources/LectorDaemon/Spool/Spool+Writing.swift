import Glibc
public import LectorCore
public import LectorSystem
import Synchronization

extension Spool {
    /// Finishes a processed input: moves it to `archive/` when configured (under a name no
    /// earlier input holds), else keeps its inode to hold a later output when it can
    /// (``SparePool``; usable after ``commitSpares()`` or the next ``syncFileSystem()``), else
    /// deletes it.
    ///
    /// - Parameter name: The input's name in the work folder.
    /// - Throws: ``Errno``.
    public func finish(_ name: FileName) throws(Errno) {
        let path = workFolder.appending(name)
        if let archive = layout.archive {
            for candidate in Self.keptNames(for: name) {
                do {
                    try move(path, to: archive, as: candidate)
                    return
                } catch  where error == .exists {
                    continue
                }
            }
            throw Errno.exists
        } else if !keepAsSpare(path) {
            try SystemCalls.remove(path)
        }
    }

    /// Sets an input aside: `failed/NAME` and `failed/NAME.error.json`. Never replaces a
    /// file already there: when either name is taken (an earlier `bad.txt`, or an input
    /// named like an error record), the next free pair `bad.1.txt` + `bad.1.txt.error.json`
    /// is used. Safe between daemons sharing `failed/`: each name is taken atomically.
    ///
    /// - Parameters:
    ///   - name: The input's name in the work folder.
    ///   - record: The error record.
    /// - Returns: The input's name in `failed/`.
    /// - Throws: ``Errno``; `ENOENT` when the input is no longer in the work folder.
    @discardableResult
    public func fail(_ name: FileName, record: JSONValue) throws(Errno) -> FileName {
        let path = workFolder.appending(name)
        _ = try SystemCalls.status(path)
        for candidate in Self.keptNames(for: name) {
            var record = record
            if candidate != name, case .object(var object) = record {
                object["failed_as"] = .string(candidate.escapedText)
                record = .object(object)
            }
            let bytes = record.encoded(style: .pretty) + [UInt8(ascii: "\n")]
            let recordName = candidate.fitted(keeping: ".error.json")
            let input = layout.failed.appending(candidate)
            let recordPath = layout.failed.appending(recordName)
            if (try? SystemCalls.status(input)) != nil { continue }
            if (try? SystemCalls.status(recordPath)) != nil {
                // A record without its input, naming this input: an attempt that crashed
                // between writing it and moving the input. It is ours to replace — unless it
                // is itself an input set aside (`x.dat.error.json` dropped into the inbox,
                // whatever it says), whose own record was written before it moved.
                guard failureOwner(recordPath) == OutputOwner(name), !isSetAside(recordName) else { continue }
                try writeAtomically(bytes, into: layout.failed, as: recordName)
            } else {
                do {
                    try writeAtomically(bytes, into: layout.failed, as: recordName, replace: false)
                } catch  where error == .exists {
                    continue
                }
            }
            do {
                try move(path, to: layout.failed, as: candidate)
                return candidate
            } catch  where error == .exists {
                removeIfUnchanged(recordPath, bytes)
                continue
            } catch {
                removeIfUnchanged(recordPath, bytes)
                throw error
            }
        }
        throw Errno.exists
    }

    /// The input an error record was written for (its `file`, and `file_hex` for names that
    /// are not UTF-8).
    private func failureOwner(_ record: FilePath) -> OutputOwner? {
        guard let bytes = try? SystemCalls.readPrefix(record, limit: 1 << 20), let json = try? JSONValue.parse(bytes),
            let file = json["file"]?.stringValue
        else { return nil }
        return OutputOwner(file: file, fileHex: json["file_hex"]?.stringValue)
    }

    /// Whether a file of `failed/` is an input set aside: its own error record, written
    /// before the input moved there, names it.
    private func isSetAside(_ name: FileName) -> Bool {
        failureOwner(layout.failed.appending(name.fitted(keeping: ".error.json"))) == OutputOwner(name)
    }

    /// Removes a record this attempt wrote, unless another daemon has replaced it since.
    private func removeIfUnchanged(_ record: FilePath, _ bytes: [UInt8]) {
        if (try? SystemCalls.readPrefix(record, limit: bytes.count + 1)) == bytes { try? SystemCalls.remove(record) }
    }

    /// The names an input may keep in `failed/` or `archive/`, in order: its own, then
    /// `STEM.1.EXT`, `STEM.2.EXT`, … — each at most 255 bytes.
    static func keptNames(for name: FileName) -> some Sequence<FileName> {
        let stem = name.stem
        let pathExtension = name.pathExtension
        return (0..<10_000).lazy.map { number -> FileName in
            if number == 0 { return name.fitted() }
            return FileName(bytes: stem.bytes + Array(".\(number)".utf8)).fitted(keeping: pathExtension)
        }
    }

    /// Removes temp files left in the outbox, `failed/` and `archive/`, and spares, by
    /// daemons that died.
    ///
    /// A daemon of another inbox may share the outbox: it has no work folder here, so
    /// whether it lives cannot be asked, and its temp files (which live for milliseconds)
    /// are removed only once older than ``foreignTemporaryAge``. Those of daemons whose
    /// work folders were just taken over (`takenOver`) or lie here unlocked go at once.
    ///
    /// - Parameters:
    ///   - takenOver: The ids of the dead daemons whose work folders were taken over.
    ///   - now: The current time, seconds since the epoch.
    /// - Returns: How many were removed.
    @discardableResult
    public func removeStaleTemporaries(takenOver: Set<String> = [], now: Double) -> Int {
        var removed = removeAbandonedSpares()
        for folder in [layout.outbox, layout.failed] + [layout.archive].compactMap({ $0 }) {
            guard let entries = try? SystemCalls.list(folder) else { continue }
            for entry in entries {
                guard let owner = Self.temporaryOwner(entry.name), owner != id, !isAlive(daemon: owner) else {
                    continue
                }
                let path = folder.appending(entry.name)
                if !takenOver.contains(owner), !hasWorkFolder(owner), let status = try? SystemCalls.status(path),
                    now - status.modified < Self.foreignTemporaryAge
                {
                    continue
                }
                if (try? SystemCalls.remove(path)) != nil { removed += 1 }
            }
        }
        return removed
    }

    /// Whether a daemon has a work folder in this inbox (alive or not).
    ///
    /// - Parameter owner: The daemon's id.
    /// - Returns: `true` when `inbox/.lector/work/ID` exists.
    private func hasWorkFolder(_ owner: String) -> Bool {
        (try? SystemCalls.status(layout.workRoot.appending(owner))) != nil
    }

    /// How old a temp file of a daemon unknown to this inbox must be before it is removed:
    /// an hour, against the milliseconds a live daemon keeps one.
    static let foreignTemporaryAge = 3_600.0

    /// The daemon id in a temp name `.lector.ID.N.tmp`, if it is one.
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

    /// A temp name no other file of any daemon uses: `.lector.ID.N.tmp`, short whatever the
    /// document's name.
    func temporaryName() -> FileName {
        let number = temporarySequence.add(1, ordering: .relaxed).newValue
        return FileName(".lector.\(id).\(number).tmp")
    }

    /// Writes bytes to a new temp file in `folder` and (unless `sync` is false) fsyncs it. A
    /// missing folder (removed while the daemon runs) is created again.
    ///
    /// - Returns: The temp file's path.
    func writeTemporary(_ bytes: [UInt8], in folder: FilePath, sync: Bool = true) throws(Errno) -> FilePath {
        let temporary = folder.appending(temporaryName())
        do {
            try SystemCalls.writeFile(bytes, at: temporary, sync: sync)
        } catch  where error == .noEntry {
            try SystemCalls.makeDirectories(folder, mode: 0o775)
            try SystemCalls.writeFile(bytes, at: temporary, sync: sync)
        }
        return temporary
    }

    /// Writes a file by temp name, fsync and rename, then fsyncs the folder.
    ///
    /// - Parameters:
    ///   - bytes: The contents.
    ///   - folder: Where.
    ///   - name: The final name.
    ///   - replace: Whether an existing file of that name is replaced; when `false`, an
    ///     existing one makes this throw `EEXIST` and nothing is written.
    /// - Throws: ``Errno``; no temp file is left behind.
    func writeAtomically(_ bytes: [UInt8], into folder: FilePath, as name: FileName, replace: Bool = true) throws(Errno)
    {
        let target = folder.appending(name)
        do {
            try SystemCalls.writeAtomically(bytes, to: target, temporary: temporaryName(), replace: replace)
        } catch  where error == .noEntry {
            try SystemCalls.makeDirectories(folder, mode: 0o775)
            try SystemCalls.writeAtomically(bytes, to: target, temporary: temporaryName(), replace: replace)
        }
    }

    /// Moves a file into a folder without replacing anything there (`EEXIST` if the name is
    /// taken): by rename, or across file systems by copy-fsync-rename-unlink. A symlink or
    /// FIFO is recreated on the other side; only sockets and devices, which have nothing to
    /// keep, are removed (the error record says what they were).
    func move(_ source: FilePath, to folder: FilePath, as name: FileName) throws(Errno) {
        let target = folder.appending(name)
        do {
            try SystemCalls.renameNoReplace(source, target)
        } catch  where error == .crossDevice {
            if (try? SystemCalls.status(source))?.kind != .regular {
                _ = try SystemCalls.recreateSpecial(source, at: target)
                try SystemCalls.remove(source)
                try SystemCalls.syncDirectory(folder)
                return
            }
            let descriptor = try SystemCalls.open(source, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
            let bytes: [UInt8]
            do {
                defer { close(descriptor) }
                bytes = try SystemCalls.readAll(descriptor, limit: Int.max) ?? []
            }
            try writeAtomically(bytes, into: folder, as: name, replace: false)
            try SystemCalls.remove(source)
            return
        }
        try SystemCalls.syncDirectory(folder)
    }
}
