import Foundation
import LectorConfig
import LectorCore
import LectorDaemon
import LectorPipeline
import LectorSystem
import Logging
import Synchronization

extension NATSDaemon {
    /// How one message ended.
    enum Outcome {
        /// Published (or found already published) and acknowledged.
        case written
        /// On the failed subject and acknowledged.
        case failed
        /// Not acknowledged: the server delivers it again after the delay.
        case retry(String)
    }

    /// A worker: fetches, processes and acknowledges until the drain begins.
    ///
    /// Every fetched message gets heartbeats at once (not only the one being processed), so
    /// none of a batch runs out its deadline behind a slow one. While the connection is
    /// down nothing is fetched; when the consumer has gone (deleted by hand), it is created
    /// again and the worker subscribes anew.
    func work(_ first: NATSPullSubscription) {
        var subscription = first
        let backoff = RetryPolicy(initial: 0.1, maximum: 5)
        var failures = 0
        var warned = false
        while !state.withLock({ $0.shutdown.isDraining }) {
            guard connection.isConnected else {
                clock.sleep(for: .milliseconds(100))
                continue
            }
            let messages: [NATSMessage]
            do {
                messages = try subscription.fetch(batch: Self.batch, timeout: Self.fetchTimeout)
                failures = 0
                if warned {
                    warned = false
                    logger.notice("fetching again")
                }
            } catch {
                // The server is away or electing a leader: claims pause, nothing is acked.
                if !warned { logger.warning("cannot fetch; retrying", metadata: ["error": "\(error)"]) }
                warned = true
                state.withLock { $0.lastError = "fetch: \(error)" }
                if error.isNotFound || error.message.contains("deleted"), let renewed = try? subscribe() {
                    subscription = renewed
                    logger.notice("consumer bound again", metadata: ["nats.consumer": "\(input.consumer)"])
                }
                failures += 1
                clock.sleep(for: .seconds(backoff.delay(afterAttempt: failures)))
                continue
            }
            for message in messages { heartbeats.add(message) }
            state.withLock { $0.inFlight += messages.count }
            for message in messages {
                let outcome = handle(message)
                heartbeats.remove(message)
                record(outcome, message: message)
            }
        }
        let left = workersRunning.withLock { count in
            count -= 1
            return count
        }
        if left == 0 { control.async { [self] in finishDrain() } }
    }

    private func record(_ outcome: Outcome, message: NATSMessage) {
        state.withLock { state in
            state.inFlight -= 1
            switch outcome {
            case .written:
                state.processed += 1
                if message.storedAt > 0 {
                    state.latencies.record(max(0, clock.wallTime * 1e3 - Double(message.storedAt) / 1e6))
                }
            case .failed: state.failed += 1
            case .retry(let reason):
                state.retries += 1
                state.lastError = reason
            }
        }
        if case .retry(let reason) = outcome {
            logger.warning(
                "document will be delivered again",
                metadata: ["reason": "\(reason)", "nats.sequence": "\(message.streamSequence)"]
            )
        }
    }

    /// Processes one message: a document, its output published and written, then the ack.
    func handle(_ message: NATSMessage) -> Outcome {
        let (chain, maximumBytes) = state.withLock { ($0.chain, $0.configuration.maxBytes) }
        let decoded = NATSDocuments.document(
            body: message.data,
            messageID: message.messageID,
            stream: input.stream,
            sequence: message.streamSequence,
            maximumBytes: maximumBytes
        )
        let document: Document
        switch decoded {
        case .failure(let rejected):
            return setAside(
                message,
                DocumentEncoder.inputErrorRecord(id: rejected.id, error: rejected.error),
                chain: chain
            )
        case .success(let read): document = read
        }
        if message.deliveries > input.maxDeliver {
            let error = DocumentInputError(
                code: "max_deliver",
                message: "delivered \(message.deliveries) times without finishing (max_deliver: \(input.maxDeliver))"
            )
            return setAside(message, DocumentEncoder.inputErrorRecord(id: document.id, error: error), chain: chain)
        }
        let result = chain.run(document, logger: logger)
        if result.failure != nil {
            return setAside(message, DocumentEncoder.failureRecord(result), chain: chain)
        }
        let json = DocumentEncoder.json(result, includeText: chain.includeText).encoded()
        let unstored = persisting(message, "write the output") { () throws in
            try publisher?.publish(
                json,
                id: document.id,
                generation: chain.identity.generation,
                inputStoredAt: message.storedAt,
                giveUp: { state.withLock { $0.shutdown.isDraining } }
            )
            if let outbox { try Self.writeFile(json, id: document.id, folder: outbox) }
        }
        if let unstored { return unstored }
        return acknowledge(message, .written)
    }

