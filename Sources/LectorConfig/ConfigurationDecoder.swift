import LectorCore
import LectorSystem

/// Walks a ``ConfigValue`` tree into a ``LectorConfiguration``, collecting every mistake.
///
/// Each check reports and carries on with the default, so one pass finds all the mistakes
/// that do not hide each other.
struct ConfigurationDecoder {
    /// The top-level keys, in the order the documentation lists them.
    static let topLevelKeys = [
        "inbox", "outbox", "failed", "archive", "min_age", "min_free_space", "rescan_interval", "workers", "max_bytes",
        "shutdown_timeout",
        "include_text", "metrics_file", "input", "output", "pipeline",
    ]
    /// The spool folders that go together.
    static let spoolKeys = ["inbox", "outbox", "failed"]
    /// The values allowed for `shutdown_timeout`, in seconds.
    static let shutdownTimeoutRange = 0.0...3600
    /// The values allowed for `rescan_interval`, in seconds.
    static let rescanIntervalRange = 0.1...3_600

    /// The values allowed for `min_age`, in seconds.
    static let minAgeRange = 0.0...86_400

    /// The mistakes found so far.
    private(set) var errors: [ConfigurationError] = []

    let file: String
    let directory: String
    let purpose: ConfigurationPurpose

    init(file: String, directory: String, purpose: ConfigurationPurpose) {
        self.file = file
        self.directory = directory
        self.purpose = purpose
    }

