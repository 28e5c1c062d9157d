public import LectorCore

/// Makes `library` steps: `- library: {path: …/libkeywords.so, options: {…}}`.
///
/// The `.so` is loaded (once per path) when the chain is built; a file that is missing,
/// not a plugin, or built for another ABI version is a configuration error.
public struct LibraryPluginFactory: ProcessorFactory {
    /// Creates the factory.
    public init() {}

    /// `library`.
    public let name = "library"

    /// What it adds.
    public let summary = "Calls a shared-library plugin (C ABI, Plugins/include/lector_plugin.h) per document."

    /// The options.
    public let options = [
        OptionDescription(
            "path",
            type: "path",
            default: "(required)",
            "The .so file; relative to config.yaml's folder."
        ),
        OptionDescription("options", type: "mapping", default: "{}", "Passed to lector_plugin_create as JSON."),
    ]

    /// Loads the library and creates an instance.
    ///
    /// - Parameter options: The step's options.
    /// - Returns: The processor.
    /// - Throws: ``ProcessorError`` for bad options or a library that cannot be used.
    public func makeProcessor(options: inout ProcessorOptions) throws -> any Processor {
        let pathNode = options.value("path")
        guard let path = try options.path("path") else {
            throw ProcessorError(.invalidOptions, "missing required option 'path'", location: options.value?.location)
        }
        let pluginOptions = options.value("options")?.jsonValue ?? [:]
        do {
            return try LibraryPluginProcessor(plugin: try LibraryPlugin(path: path), options: pluginOptions)
        } catch var error as ProcessorError {
            error.location = error.location ?? pathNode?.location
            throw error
        }
    }
}
