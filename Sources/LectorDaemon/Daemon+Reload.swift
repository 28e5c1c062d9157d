import Dispatch
public import LectorConfig
public import LectorPipeline
public import Logging

extension Daemon {
    /// SIGHUP, on the control queue. A reload already running absorbs any number of further
    /// SIGHUPs into exactly one more reload after it, so none is lost and none is repeated.
    func requestReload() {
        guard state.value.phase != .draining else { return }
        if state.value.reloading {
            state.value.reloadAgain = true
            return
        }
        state.value.reloading = true
        notifier.send(
            "RELOADING=1\nMONOTONIC_USEC=\(SystemdNotifier.monotonicMicroseconds)\nSTATUS=reloading \(configPath)"
        )
        let nextGeneration = state.value.chain.identity.generation + 1
        let path = configPath
        let builder = builder
        // Parsing and building (which may load models) happen off the control queue, so
        // documents keep flowing on the old chain meanwhile.
        background.async { @Sendable [self] in
            let outcome: Result<(LectorConfiguration, Chain), ConfigurationErrors>
            do throws(ConfigurationErrors) {
                outcome = .success(
                    try builder.load(path: path, purpose: .daemon, generation: nextGeneration)
                )
            } catch {
                outcome = .failure(error)
            }
            control.async { @Sendable [self] in finishReload(outcome) }
        }
    }

    private func finishReload(_ outcome: Result<(LectorConfiguration, Chain), ConfigurationErrors>) {
        state.value.reloading = false
        switch outcome {
        case .success(let (configuration, chain)):
            if configuration.spool != state.value.configuration.spool {
                logger.warning("spool folders changed in config.yaml; they take effect at the next restart")
            }
            var applied = configuration
            applied.spool = state.value.configuration.spool
            state.value.configuration = applied
            state.value.chain = chain
            Self.logReloaded(chain, logger: logger)
            notifier.send("READY=1\nSTATUS=\(statusLine())")
        case .failure(let errors):
            let first = Self.logRejected(errors, logger: logger)
            state.value.lastError = "reload rejected: \(first)"
            notifier.send(
                "READY=1\nSTATUS=reload rejected, still on generation \(state.value.chain.identity.generation): \(first)"
            )
        }
        writeStatus()
        if state.value.reloadAgain {
            state.value.reloadAgain = false
            requestReload()
        }
        schedule()
    }

    /// Logs a reload that took effect: the new generation and its steps.
    ///
    /// - Parameters:
    ///   - chain: The new chain.
    ///   - logger: The daemon's logger.
    public static func logReloaded(_ chain: Chain, logger: Logger) {
        logger.notice(
            "configuration reloaded",
            metadata: [
                "config.generation": "\(chain.identity.generation)",
                "pipeline": "\(chain.steps.map(\.name).joined(separator: ","))",
            ]
        )
    }

    /// Logs each mistake of a rejected reload.
    ///
    /// - Parameters:
    ///   - errors: The mistakes.
    ///   - logger: The daemon's logger.
    /// - Returns: The first mistake, one line, for the status.
    public static func logRejected(_ errors: ConfigurationErrors, logger: Logger) -> String {
        for error in errors.errors {
            logger.error("reload rejected; keeping the running configuration", metadata: ["error": "\(error)"])
        }
        return errors.errors.first.map(\.description) ?? "invalid configuration"
    }
}
