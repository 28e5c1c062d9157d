public import LectorCore

/// Makes `exec` steps: `- exec: {name: keywords, command: [path, args…], timeout: 5s}`.
///
/// The command starts once when the chain is built (so a missing or broken plugin is a
/// configuration error), says hello, and stays alive; see ``PluginProtocol``.
///
/// The process must ignore `SIGPIPE` (the `lector` executable does, at start), so that
/// writing to a plugin that died fails with `EPIPE` instead of killing it.
public struct ExecPluginFactory: ProcessorFactory {
    /// Creates the factory.
    public init() {}

    /// `exec`.
    public let name = "exec"

    /// What it adds.
    public let summary = "Runs an external program per document (JSON lines on stdin/stdout) and adds its fields."

    /// The options.
    public let options = [
        OptionDescription("name", type: "identifier", default: "(required)", "The plugin's name: the field it adds."),
        OptionDescription(
            "command",
            type: "list of strings",
            default: "(required)",
            "Program and arguments; a relative program path resolves against config.yaml's folder."
        ),
        OptionDescription(
            "timeout",
            type: "duration",
            default: "5s",
            "Longest wait for one reply; then the process is killed, the document fails, and the next starts a new one."
        ),
        OptionDescription("start_timeout", type: "duration", default: "10s", "Longest wait for the handshake."),
        OptionDescription("instances", type: "integer 1…64", default: "1", "Processes shared by the workers."),
        OptionDescription(
            "memory_limit",
            type: "size",
            default: "none",
            "Address-space limit per process (RLIMIT_AS)."
        ),
        OptionDescription("options", type: "mapping", default: "{}", "Passed to the plugin in its hello message."),
    ]

    /// Starts the plugin and reads its handshake.
    ///
    /// - Parameter options: The step's options.
    /// - Returns: The processor.
    /// - Throws: ``ProcessorError`` for bad options, or when the plugin cannot start or
    ///   shakes hands wrongly.
    public func makeProcessor(options: inout ProcessorOptions) throws -> any Processor {
        guard let nameNode = options.value("name") else {
            throw ProcessorError(.invalidOptions, "missing required option 'name'", location: options.value?.location)
        }
        let pluginName = try nameNode.string()
        guard Self.isIdentifier(pluginName), !PluginProtocol.reservedFields.contains(pluginName) else {
            throw nameNode.error("name must be a field name like 'keywords' (letters, digits, _), not one Lector owns")
        }
        guard let commandNode = options.value("command") else {
            throw ProcessorError(
                .invalidOptions,
                "missing required option 'command'",
                location: options.value?.location
            )
        }
        var command = try commandNode.stringList()
        guard let program = command.first, !program.isEmpty else {
            throw commandNode.error("command must not be empty")
        }
        if program.contains("/"), !program.hasPrefix("/") { command[0] = options.directory + "/" + program }
        let timeout = try options.seconds("timeout", default: 5)
        let startTimeout = try options.seconds("start_timeout", default: 10)
        let instances = try options.int("instances", default: 1, in: 1...64)
        let memoryLimit = try options.value("memory_limit").map { try $0.bytes() }
        let pluginOptions = options.value("options")?.jsonValue ?? [:]
        let hello = PluginProtocol.hello(name: pluginName, lectorVersion: LectorVersion.current, options: pluginOptions)
            .encoded()
        let pool = try ExecPluginPool(
            .init(
                name: pluginName,
                command: command,
                directory: options.directory,
                timeout: max(timeout, 0.001),
                startTimeout: max(startTimeout, 0.001),
                instances: instances,
                memoryLimit: memoryLimit,
                hello: hello
            )
        )
        return ExecPluginProcessor(pool: pool)
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first,
            first == "_" || ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
    }
}
