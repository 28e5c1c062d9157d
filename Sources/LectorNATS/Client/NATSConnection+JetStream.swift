import CNATS
import Glibc

/// How long a stream keeps messages.
public enum NATSRetention: Sendable {
    /// Until a consumer acknowledges them (an input queue).
    case workQueue
    /// Until limits (age, count, size) remove them (outputs, failures).
    case limits
}

/// What a stream holds now.
public struct NATSStreamState: Sendable, Equatable {
    /// Messages kept.
    public var messages: UInt64
    /// The first sequence kept.
    public var firstSequence: UInt64
    /// The last sequence stored.
    public var lastSequence: UInt64
    /// The subjects the stream takes.
    public var subjects: [String]
    /// How long it remembers message ids, in seconds.
    public var duplicateWindow: Double
}

/// A durable consumer's counts, as the server keeps them.
public struct NATSConsumerState: Sendable, Equatable {
    /// Messages not yet delivered.
    public var pending: UInt64
    /// Messages delivered and not yet acknowledged.
    public var ackPending: Int64
    /// Messages delivered more than once and not yet acknowledged.
    public var redelivered: Int64
    /// Fetch requests waiting for messages.
    public var waiting: Int64
    /// Deliveries made so far, redeliveries included.
    public var delivered: UInt64
}

/// The server's answer to a publish.
public struct NATSPublishAck: Sendable, Equatable {
    /// The stream that stored the message.
    public var stream: String
    /// Its sequence there.
    public var sequence: UInt64
    /// The message id was seen within the stream's duplicate window: nothing was stored.
    public var duplicate: Bool
}

extension NATSConnection {
    /// Binds to a stream, creating it when absent.
    ///
    /// - Parameters:
    ///   - name: The stream's name.
    ///   - subjects: The subjects it takes, when created.
    ///   - retention: Its retention, when created.
    ///   - replicas: Its replicas, when created.
    ///   - duplicateWindow: Seconds message ids are remembered, when created (0: the
    ///     server's default, two minutes).
    /// - Returns: Whether it was created now, and its state.
    /// - Throws: ``NATSError``.
    @discardableResult
    public func ensureStream(
        _ name: String,
        subjects: [String],
        retention: NATSRetention,
        replicas: Int,
        duplicateWindow: Double = 0
    ) throws(NATSError) -> (created: Bool, state: NATSStreamState) {
        do {
            return (false, try streamState(name))
        } catch  where error.isNotFound {
            // Create it below.
        }
        var config = jsStreamConfig()
        jsStreamConfig_Init(&config)
        let cName = strdup(name)
        var cSubjects = subjects.map { UnsafePointer(strdup($0)) }
        defer {
            free(cName)
            cSubjects.forEach { free(UnsafeMutablePointer(mutating: $0)) }
        }
        config.Name = UnsafePointer(cName)
        config.Retention = retention == .workQueue ? js_WorkQueuePolicy : js_LimitsPolicy
        config.Storage = js_FileStorage
        config.Replicas = Int64(replicas)
        if duplicateWindow > 0 { config.Duplicates = Int64(duplicateWindow * 1e9) }
        var info: UnsafeMutablePointer<jsStreamInfo>?
        var code = jsErrCode(0)
        let status = cSubjects.withUnsafeMutableBufferPointer { buffer in
            config.Subjects = buffer.baseAddress
            config.SubjectsLen = Int32(buffer.count)
            return js_AddStream(&info, jetStream, &config, nil, &code)
        }
        if let info { jsStreamInfo_Destroy(info) }
        if status != NATS_OK {
            // Another daemon may have created it meanwhile.
            if let state = try? streamState(name) { return (false, state) }
            throw NATSError(status, code: code, "cannot create stream \(name) for \(subjects.joined(separator: ", "))")
        }
        return (true, try streamState(name))
    }

    /// A stream's state.
    ///
    /// - Parameter name: The stream.
    /// - Returns: Its counts and subjects.
    /// - Throws: ``NATSError`` (``NATSError/isNotFound`` when it does not exist).
    public func streamState(_ name: String) throws(NATSError) -> NATSStreamState {
        var info: UnsafeMutablePointer<jsStreamInfo>?
        var code = jsErrCode(0)
        try check(js_GetStreamInfo(&info, jetStream, name, nil, &code), code: code, "stream \(name)")
        guard let info else { throw NATSError(NATS_NOT_FOUND, "stream \(name)") }
        defer { jsStreamInfo_Destroy(info) }
        var subjects: [String] = []
        if let config = info.pointee.Config, let list = config.pointee.Subjects {
            for index in 0..<Int(config.pointee.SubjectsLen) {
                if let subject = list[index] { subjects.append(String(cString: subject)) }
            }
        }
        let state = info.pointee.State
        return NATSStreamState(
            messages: state.Msgs,
            firstSequence: state.FirstSeq,
            lastSequence: state.LastSeq,
            subjects: subjects,
            duplicateWindow: Double(info.pointee.Config?.pointee.Duplicates ?? 0) / 1e9
        )
    }

