import Foundation
import LectorConfig
import LectorCore
import LectorPipeline
import Logging
import Synchronization

extension NATSDaemon {
    /// How one message ended.
    enum Outcome {
        /// Published (or found already published) and acknowledged.
        case written(duplicate: Bool)
        /// On the failed subject and acknowledged.
        case failed
        /// Not acknowledged: the server delivers it again after the delay.
        case retry(String)
    }

    /// A worker: fetches, processes and acknowledges until the drain begins.
    func work(_ subscription: NATSPullSubscription) {
        var delay = 0.1
        var warned = false
        while !state.withLock({ $0.draining }) {
            let messages: [NATSMessage]
            do {
                messages = try subscription.fetch(batch: Self.batch, timeout: Self.fetchTimeout)
                delay = 0.1
                if warned {
                    warned = false
                    logger.notice("fetching again")
                }
            } catch {
                // The server is away or electing a leader: claims pause, nothing is acked.
                if !warned { logger.warning("cannot fetch; retrying", metadata: ["error": "\(error)"]) }
                warned = true
                state.withLock { $0.lastError = "fetch: \(error)" }
                Thread.sleep(forTimeInterval: delay)
                delay = min(delay * 2, 5)
                continue
            }
            for message in messages {
                heartbeats.add(message)
                state.withLock { $0.inFlight += 1 }
                let started = ContinuousClock.now
                let outcome = handle(message)
                heartbeats.remove(message)
                record(outcome, message: message, elapsed: ContinuousClock.now - started)
            }
        }
        let left = workersRunning.withLock { count in
            count -= 1
            return count
        }
        if left == 0 { control.async { [self] in finishDrain() } }
    }

    private func record(_ outcome: Outcome, message: NATSMessage, elapsed: Duration) {
        state.withLock { state in
            state.inFlight -= 1
            switch outcome {
            case .written(let duplicate):
                state.processed += 1
                if duplicate { state.duplicates += 1 }
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
            messageID: message.header("Nats-Msg-Id"),
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
        var duplicate = false
        do {
            if let publisher {
                duplicate = try publisher.published(json, id: document.id, generation: chain.identity.generation)
            }
            if let outbox { try writeFile(json, id: document.id, folder: outbox) }
        } catch {
            return retry(message, "cannot write the output: \(error)")
        }
        return acknowledge(message, .written(duplicate: duplicate))
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
            time: Date()
        )
        let id = record.objectValue?["id"]?.stringValue ?? "\(input.stream)-\(message.streamSequence)"
        do {
            let publish = { [connection, input] () throws(NATSError) in
                try connection.publish(
                    failure.encoded(),
                    to: input.failedSubject,
                    messageID: NATSDocuments.messageID(id)
                )
            }
            _ = try connection.retrying(giveUp: { state.withLock { $0.draining } }, publish)
        } catch {
            return retry(message, "cannot publish to the failed subject: \(error)")
        }
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

    private func retry(_ message: NATSMessage, _ reason: String) -> Outcome {
        let delay = min(Double(1 << min(message.deliveries, 5)) * 0.25, input.ackWait)
        try? message.reject(after: delay)
        return .retry(reason)
    }

    /// Writes `FOLDER/ID.json` atomically (temp file, fsync, rename): a redelivery of the
    /// same document replaces it with the same content.
    private func writeFile(_ json: [UInt8], id: String, folder: String) throws {
        let name = NATSDocuments.subject("{id}", id: id) + ".json"
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
        try Data(json).write(to: url, options: .atomic)
    }
}
