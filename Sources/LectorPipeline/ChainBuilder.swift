import Dispatch
public import LectorConfig
public import LectorCore
import LectorText
import Synchronization

/// Builds a ``Chain`` from a configuration, validating everything a person could get wrong.
///
/// Unknown processors (with a did-you-mean), bad options (each factory validates its own),
/// and steps whose prerequisites no earlier step provides (for example `when: {language: …}`
/// before any language step) are reported together as ``ConfigurationErrors`` with
/// `file:line:column`.
public struct ChainBuilder: Sendable {
    /// Where processor names are looked up.
    public var registry: ProcessorRegistry
    /// Where processors load their models. Keep one builder (and so one cache) across
    /// reloads: a model whose files are unchanged is reused, a changed one is loaded again.
    public var models: ModelCache

    /// Creates a builder.
    ///
    /// - Parameters:
    ///   - registry: The processors available (the `lector` binary's are
    ///     `ProcessorRegistry.builtIn`, in LectorBuiltIn).
    ///   - models: Where processors load their models; by default a cache with no model
    ///     files, enough for processors that need none.
    public init(registry: ProcessorRegistry, models: ModelCache = ModelCache(source: NoModelSource())) {
        self.registry = registry
        self.models = models
    }

    /// Builds the chain a configuration describes.
    ///
    /// - Parameters:
    ///   - configuration: The loaded configuration.
    ///   - generation: The generation number to stamp on outputs.
    /// - Returns: The chain.
    /// - Throws: ``ConfigurationErrors``, every problem found, sorted by location.
    public func build(_ configuration: LectorConfiguration, generation: Int = 1) throws(ConfigurationErrors) -> Chain {
        var errors: [ConfigurationError] = []
        var steps: [ChainStep] = []
        var provided: Set<String> = []
        var makers: [Maker?] = []
        for step in configuration.pipeline {
            guard let factory = registry.factory(named: step.processor) else {
                makers.append(nil)
                continue
            }
            let (directory, models) = (configuration.directory, models)
            makers.append { () throws -> any Processor in
                var options = try ProcessorOptions(step.options)
                options.directory = directory
                options.models = models
                let processor = try factory.makeProcessor(options: &options)
                try options.finish()
                return processor
            }
        }
        let made = Self.make(makers)
        for (index, step) in configuration.pipeline.enumerated() {
            func report(_ message: String, at location: SourceLocation?, keyPath: String? = nil) {
                errors.append(
                    ConfigurationError(
                        file: configuration.file,
                        location: location ?? step.location,
                        keyPath: keyPath ?? step.keyPath,
                        message: message
                    )
                )
            }
            guard let factory = registry.factory(named: step.processor), let result = made[index] else {
                report(unknownProcessorMessage(step.processor), at: step.location)
                continue
            }
            if let condition = step.condition, condition.languages != nil, !provided.contains("language") {
                report(
                    "'when: language' needs a language step earlier in the pipeline",
                    at: condition.location,
                    keyPath: "\(step.keyPath).when.language"
                )
            }
            for needed in factory.requires.sorted() where !provided.contains(needed) {
                report("'\(step.processor)' needs a '\(needed)' step earlier in the pipeline", at: step.location)
            }
            do {
                let processor = try result.get()
                steps.append(
                    ChainStep(
                        name: processor.stepName ?? step.processor,
                        processor: processor,
                        condition: step.condition,
                        onError: step.onError
                    )
                )
            } catch let error as ProcessorError {
                var message = error.message
                if let cause = error.cause { message += " (\(cause))" }
                report("\(step.processor): \(message)", at: error.location, keyPath: "\(step.keyPath).options")
            } catch {
                report("\(step.processor): \(error)", at: step.location)
            }
            provided.formUnion(factory.provides)
        }
        guard errors.isEmpty else { throw ConfigurationErrors(errors) }
        models.trim()
        return Chain(
            steps: steps,
            identity: ChainIdentity(configHash: "sha256:\(configuration.sha256)", generation: generation),
            includeText: configuration.includeText
        )
    }

