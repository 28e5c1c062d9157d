public import LectorCore

extension ConfigurationError {
    /// Wraps an error a processor factory threw while reading its options.
    ///
    /// The pipeline module uses this when it builds the chain: a factory throws
    /// ``LectorCore/ProcessorError`` with the offending node's location, and `lector check`
    /// prints it like any other configuration mistake.
    ///
    /// - Parameters:
    ///   - file: The configuration file's path, as given.
    ///   - keyPath: The key path of the step or option, such as `pipeline[2].options`.
    ///   - fallback: The location to use when the error carries none (the step's
    ///     ``StepConfiguration/location``).
    ///   - processorError: The factory's error; its message becomes this error's message.
    public init(file: String, keyPath: String, fallback: SourceLocation, processorError: ProcessorError) {
        self.init(
            file: file,
            location: processorError.location ?? fallback,
            keyPath: keyPath,
            message: processorError.message
        )
    }
}