    /// Publishes the error record and the input to the failed subject, then acknowledges.
    private func setAside(_ message: NATSMessage, _ record: JSONValue, chain: Chain) -> Outcome {
        let failure = NATSDocuments.failureMessage(
            record,
            body: message.data,
            subject: message.subject,
            stream: input.stream,
            sequence: message.streamSequence,
            deliveries: message.deliveries,
            generation: chain.identity.generation,
            daemon: daemonID,
            time: Date(timeIntervalSince1970: clock.wallTime)
        )
        let id = record.objectValue?["id"]?.stringValue ?? "\(input.stream)-\(message.streamSequence)"
        let unpublished = persisting(message, "publish to the failed subject") { () throws in
            try connection.publish(failure.encoded(), to: input.failedSubject, messageID: NATSDocuments.messageID(id))
        }
        if let unpublished { return unpublished }
        let reason = record.objectValue?["error"]?.objectValue?["message"]?.stringValue ?? "failed"
        logger.warning("document failed", metadata: ["document.id": "\(id)", "reason": "\(reason)"])
        return acknowledge(message, .failed)
    }

    private func acknowledge(_ message: NATSMessage, _ outcome: Outcome) -> Outcome {
        do {
            try message.acknowledge()
        } catch {
            // The output is stored; a redelivery republishes it with the same id, which the
            // stream drops, and acknowledges then.
            logger.warning("ack not confirmed", metadata: ["error": "\(error)"])
        }
        return outcome
    }

    /// Runs a write until it succeeds, keeping the message (its heartbeats go on) rather
    /// than handing it back: an output or failed stream that is away, or a full disk,
    /// pauses this worker instead of using up the message's deliveries. On drain the
    /// message goes back to the server at once, unacknowledged.
    ///
    /// - Returns: `nil` once written; on drain, the outcome to report.
    private func persisting(_ message: NATSMessage, _ what: String, _ body: () throws -> Void) -> Outcome? {
        let backoff = RetryPolicy(initial: 0.1, maximum: 5)
        var failures = 0
        var warned = false
        while true {
            do {
                try body()
                if warned { logger.notice("writing again", metadata: ["nats.sequence": "\(message.streamSequence)"]) }
                return nil
            } catch {
                let reason = "cannot \(what): \(error)"
                if state.withLock({ $0.shutdown.isDraining }) {
                    try? message.reject(after: 0)
                    return .retry(reason)
                }
                if !warned { logger.warning("output blocked; retrying", metadata: ["error": "\(reason)"]) }
                warned = true
                state.withLock {
                    $0.lastError = reason
                    $0.retries += 1
                }
                failures += 1
                clock.sleep(for: .seconds(backoff.delay(afterAttempt: failures)))
            }
        }
    }

    /// Writes `FOLDER/ID.json` durably: temp file, fsync, rename, fsync of the folder. A
    /// redelivery of the same document replaces it with the same content.
    static func writeFile(_ json: [UInt8], id: String, folder: String) throws {
        let directory = FilePath(folder)
        let name = FileName(NATSDocuments.subject("{id}", id: id) + ".json")
        try SystemCalls.writeAtomically(json, to: directory.appending(name))
    }
}