    /// Loads a configuration file and builds its chain, reporting the mistakes of both in
    /// one pass: when the file has errors, the chain is still checked as far as the file
    /// could be read, so every mistake comes out at once.
    ///
    /// - Parameters:
    ///   - path: The configuration file.
    ///   - purpose: What it is for (the daemon needs the spool keys).
    ///   - generation: The generation number to stamp on outputs.
    /// - Returns: The configuration and its chain.
    /// - Throws: ``ConfigurationErrors``, every problem found, sorted by location.
    public func load(
        path: String,
        purpose: ConfigurationPurpose,
        generation: Int = 1
    ) throws(ConfigurationErrors) -> (LectorConfiguration, Chain) {
        let configuration: LectorConfiguration
        do {
            configuration = try ConfigurationLoader.load(path: path, purpose: purpose)
        } catch {
            var all = error.errors
            if let partial = error.partial {
                do {
                    _ = try build(partial)
                } catch let more {
                    let known = Set(all.compactMap(\.location))
                    all += more.errors.filter { $0.location.map { !known.contains($0) } ?? true }
                }
            }
            throw ConfigurationErrors(all)
        }
        return (configuration, try build(configuration, generation: generation))
    }

    /// Builds a chain of the named processors at their default options (`--processors`).
    ///
    /// - Parameters:
    ///   - names: Processor names, in order.
    ///   - includeText: Whether outputs carry `text`.
    /// - Returns: The chain; its configuration hash is the SHA-256 of the names.
    /// - Throws: ``ConfigurationErrors`` naming unknown processors and missing prerequisites
    ///   (file `--processors`, no location).
    public func build(processors names: [String], includeText: Bool = true) throws(ConfigurationErrors) -> Chain {
        var errors: [ConfigurationError] = []
        var steps: [ChainStep] = []
        var provided: Set<String> = []
        var makers: [Maker?] = []
        for name in names {
            guard let factory = registry.factory(named: name) else {
                makers.append(nil)
                continue
            }
            let models = models
            makers.append { () throws -> any Processor in
                var options = ProcessorOptions.empty
                options.models = models
                return try factory.makeProcessor(options: &options)
            }
        }
        let made = Self.make(makers)
        for (index, name) in names.enumerated() {
            func report(_ message: String) {
                errors.append(
                    ConfigurationError(file: "--processors", location: nil, keyPath: "[\(index)]", message: message)
                )
            }
            guard let factory = registry.factory(named: name), let result = made[index] else {
                report(unknownProcessorMessage(name))
                continue
            }
            for needed in factory.requires.sorted() where !provided.contains(needed) {
                report("'\(name)' needs a '\(needed)' step earlier in the chain")
            }
            do {
                let processor = try result.get()
                steps.append(ChainStep(name: name, processor: processor))
            } catch {
                report("\(name): \(error)")
            }
            provided.formUnion(factory.provides)
        }
        guard errors.isEmpty else { throw ConfigurationErrors(errors) }
        models.trim()
        let hash = SHA256.hex(Array(names.joined(separator: ",").utf8))
        return Chain(
            steps: steps,
            identity: ChainIdentity(configHash: "sha256:\(hash)", generation: 1),
            includeText: includeText
        )
    }

    /// What makes one step's processor.
    private typealias Maker = @Sendable () throws -> any Processor

    /// Runs each step's maker at once on the machine's cores, so that the processors' models
    /// (the language tables, the entity taggers, the sentiment lexicons) load side by side:
    /// the default chain's load drops from the sum of its models' times to about the
    /// longest. Results come back in step order; `nil` stays `nil` (an unknown processor).
    ///
    /// - Parameter makers: Per step, what makes its processor, or `nil`.
    /// - Returns: Per step, the processor or what making it threw.
    private static func make(_ makers: [Maker?]) -> [Result<any Processor, any Error>?] {
        let results = Mutex<[Result<any Processor, any Error>?]>(Array(repeating: nil, count: makers.count))
        DispatchQueue.concurrentPerform(iterations: makers.count) { index in
            guard let maker = makers[index] else { return }
            let result = Result { try maker() }
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0 }
    }

    private func unknownProcessorMessage(_ name: String) -> String {
        if let guess = Spelling.suggestion(for: name, among: registry.names) {
            return "unknown processor '\(name)' (did you mean '\(guess)'?)"
        }
        return "unknown processor '\(name)'; available: \(registry.names.joined(separator: ", "))"
    }
}
