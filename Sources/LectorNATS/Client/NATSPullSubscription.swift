import CNATS
import Glibc

/// One pull subscription on a durable consumer. Fetches on one subscription must not
/// overlap, so each worker has its own; they all share the consumer, which hands each
/// message to one of them.
public final class NATSPullSubscription: @unchecked Sendable {
    private let subscription: OpaquePointer
    private let connection: NATSConnection

    /// Subscribes to a durable pull consumer (``NATSConnection/ensureConsumer(_:stream:subject:ackWait:maxDeliver:maxAckPending:)``
    /// makes sure it exists).
    ///
    /// - Parameters:
    ///   - connection: The connection.
    ///   - stream: The stream.
    ///   - subject: The subjects the consumer takes.
    ///   - consumer: The durable consumer's name.
    /// - Throws: ``NATSError``.
    public init(_ connection: NATSConnection, stream: String, subject: String, consumer: String) throws(NATSError) {
        var options = jsSubOptions()
        jsSubOptions_Init(&options)
        var subscription: OpaquePointer?
        var code = jsErrCode(0)
        // Bound to a consumer the library did not create, so that no subscription's end
        // deletes the consumer the other daemons share.
        let status = stream.withCString { cStream in
            consumer.withCString { cConsumer in
                options.Stream = cStream
                options.Consumer = cConsumer
                return js_PullSubscribe(&subscription, connection.jetStream, subject, cConsumer, nil, &options, &code)
            }
        }
        try check(status, code: code, "cannot bind consumer \(consumer) on stream \(stream)")
        guard let subscription else { throw NATSError(NATS_ERR, "cannot bind consumer \(consumer)") }
        self.subscription = subscription
        self.connection = connection
    }

    deinit { natsSubscription_Destroy(subscription) }

    /// Up to `batch` messages, waiting at most `timeout` seconds; none when nothing came.
    ///
    /// - Throws: ``NATSError`` for anything but a timeout (the connection is away, the
    ///   consumer was deleted).
    public func fetch(batch: Int, timeout: Double) throws(NATSError) -> [NATSMessage] {
        var list = natsMsgList()
        var code = jsErrCode(0)
        let status = natsSubscription_Fetch(&list, subscription, Int32(batch), Int64(timeout * 1_000), &code)
        if status == NATS_TIMEOUT { return [] }
        try check(status, code: code, "fetch")
        var messages: [NATSMessage] = []
        if let pointers = list.Msgs {
            for index in 0..<Int(list.Count) {
                if let message = pointers[index] {
                    messages.append(NATSMessage(taking: message))
                    pointers[index] = nil
                }
            }
        }
        natsMsgList_Destroy(&list)
        return messages
    }
}
