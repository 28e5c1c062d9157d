import Synchronization

/// The messages being worked on, so that a timer can extend their acknowledgement
/// deadlines while the chain runs (in-progress acks) instead of letting the server hand
/// them to another daemon.
final class Heartbeats: Sendable {
    private let messages = Mutex<[ObjectIdentifier: NATSMessage]>([:])

    /// Starts extending a message's deadline.
    func add(_ message: NATSMessage) { messages.withLock { $0[ObjectIdentifier(message)] = message } }

    /// Stops extending it.
    func remove(_ message: NATSMessage) { _ = messages.withLock { $0.removeValue(forKey: ObjectIdentifier(message)) } }

    /// How many are in flight.
    var count: Int { messages.withLock { $0.count } }

    /// Sends an in-progress ack for each message in flight.
    func beat() {
        let current = messages.withLock { Array($0.values) }
        for message in current { message.extendDeadline() }
    }
}