    /// Creates a durable pull consumer, or checks and updates one that exists: it must be a
    /// pull consumer with explicit acks on the same subjects (else a clear error); its
    /// ack wait, delivery limit and ack-pending limit are set to these when they differ.
    ///
    /// - Parameters:
    ///   - consumer: Its name.
    ///   - stream: The stream.
    ///   - subject: The subjects it takes.
    ///   - ackWait: Seconds before an unacknowledged message is delivered again.
    ///   - maxDeliver: Lector's own delivery limit; the server's must not stop first.
    ///   - maxAckPending: The most messages out and unacknowledged at once.
    /// - Returns: The ack wait in force, in seconds (the server's, if it kept its own).
    /// - Throws: ``NATSError``; ``NATSError/isPermanent`` when the consumer exists and
    ///   cannot serve (another filter, a push consumer, no explicit acks).
    @discardableResult
    public func ensureConsumer(
        _ consumer: String,
        stream: String,
        subject: String,
        ackWait: Double,
        maxDeliver: Int,
        maxAckPending: Int
    ) throws(NATSError) -> Double {
        var existing: UnsafeMutablePointer<jsConsumerInfo>?
        var code = jsErrCode(0)
        let lookup = js_GetConsumerInfo(&existing, jetStream, stream, consumer, nil, &code)
        defer { if let existing { jsConsumerInfo_Destroy(existing) } }
        let wanted = Int64(ackWait * 1e9)
        if lookup == NATS_OK, let config = existing?.pointee.Config?.pointee {
            let filter = config.FilterSubject.map { String(cString: $0) } ?? ""
            var problem: String?
            if config.DeliverSubject != nil {
                problem = "is a push consumer"
            } else if config.AckPolicy != js_AckExplicit {
                problem = "does not use explicit acks"
            } else if filter != subject {
                problem = "takes '\(filter)', not '\(subject)'"
            }
            if let problem {
                throw NATSError(
                    NATS_MISMATCH,
                    "consumer \(consumer) on stream \(stream) \(problem); delete it or name another consumer"
                )
            }
            let serverStopsFirst = config.MaxDeliver > 0 && config.MaxDeliver <= Int64(maxDeliver)
            guard config.AckWait != wanted || serverStopsFirst || config.MaxAckPending != Int64(maxAckPending) else {
                return ackWait
            }
            var updated = config
            updated.AckWait = wanted
            updated.MaxDeliver = -1
            updated.MaxAckPending = Int64(maxAckPending)
            var info: UnsafeMutablePointer<jsConsumerInfo>?
            let status = js_UpdateConsumer(&info, jetStream, stream, &updated, nil, &code)
            if let info { jsConsumerInfo_Destroy(info) }
            if status == NATS_OK { return ackWait }
            if serverStopsFirst {
                throw NATSError(
                    NATS_MISMATCH,
                    "consumer \(consumer) stops delivering after \(config.MaxDeliver) tries, before max_deliver (\(maxDeliver)), and cannot be updated"
                )
            }
            return Double(config.AckWait) / 1e9
        }
        var config = jsConsumerConfig()
        jsConsumerConfig_Init(&config)
        var info: UnsafeMutablePointer<jsConsumerInfo>?
        let status = consumer.withCString { cConsumer in
            subject.withCString { cSubject in
                config.Durable = cConsumer
                config.AckPolicy = js_AckExplicit
                config.AckWait = wanted
                // Lector counts deliveries itself and sends a message that keeps failing to
                // the failed subject, so the server never silently gives up on one.
                config.MaxDeliver = -1
                config.MaxAckPending = Int64(maxAckPending)
                config.FilterSubject = cSubject
                return js_AddConsumer(&info, jetStream, stream, &config, nil, &code)
            }
        }
        if let info { jsConsumerInfo_Destroy(info) }
        if status != NATS_OK, (try? consumerState(consumer, stream: stream)) == nil {
            throw NATSError(status, code: code, "cannot create consumer \(consumer) on stream \(stream)")
        }
        return ackWait
    }

    /// A durable consumer's counts.
    ///
    /// - Parameters:
    ///   - consumer: The consumer.
    ///   - stream: Its stream.
    /// - Returns: Its counts.
    /// - Throws: ``NATSError``.
    public func consumerState(_ consumer: String, stream: String) throws(NATSError) -> NATSConsumerState {
        var info: UnsafeMutablePointer<jsConsumerInfo>?
        var code = jsErrCode(0)
        try check(
            js_GetConsumerInfo(&info, jetStream, stream, consumer, nil, &code),
            code: code,
            "consumer \(consumer) of stream \(stream)"
        )
        guard let info else { throw NATSError(NATS_NOT_FOUND, "consumer \(consumer)") }
        defer { jsConsumerInfo_Destroy(info) }
        return NATSConsumerState(
            pending: info.pointee.NumPending,
            ackPending: info.pointee.NumAckPending,
            redelivered: info.pointee.NumRedelivered,
            waiting: info.pointee.NumWaiting,
            delivered: info.pointee.Delivered.Consumer
        )
    }

