import CNATS
import Glibc
import Synchronization

/// A message received from a JetStream pull consumer. It owns the C message and frees it
/// when released; acknowledgements are serialised by its own lock, so a heartbeat thread
/// may extend its deadline while a worker processes it.
public final class NATSMessage: @unchecked Sendable {
    private let message: OpaquePointer
    private let lock = Mutex(())
    /// The acknowledgement (ack, nak, term) has been sent; heartbeats stop.
    private var settled = false

    /// The body.
    public let data: [UInt8]
    /// The subject it was published to.
    public let subject: String
    /// The sequence in its stream (0 when unknown).
    public let streamSequence: UInt64
    /// How many times the server has delivered it, this time included (1 the first time).
    public let deliveries: Int
    /// When the stream stored it, in nanoseconds since the epoch (0 when unknown).
    public let storedAt: Int64
    /// Its `Nats-Msg-Id` header, if any (read once here: the client rewrites its header
    /// state on reads, which must not overlap a heartbeat).
    public let messageID: String?

    init(taking message: OpaquePointer) {
        self.message = message
        let length = Int(natsMsg_GetDataLength(message))
        if length > 0, let pointer = natsMsg_GetData(message) {
            data = pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                Array(UnsafeBufferPointer(start: $0, count: length))
            }
        } else {
            data = []
        }
        subject = natsMsg_GetSubject(message).map { String(cString: $0) } ?? ""
        var value: UnsafePointer<CChar>?
        messageID =
            natsMsgHeader_Get(message, "Nats-Msg-Id", &value) == NATS_OK ? value.map { String(cString: $0) } : nil
        var metadata: UnsafeMutablePointer<jsMsgMetaData>?
        if natsMsg_GetMetaData(&metadata, message) == NATS_OK, let metadata {
            streamSequence = metadata.pointee.Sequence.Stream
            deliveries = Int(metadata.pointee.NumDelivered)
            storedAt = metadata.pointee.Timestamp
            jsMsgMetaData_Destroy(metadata)
        } else {
            streamSequence = 0
            deliveries = 1
            storedAt = 0
        }
    }

    deinit { natsMsg_Destroy(message) }

    /// Acknowledges the message and waits for the server to confirm, so that a `true`
    /// means it will not be delivered again.
    ///
    /// - Throws: ``NATSError`` when the server did not confirm (it may deliver again).
    public func acknowledge() throws(NATSError) {
        try settle("ack") { message, options, code in natsMsg_AckSync(message, options, code) }
    }

    /// Asks the server to deliver the message again after `delay` seconds (a transient
    /// failure: the output could not be published).
    public func reject(after delay: Double) throws(NATSError) {
        try settle("nak") { message, options, _ in natsMsg_NakWithDelay(message, Int64(delay * 1_000), options) }
    }

    /// Tells the server the message is still being worked on, which restarts its
    /// acknowledgement deadline. Does nothing once the message is settled.
    public func extendDeadline() {
        lock.withLock { _ in
            guard !settled else { return }
            _ = natsMsg_InProgress(message, nil)
        }
    }

    private func settle(
        _ what: String,
        _ body: (OpaquePointer, UnsafeMutablePointer<jsOptions>?, UnsafeMutablePointer<jsErrCode>?) -> natsStatus
    ) throws(NATSError) {
        // Once settled no heartbeat starts; one already sending finishes first. The ack
        // itself runs outside the lock, so a slow ack never holds up other heartbeats.
        lock.withLock { _ in settled = true }
        var code = jsErrCode(0)
        let status = body(message, nil, &code)
        try check(status, code: code, "\(what) of stream message \(streamSequence)")
    }
}
