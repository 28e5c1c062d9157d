/// A processor's `options` from `config.yaml`, read key by key.
///
/// A factory reads every option it knows with the typed getters and then calls
/// ``finish()``, which rejects keys nobody read (with a did-you-mean), so a misspelt option
/// is a configuration error at load time rather than a silent default.
///
/// ```swift
/// var options = ProcessorOptions(value)
/// let count = try options.int("sentences", default: 3, in: 1...100)
/// try options.finish()
/// ```
public struct ProcessorOptions: Sendable {
    /// The options as written, or `nil` when the step has none.
    public let value: ConfigValue?
    /// The directory relative paths in options resolve against: the configuration file's
    /// directory, or the working directory when there is no file.
    public var directory: String = "."
    /// Where the processor loads its models: the chain builder's cache, which keeps a decoded
    /// model while its files are unchanged. Until set, a cache with no model files.
    public var models = ModelCache(source: NoModelSource())
    private var entries: [ConfigEntry]
    private var read: Set<String> = []

    /// Wraps a step's options.
    ///
    /// - Parameter value: The options mapping, or `nil`/null for none.
    /// - Throws: ``ProcessorError`` when the options are not a mapping.
    public init(_ value: ConfigValue?) throws {
        self.value = value
        if let value, !value.isNull {
            entries = try value.mapping()
        } else {
            entries = []
        }
    }

    /// Options that were not given: every getter returns its default.
    public static let empty = ProcessorOptions(entries: [])

    private init(entries: [ConfigEntry]) {
        self.value = nil
        self.entries = entries
    }

    /// The keys given, in order.
    public var keys: [String] { entries.map(\.key) }

    /// The raw value of an option, marking it read.
    ///
    /// - Parameter key: The option's name.
    /// - Returns: Its value, or `nil` when absent.
    public mutating func value(_ key: String) -> ConfigValue? {
        read.insert(key)
        return entries.first { $0.key == key }?.value
    }

    /// A whole-number option.
    ///
    /// - Parameters:
    ///   - key: The option's name.
    ///   - defaultValue: The value when absent.
    ///   - range: The values allowed.
    /// - Returns: The value.
    /// - Throws: ``ProcessorError`` on a wrong type or a value out of range.
    public mutating func int(_ key: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let node = value(key) else { return defaultValue }
        let number = try node.int()
        guard range.contains(number) else {
            throw node.error("\(key) must be between \(range.lowerBound) and \(range.upperBound), found \(number)")
        }
        return number
    }

    /// A number option.
    ///
    /// - Parameters:
    ///   - key: The option's name.
    ///   - defaultValue: The value when absent.
    ///   - range: The values allowed.
    /// - Returns: The value.
    /// - Throws: ``ProcessorError`` on a wrong type or a value out of range.
    public mutating func double(
        _ key: String,
        default defaultValue: Double,
        in range: ClosedRange<Double>
    ) throws -> Double {
        guard let node = value(key) else { return defaultValue }
        let number = try node.double()
        guard range.contains(number) else {
            throw node.error("\(key) must be between \(range.lowerBound) and \(range.upperBound), found \(number)")
        }
        return number
    }

    /// A Boolean option.
    ///
    /// - Parameters:
    ///   - key: The option's name.
    ///   - defaultValue: The value when absent.
    /// - Returns: The value.
    /// - Throws: ``ProcessorError`` on a wrong type.
    public mutating func bool(_ key: String, default defaultValue: Bool) throws -> Bool {
        guard let node = value(key) else { return defaultValue }
        return try node.bool()
    }

    /// A string option.
    ///
    /// - Parameters:
    ///   - key: The option's name.
    ///   - defaultValue: The value when absent.
    ///   - allowed: When not `nil`, the only values accepted.
    /// - Returns: The value.
    /// - Throws: ``ProcessorError`` on a wrong type or a value not allowed.
    public mutating func string(_ key: String, default defaultValue: String, allowed: [String]? = nil) throws -> String
    {
        guard let node = value(key) else { return defaultValue }
        let text = try node.string()
        if let allowed, !allowed.contains(text) {
            var message = "\(key) must be one of \(allowed.joined(separator: ", ")), found '\(text)'"
            if let guess = Spelling.suggestion(for: text, among: allowed) { message += " (did you mean '\(guess)'?)" }
            throw node.error(message)
        }
        return text
    }

    /// A list-of-strings option; a single string counts as a list of one.
    ///
    /// - Parameters:
    ///   - key: The option's name.
    ///   - defaultValue: The value when absent.
    /// - Returns: The value.
    /// - Throws: ``ProcessorError`` on a wrong type.
    public mutating func stringList(_ key: String, default defaultValue: [String]?) throws -> [String]? {
        guard let node = value(key) else { return defaultValue }
        return try node.stringList()
    }

    /// A duration option in seconds (`500ms`, `5s`, `2m`).
    ///
    /// - Parameters:
    ///   - key: The option's name.
    ///   - defaultValue: The value when absent, in seconds.
    /// - Returns: The value in seconds.
    /// - Throws: ``ProcessorError`` on a wrong type.
    public mutating func seconds(_ key: String, default defaultValue: Double) throws -> Double {
        guard let node = value(key) else { return defaultValue }
        return try node.seconds()
    }

    /// A path option, resolved against ``directory`` when relative.
    ///
    /// - Parameter key: The option's name.
    /// - Returns: The absolute (or directory-relative) path, or `nil` when absent.
    /// - Throws: ``ProcessorError`` when the value is not a non-empty string.
    public mutating func path(_ key: String) throws -> String? {
        guard let node = value(key) else { return nil }
        let text = try node.string()
        guard !text.isEmpty else { throw node.error("\(key) must be a path") }
        return text.hasPrefix("/") ? text : directory + "/" + text
    }

    /// Rejects every option that no getter asked for.
    ///
    /// - Throws: ``ProcessorError`` naming the first unknown option, with a did-you-mean.
    public func finish() throws {
        for entry in entries where !read.contains(entry.key) {
            var message = "unknown option '\(entry.key)'"
            if let guess = Spelling.suggestion(for: entry.key, among: read.sorted()) {
                message += " (did you mean '\(guess)'?)"
            } else if !read.isEmpty {
                message += "; known options: \(read.sorted().joined(separator: ", "))"
            } else {
                message += "; this processor takes no options"
            }
            throw ProcessorError(.invalidOptions, message, location: entry.keyLocation)
        }
    }
}