    /// Decodes the root node.
    ///
    /// - Parameters:
    ///   - root: The document's root.
    ///   - sha256: The file's digest.
    /// - Returns: The configuration; meaningful only when ``errors`` is empty.
    mutating func decode(_ root: ConfigValue, sha256: String) -> LectorConfiguration {
        var configuration = LectorConfiguration(file: file, directory: directory, sha256: sha256)
        guard case .mapping(let entries) = root.kind else {
            report(root.location, "", "the file must be a mapping of keys such as 'pipeline:', found \(root.kindName)")
            return configuration
        }
        var fields: [String: ConfigEntry] = [:]
        var suggested: Set<String> = []
        for entry in entries {
            if Self.topLevelKeys.contains(entry.key) {
                fields[entry.key] = entry
            } else if let guess = unknownKey(entry, among: Self.topLevelKeys, in: nil, keyPath: entry.key) {
                suggested.insert(guess)
            }
        }
        func missing(_ key: String, _ hint: String = "") {
            if !suggested.contains(key) { report(root.location, "", "missing required key '\(key)'\(hint)") }
        }

        if let entry = fields["workers"], let value = read(entry, { try $0.int() }) {
            configuration.workers = check(value, in: LectorConfiguration.workersRange, entry) ?? configuration.workers
        }
        if let entry = fields["max_bytes"], let value = read(entry, { try $0.bytes() }) {
            let range = LectorConfiguration.maxBytesRange
            if range.contains(value) {
                configuration.maxBytes = value
            } else {
                report(
                    entry.value.location,
                    entry.key,
                    "max_bytes must be between 1 byte and 1GiB, found \(value) bytes"
                )
            }
        }
        if let entry = fields["shutdown_timeout"], let value = read(entry, { try $0.seconds() }) {
            configuration.shutdownTimeout =
                seconds(value, in: Self.shutdownTimeoutRange, entry) ?? LectorConfiguration.defaultShutdownTimeout
        }
        if let entry = fields["include_text"], let value = read(entry, { try $0.bool() }) {
            configuration.includeText = value
        }

        if let entry = fields["metrics_file"], let path = folder(entry, what: "file") {
            configuration.metricsFile = path
        }

        var minAge = 0.0
        if let entry = fields["min_age"], let value = read(entry, { try $0.seconds() }) {
            minAge = seconds(value, in: Self.minAgeRange, entry) ?? 0
        }
        var rescanInterval = SpoolConfiguration.defaultRescanInterval
        if let entry = fields["rescan_interval"], let value = read(entry, { try $0.seconds() }) {
            rescanInterval = seconds(value, in: Self.rescanIntervalRange, entry) ?? rescanInterval
        }
        var minFreeSpace = SpoolConfiguration.defaultMinFreeSpace
        if let entry = fields["min_free_space"], let value = read(entry, { try $0.bytes() }) {
            minFreeSpace = value
        }
        if let entry = fields["input"] {
            transport(entry) { decoder, entries, keyPath in
                configuration.natsInput = decoder.natsInput(entries, keyPath: keyPath)
            }
        }
        if let entry = fields["output"] {
            transport(entry) { decoder, entries, keyPath in
                configuration.natsOutput = decoder.natsOutput(
                    entries,
                    keyPath: keyPath,
                    inputServer: configuration.natsInput?.server
                )
            }
        }
        if configuration.natsInput != nil {
            if let entry = fields["inbox"] {
                report(
                    entry.keyLocation,
                    "inbox",
                    "inbox and input.nats exclude each other: documents come from one place"
                )
            }
            if let entry = fields["outbox"], let path = folder(entry) {
                configuration.outboxFolder = path
                if let problem = Self.tooLong(path, key: "outbox") { report(entry.value.location, "outbox", problem) }
            }
            for key in ["failed", "archive", "min_age", "min_free_space", "rescan_interval"] {
                if let entry = fields[key] {
                    report(
                        entry.keyLocation,
                        key,
                        "\(key) belongs to the inbox; with input.nats, failures go to failed_subject"
                    )
                }
            }
            if let input = configuration.natsInput, let entry = fields["output"] {
                checkNATS(input, configuration.natsOutput, at: entry)
            }
            if configuration.natsOutput == nil, fields["outbox"] == nil, let entry = fields["input"] {
                report(entry.keyLocation, "input", "input.nats needs somewhere to write: output.nats, outbox, or both")
            }
            pipeline(into: &configuration, fields: fields, root: root, suggested: suggested)
            return configuration
        }
        var paths: [String: String] = [:]
        var seenPaths: [String: String] = [:]
        var seenFolders: [SystemCalls.FileIdentity: String] = [:]
        for key in Self.spoolKeys + ["archive"] {
            guard let entry = fields[key], let path = folder(entry) else { continue }
            if let other = seenPaths[path] {
                report(entry.value.location, key, "\(key) is the same folder as \(other) (\(path))")
            } else {
                seenPaths[path] = key
                if let identity = Self.identity(path) {
                    if let other = seenFolders[identity] {
                        report(entry.value.location, key, "\(key) is the same folder on disk as \(other) (\(path))")
                    }
                    seenFolders[identity] = key
                }
            }
            if let problem = Self.notAFolder(path) {
                report(entry.value.location, key, "\(key) must be a folder; \(problem)")
            }
            if let problem = Self.tooLong(path, key: key) { report(entry.value.location, key, problem) }
            paths[key] = path
        }
        if let entry = fields["metrics_file"], let metrics = configuration.metricsFile {
            let parent = Self.parent(of: metrics)
            let onDisk = Self.identity(parent).flatMap { seenFolders[$0] }
            // In the inbox it would be read as a document every second; in the outbox or
            // failed/ it could replace an output or a record of the same name.
            let inSpool = (Self.spoolKeys + ["archive"]).first { key in
                paths[key] == parent || paths[key] == metrics || onDisk == key
            }
            if let key = inSpool {
                let message = "metrics_file must not be in the \(key) folder (\(metrics))"
                report(entry.value.location, "metrics_file", message)
            }
        }
        let spoolWanted =
            purpose == .daemon || Self.spoolKeys.contains { fields[$0] != nil } || fields["archive"] != nil
        if spoolWanted {
            let hint = purpose == .daemon ? "" : " (inbox, outbox and failed go together)"
            for key in Self.spoolKeys where fields[key] == nil { missing(key, hint) }
        }
        if let inbox = paths["inbox"], let outbox = paths["outbox"], let failed = paths["failed"] {
            configuration.spool = SpoolConfiguration(
                inbox: inbox,
                outbox: outbox,
                failed: failed,
                archive: paths["archive"],
                minAge: minAge,
                minFreeSpace: minFreeSpace,
                rescanInterval: rescanInterval
            )
        }

        pipeline(into: &configuration, fields: fields, root: root, suggested: suggested)
        return configuration
    }