    /// Publishes to a stream's subject and waits for the server to store it.
    ///
    /// - Parameters:
    ///   - data: The body.
    ///   - subject: The subject.
    ///   - messageID: `Nats-Msg-Id`: within the stream's duplicate window a second publish
    ///     with the same id is acknowledged and dropped.
    ///   - headers: More headers.
    /// - Returns: The server's acknowledgement.
    /// - Throws: ``NATSError`` (a timeout means it may or may not be stored: publish again
    ///   with the same id).
    @discardableResult
    public func publish(
        _ data: [UInt8],
        to subject: String,
        messageID: String?,
        headers: [(String, String)] = []
    ) throws(NATSError) -> NATSPublishAck {
        var message: OpaquePointer?
        let created = data.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                natsMsg_Create(&message, subject, nil, $0.baseAddress, Int32($0.count))
            }
        }
        try check(created, "cannot make a message for \(subject)")
        guard let message else { throw NATSError(NATS_NO_MEMORY, "cannot make a message") }
        defer { natsMsg_Destroy(message) }
        for (key, value) in headers {
            try check(natsMsgHeader_Set(message, key, value), "header \(key)")
        }
        var options = jsPubOptions()
        jsPubOptions_Init(&options)
        options.MaxWait = Int64(Self.requestTimeout * 1_000)
        var ack: UnsafeMutablePointer<jsPubAck>?
        var code = jsErrCode(0)
        let status: natsStatus
        if let messageID {
            status = messageID.withCString { id in
                options.MsgId = id
                return js_PublishMsg(&ack, jetStream, message, &options, &code)
            }
        } else {
            status = js_PublishMsg(&ack, jetStream, message, &options, &code)
        }
        try check(status, code: code, "publish to \(subject)")
        guard let ack else { throw NATSError(NATS_ERR, "publish to \(subject): no acknowledgement") }
        defer { jsPubAck_Destroy(ack) }
        return NATSPublishAck(
            stream: ack.pointee.Stream.map { String(cString: $0) } ?? "",
            sequence: ack.pointee.Sequence,
            duplicate: ack.pointee.Duplicate
        )
    }

    /// A stored message by its sequence, or `nil` when it was removed.
    ///
    /// - Parameters:
    ///   - sequence: The sequence.
    ///   - stream: The stream.
    ///   - keys: The headers to return.
    /// - Returns: The headers asked for, the body, and when the stream stored it
    ///   (nanoseconds since the epoch).
    /// - Throws: ``NATSError`` for anything but a missing message.
    public func storedMessage(
        _ sequence: UInt64,
        in stream: String,
        headers keys: [String] = []
    ) throws(NATSError) -> (headers: [String: String], data: [UInt8], storedAt: Int64)? {
        var message: OpaquePointer?
        var code = jsErrCode(0)
        let status = js_GetMsg(&message, jetStream, stream, sequence, nil, &code)
        if status == NATS_NOT_FOUND || code == JSNoMessageFoundErr { return nil }
        try check(status, code: code, "message \(sequence) of stream \(stream)")
        guard let message else { return nil }
        defer { natsMsg_Destroy(message) }
        var found: [String: String] = [:]
        for key in keys {
            var value: UnsafePointer<CChar>?
            if natsMsgHeader_Get(message, key, &value) == NATS_OK, let value { found[key] = String(cString: value) }
        }
        let length = Int(natsMsg_GetDataLength(message))
        var data: [UInt8] = []
        if length > 0, let pointer = natsMsg_GetData(message) {
            data = pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                Array(UnsafeBufferPointer(start: $0, count: length))
            }
        }
        return (found, data, natsMsg_GetTime(message))
    }
}

extension NATSConsumerState {
    /// The counts as Prometheus gauges (`lector_nats_consumer_*{consumer, stream}`), with
    /// their HELP and TYPE lines: what the daemon adds to `metrics_file` and what
    /// `lector status --prometheus` prints.
    ///
    /// - Parameters:
    ///   - consumer: The consumer's name.
    ///   - stream: Its stream.
    /// - Returns: The exposition text, one gauge after another.
    public func prometheus(consumer: String, stream: String) -> String {
        let label = "consumer=\"\(consumer)\",stream=\"\(stream)\""
        let gauges: [(String, String, Int)] = [
            ("pending", "Messages not yet delivered.", Int(clamping: pending)),
            ("ack_pending", "Messages delivered and not yet acknowledged.", Int(ackPending)),
            ("redelivered", "Messages delivered more than once, not yet acknowledged.", Int(redelivered)),
            ("waiting", "Fetch requests waiting for messages.", Int(waiting)),
            ("delivered", "Deliveries made so far, redeliveries included.", Int(clamping: delivered)),
        ]
        return gauges.map { key, help, value in
            let name = "lector_nats_consumer_\(key)"
            return "# HELP \(name) \(help)\n# TYPE \(name) gauge\n\(name){\(label)} \(value)\n"
        }
        .joined()
    }
}
