import LectorConfig
import LectorPipeline
import Logging

extension Daemon {
    /// The periodic safety net, on the control queue (at start and at every rescan): takes
    /// over the work of sibling daemons that died, removes their temp and status files, and
    /// warns when a live sibling runs another configuration.
    ///
    /// The outbox, `failed/` and `archive/` are listed for temp files only at start-up and
    /// when a dead daemon's work folder was taken over: a daemon leaves temp files only while
    /// it holds documents, so a live spool is not listed whole at every rescan.
    ///
    /// - Parameter startUp: Whether this daemon is starting.
    func maintain(startUp: Bool = false) {
        let now = clock.wallTime
        let recovered = spool.adoptAbandonedWork(now: now)
        for path in recovered.stuck {
            logger.warning("cannot recover a document; it stays for a later scan", metadata: ["path": "\(path)"])
        }
        let removed =
            startUp || !recovered.folders.isEmpty
            ? spool.removeStaleTemporaries(takenOver: recovered.folders, now: now) : 0
        if !recovered.adopted.isEmpty || removed > 0 {
            logger.notice(
                "recovered work of stopped daemons",
                metadata: ["documents": "\(recovered.adopted.count)", "temporaries_removed": "\(removed)"]
            )
        }
        StatusReader.removeStaleStatuses(layout: spool.layout, olderThan: 60, now: now)
        checkSiblings()
        // A name this daemon is finishing right now waits until that is done.
        send(.adopted(recovered.adopted))
    }

    /// Every second, on the control queue: stops the daemon when its inbox is gone, and
    /// makes the work folder again when only `inbox/.lector` went, so that siblings and
    /// `lector status` see the daemon alive at once rather than at the next claim. A failure
    /// to make it is logged when it first happens.
    ///
    /// inotify reports a moved inbox at once, but not always a removed one: while a file
    /// under it is open (the work folder's lock), the folder is not freed, and no
    /// `IN_DELETE_SELF` comes.
    func keepWorkFolder() {
        // Not while draining: a drain may be the inbox's removal, whose path must stay gone.
        guard state.value.scheduler.phase == .running else { return }
        switch spool.inboxState {
        case .same: break
        case .gone:
            stopForLostInbox()
            return
        case .unknown:
            return
        }
        do {
            if try spool.restoreWorkFolderIfGone() {
                logger.warning(
                    "the work folder was removed under the daemon; made again",
                    metadata: ["path": "\(spool.workFolder)"]
                )
            }
            state.value.workFolderError = nil
        } catch {
            guard state.value.workFolderError != "\(error)" else { return }
            state.value.workFolderError = "\(error)"
            logger.error(
                "cannot make the work folder again",
                metadata: ["path": "\(spool.workFolder)", "error": "\(error)"]
            )
        }
    }

    /// Two daemons sharing an inbox split its documents between them at random: when their
    /// configurations differ, outputs differ by chance. Say so once per sibling, in the log
    /// and in the status.
    private func checkSiblings() {
        let mine = state.value.chain.identity.configHash
        for sibling in StatusReader.liveStatuses(layout: spool.layout) where sibling.daemon != spool.id {
            guard sibling.config != mine, !sibling.config.isEmpty, sibling.state != "stopped",
                !state.value.warnedSiblings.contains(sibling.daemon + sibling.config)
            else { continue }
            state.value.warnedSiblings.insert(sibling.daemon + sibling.config)
            let warning =
                "daemon \(sibling.daemon) (pid \(sibling.pid)) shares this inbox with another configuration (\(sibling.config), this one \(mine)): documents go to either at random"
            state.value.warning = warning
            logger.warning(
                "sibling daemon runs another configuration",
                metadata: [
                    "sibling.daemon": "\(sibling.daemon)", "sibling.config": "\(sibling.config)", "config": "\(mine)",
                ]
            )
        }
    }
}