    /// Decodes `pipeline:`, last.
    private mutating func pipeline(
        into configuration: inout LectorConfiguration,
        fields: [String: ConfigEntry],
        root: ConfigValue,
        suggested: Set<String>
    ) {
        if let entry = fields["pipeline"] {
            configuration.pipeline = pipeline(entry)
        } else if !suggested.contains("pipeline") {
            report(root.location, "", "missing required key 'pipeline'")
        }
    }

    /// Why an existing path cannot be a spool folder, as `lector run` would find at start
    /// (it makes missing folders, and refuses anything else, a link included: links are
    /// never followed).
    ///
    /// - Parameter path: The resolved path.
    /// - Returns: The reason, or `nil` for a folder or a path that does not exist yet.
    private static func notAFolder(_ path: String) -> String? {
        let status: SystemCalls.FileStatus
        do {
            status = try SystemCalls.status(FilePath(path))
        } catch {
            return error == .notDirectory ? "\(path) goes through a file" : nil
        }
        switch status.kind {
        case .directory: return nil
        case .symbolicLink: return "\(path) is a symbolic link (give the folder it points to)"
        case .regular: return "\(path) is a file"
        case .other: return "\(path) is a special file"
        }
    }

    /// The longest path a file can have (`PATH_MAX` without its NUL).
    static let longestPath = 4095

    /// Why a spool folder's path is too long for the daemon to name its files: a file name
    /// may be 255 bytes, and the inbox's claimed files are in `.lector/work/ID/` (the id
    /// has 16 characters). Without this check such a file is found at every rescan and
    /// can never be claimed or set aside.
    ///
    /// - Parameters:
    ///   - path: The resolved path.
    ///   - key: The spool key.
    /// - Returns: The reason, or `nil` when the path is short enough.
    private static func tooLong(_ path: String, key: String) -> String? {
        let inbox = key == "inbox"
        let added = inbox ? "/.lector/work/".utf8.count + 16 + 1 + 255 : 1 + 255
        let length = path.utf8.count
        guard length + added > longestPath else { return nil }
        let file = inbox ? "a claimed file's path (inbox/.lector/work/ID/NAME)" : "the path of a file in it"
        return
            "\(key) is \(length) bytes long: \(file) would pass the \(longestPath)-byte limit for a 255-byte name; at most \(longestPath - added)"
    }

    /// Which folder on disk an existing path reaches, through links and mounts.
    ///
    /// - Parameter path: The resolved path.
    /// - Returns: Its device and inode, or `nil` when it does not exist.
    private static func identity(_ path: String) -> SystemCalls.FileIdentity? {
        (try? SystemCalls.statusFollowingLinks(FilePath(path)))?.identity
    }

    /// The folder a resolved path is in.
    ///
    /// - Parameter path: The resolved path.
    /// - Returns: Its parent (`/` for a top-level name, `.` for a bare name).
    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A spool folder: a non-empty string, resolved against the file's directory.
    private mutating func folder(_ entry: ConfigEntry, what: String = "folder") -> String? {
        guard let text = read(entry, { try $0.string() }) else { return nil }
        guard !text.isEmpty, !text.contains("\0") else {
            report(entry.value.location, entry.key, "\(entry.key) must be a \(what)'s path, found '\(text)'")
            return nil
        }
        return ConfigurationFile.resolve(text, against: directory)
    }

