import Dispatch
public import LectorConfig
public import LectorPipeline
public import Logging

extension Daemon {
    /// The scheduler's `startReload` (SIGHUP; the scheduler coalesces them), on the
    /// control queue: parses and builds the new chain off the control queue, so documents
    /// keep flowing on the old chain meanwhile.
    func startReload() {
        notifier.send(
            "RELOADING=1\nMONOTONIC_USEC=\(SystemdNotifier.monotonicMicroseconds)\nSTATUS=reloading \(configPath)"
        )
        let nextGeneration = state.value.chain.identity.generation + 1
        let path = configPath
        let builder = builder
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
        switch outcome {
        case .success(let (configuration, chain)):
            var applied = configuration
            applied.spool = Self.reloadedSpool(configuration.spool, running: state.value.configuration.spool, logger)
            if let timer = state.value.rescanTimer,
                applied.spool?.rescanInterval != state.value.configuration.spool?.rescanInterval
            {
                Self.schedule(timer, every: applied.spool?.rescanInterval)
            }
            state.value.configuration = applied
            state.value.chain = chain
            Self.logReloaded(chain, logger: logger)
            notifier.send("READY=1\nSTATUS=\(statusLine())")
            send(.reloadFinished(Self.schedulerSettings(applied)))
        case .failure(let errors):
            let first = Self.logRejected(errors, logger: logger)
            state.value.scheduler.lastError = "reload rejected: \(first)"
            notifier.send(
                "READY=1\nSTATUS=reload rejected, still on generation \(state.value.chain.identity.generation): \(first)"
            )
            send(.reloadFinished(nil))
        }
    }

    /// The spool settings a reload puts in force: the new `min_age`, `min_free_space` and
    /// `rescan_interval`, in the running folders. A changed folder waits for a restart, with a
    /// warning: documents held in the old folders would be stranded.
    ///
    /// - Parameters:
    ///   - new: The reloaded file's spool settings.
    ///   - running: The settings in force.
    ///   - logger: Where the warning goes.
    /// - Returns: The settings to run with.
    static func reloadedSpool(
        _ new: SpoolConfiguration?,
        running: SpoolConfiguration?,
        _ logger: Logger
    ) -> SpoolConfiguration? {
        guard let new, var kept = running else { return running }
        if (new.inbox, new.outbox, new.failed, new.archive) != (kept.inbox, kept.outbox, kept.failed, kept.archive) {
            logger.warning("spool folders changed in config.yaml; they take effect at the next restart")
        }
        kept.minAge = new.minAge
        kept.minFreeSpace = new.minFreeSpace
        kept.rescanInterval = new.rescanInterval
        return kept
    }

    /// Sets the rescan timer's period: `rescan_interval`, or its default.
    ///
    /// - Parameters:
    ///   - timer: The rescan timer.
    ///   - interval: `rescan_interval` in seconds, or `nil` for the default.
    static func schedule(_ timer: any DispatchSourceTimer, every interval: Double?) {
        let interval = interval ?? SpoolConfiguration.defaultRescanInterval
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(Int(interval * 30)))
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
