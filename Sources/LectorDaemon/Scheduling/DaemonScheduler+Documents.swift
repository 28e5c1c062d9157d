import LectorCore

extension DaemonScheduler {
    /// Queues a name seen in the inbox, unless it is ignored or already known. A name this
    /// daemon holds already (in flight, waiting for a retry) is remembered and queued again
    /// when that entry is done, so a re-drop is not left for the next rescan.
    mutating func enqueue(_ name: FileName, now: ContinuousClock.Instant) {
        guard !name.isIgnored, phase != .draining, !claiming.contains(name) else { return }
        if holds(name) || waiting[name] != nil || ready.contains(name) {
            seenAgain.insert(name)
            return
        }
        if pending.append(name), discovered[name] == nil {
            discovered[name] = now
        }
    }

    /// Takes over documents of dead siblings; a name this daemon is finishing right now
    /// waits until that is done.
    mutating func adopt(_ names: [FileName]) {
        for name in names {
            if holds(name) {
                heldAgain.insert(name)
            } else {
                ready.append(name)
            }
        }
    }

    mutating func claimed(
        _ name: FileName,
        _ result: SchedulerEvent.ClaimResult,
        now: ContinuousClock.Instant,
        into actions: inout [SchedulerAction]
    ) {
        guard claiming.remove(name) != nil else { return }
        switch result {
        case .claimed:
            dispatch(name, into: &actions)
        case .gone:
            discovered[name] = nil
        case .tooYoung(let seconds):
            wait(name, for: .seconds(max(seconds, 0.01)), isClaimed: false, now: now)
        case .busy:
            // Open for writing: its close reports it; look again in a second all the same.
            wait(name, for: .seconds(1), isClaimed: false, now: now)
        case .failed(let reason, let transient):
            lastError = "cannot claim \(name): \(reason)"
            if transient { wait(name, for: .seconds(1), isClaimed: false, now: now) }
        }
    }

    mutating func dispatch(_ name: FileName, into actions: inout [SchedulerAction]) {
        inFlight.insert(name)
        let attempt = (attempts[name] ?? 0) + 1
        attempts[name] = attempt
        actions.append(.dispatch(name, attempt: attempt))
    }

    mutating func finished(
        _ name: FileName,
        _ result: SchedulerEvent.DocumentResult,
        now: ContinuousClock.Instant,
        into actions: inout [SchedulerAction]
    ) {
        guard inFlight.remove(name) != nil || committing.remove(name) != nil else { return }
        committing.remove(name)
        switch result {
        case .written:
            processed += 1
            if let discovered = discovered[name] { latencies.record((now - discovered).inMilliseconds) }
            if blockedReason != nil {
                blockedReason = nil
                actions.append(.spoolResumed)
            }
            forget(name, now: now)
        case .failed(let reason):
            failed += 1
            lastError = "\(name): \(reason)"
            forget(name, now: now)
        case .vanished:
            forget(name, now: now)
        case .retry(let reason, let spoolBlocked):
            retries += 1
            lastError = "\(name): \(reason)"
            if spoolBlocked, blockedReason == nil {
                blockedReason = reason
                actions.append(.spoolBlocked(reason))
            }
            let attempt = attempts[name] ?? 1
            let delay = Duration.seconds(settings.retryPolicy.delay(afterAttempt: attempt))
            actions.append(.retry(name, reason: reason, delay: delay, attempt: attempt))
            wait(name, for: delay, isClaimed: true, now: now)
        }
    }

    /// Holds a name back for a while; then it is queued again (events meanwhile are
    /// absorbed), or, when claimed, started again.
    private mutating func wait(_ name: FileName, for delay: Duration, isClaimed: Bool, now: ContinuousClock.Instant) {
        waiting[name] = Wait(due: now + delay, isClaimed: isClaimed)
    }

    private mutating func forget(_ name: FileName, now: ContinuousClock.Instant) {
        attempts[name] = nil
        discovered[name] = nil
        if seenAgain.remove(name) != nil { enqueue(name, now: now) }
        if heldAgain.remove(name) != nil { ready.append(name) }
    }
}