    /// Reads a node with one of ``ConfigValue``'s accessors, reporting a mismatch.
    ///
    /// - Parameters:
    ///   - entry: The entry whose value is read.
    ///   - keyPath: The value's key path; the entry's key when `nil`.
    ///   - accessor: The accessor.
    /// - Returns: The value, or `nil` after reporting.
    mutating func read<Value>(
        _ entry: ConfigEntry,
        keyPath: String? = nil,
        _ accessor: (ConfigValue) throws -> Value
    ) -> Value? {
        read(entry.value, keyPath: keyPath ?? entry.key, accessor)
    }

    /// Reads a node with one of ``ConfigValue``'s accessors, reporting a mismatch.
    ///
    /// - Parameters:
    ///   - value: The node.
    ///   - keyPath: Its key path.
    ///   - accessor: The accessor.
    /// - Returns: The value, or `nil` after reporting.
    mutating func read<Value>(
        _ value: ConfigValue,
        keyPath: String,
        _ accessor: (ConfigValue) throws -> Value
    ) -> Value? {
        do {
            return try accessor(value)
        } catch let error as ProcessorError {
            report(error.location ?? value.location, keyPath, "\(keyPath): \(error.message)")
        } catch {
            report(value.location, keyPath, "\(keyPath): \(error)")
        }
        return nil
    }

    /// The value when it is in range; else reports it at the entry's value and returns `nil`.
    ///
    /// - Parameters:
    ///   - value: The value read.
    ///   - range: The values allowed.
    ///   - entry: Its entry.
    ///   - keyPath: The key path the message names; the entry's key when `nil`.
    /// - Returns: The value, or `nil` after reporting.
    mutating func check<Value: Comparable>(
        _ value: Value,
        in range: ClosedRange<Value>,
        _ entry: ConfigEntry,
        keyPath: String? = nil
    ) -> Value? {
        if range.contains(value) { return value }
        let key = keyPath ?? entry.key
        report(
            entry.value.location,
            key,
            "\(key) must be between \(range.lowerBound) and \(range.upperBound), found \(value)"
        )
        return nil
    }

    /// A duration when it is in range (seconds, shown as `5s`); else reports it.
    ///
    /// - Parameters:
    ///   - value: The duration read, in seconds.
    ///   - range: The durations allowed.
    ///   - entry: Its entry.
    ///   - keyPath: The key path the message names; the entry's key when `nil`.
    /// - Returns: The duration, or `nil` after reporting.
    mutating func seconds(
        _ value: Double,
        in range: ClosedRange<Double>,
        _ entry: ConfigEntry,
        keyPath: String? = nil
    ) -> Double? {
        if range.contains(value) { return value }
        func shown(_ seconds: Double) -> String {
            seconds.rounded() == seconds && abs(seconds) < 1e15 ? "\(Int(seconds))s" : "\(seconds)s"
        }
        let key = keyPath ?? entry.key
        report(
            entry.value.location,
            key,
            "\(key) must be between \(shown(range.lowerBound)) and \(shown(range.upperBound)), found \(shown(value))"
        )
        return nil
    }

    /// Reports a key that is not one of `known`, with a did-you-mean.
    ///
    /// - Parameters:
    ///   - entry: The entry with the unknown key.
    ///   - known: The keys allowed here.
    ///   - context: Where, for the message (`'when'`), or `nil` at the top level.
    ///   - keyPath: The entry's key path.
    /// - Returns: The suggestion made, if any.
    @discardableResult
    mutating func unknownKey(
        _ entry: ConfigEntry,
        among known: [String],
        in context: String?,
        keyPath: String
    ) -> String? {
        var message = "unknown key '\(entry.key)'"
        if let context { message += " in '\(context)'" }
        let guess = Spelling.suggestion(for: entry.key, among: known)
        if let guess {
            message += " (did you mean '\(guess)'?)"
        } else {
            message += "; known keys: \(known.joined(separator: ", "))"
        }
        report(entry.keyLocation, keyPath, message)
        return guess
    }

    /// Records a mistake.
    mutating func report(_ location: SourceLocation, _ keyPath: String, _ message: String) {
        errors.append(ConfigurationError(file: file, location: location, keyPath: keyPath, message: message))
    }
}
