import CNATS
import Glibc
public import LectorConfig

/// What happens to a connection, reported from the client's own threads.
public enum NATSConnectionEvent: Sendable {
    /// The connection to the current server is lost; the client reconnects.
    case disconnected
    /// The client is connected again, to the server at this URL.
    case reconnected(String)
    /// The connection is closed for good.
    case closed
}

/// A connection to a NATS server (or cluster) with JetStream: streams, pull consumers,
/// publishing with acknowledgements. The C client is thread-safe; so is this.
///
/// It reconnects by itself for as long as it lives, trying every configured server with a
/// short jittered wait; meanwhile calls fail or time out, and their callers try again.
public final class NATSConnection: @unchecked Sendable {
    let connection: OpaquePointer
    let jetStream: OpaquePointer
    private let events: EventBox?

    /// Seconds a JetStream request (publish, ack, stream and consumer look-ups) waits for
    /// the server's answer.
    public static let requestTimeout = 5.0

    /// Connects, waiting for a server when `waitForServer` (a daemon starting before its
    /// server), returning at once and connecting in the background when
    /// `connectInBackground` (calls fail until it is up), else failing at once when none
    /// answers.
    ///
    /// - Parameters:
    ///   - server: The servers and credentials.
    ///   - name: The client's name, as the server shows it.
    ///   - waitForServer: Whether to keep trying until a server answers.
    ///   - connectInBackground: Whether to return before the first connection is made.
    ///   - onEvent: Called on the client's threads when the connection is lost or regained.
    /// - Throws: ``NATSError``.
    public init(
        _ server: NATSServerConfiguration,
        name: String,
        waitForServer: Bool = false,
        connectInBackground: Bool = false,
        onEvent: (@Sendable (NATSConnectionEvent) -> Void)? = nil
    ) throws(NATSError) {
        var options: OpaquePointer?
        try check(natsOptions_Create(&options), "cannot create client options")
        guard let options else { throw NATSError(NATS_NO_MEMORY, "cannot create client options") }
        defer { natsOptions_Destroy(options) }
        try Self.configure(options, server, name: name, waitForServer: waitForServer)
        if connectInBackground {
            try check(
                natsOptions_SetRetryOnFailedConnect(options, true, { _, _ in }, nil),
                "cannot set connecting in the background"
            )
        }
        events = onEvent.map(EventBox.init)
        if let events {
            // Retained for the life of the process: the client may call back from its own
            // threads while the connection is being destroyed.
            let closure = Unmanaged.passRetained(events).toOpaque()
            _ = natsOptions_SetDisconnectedCB(
                options,
                { _, box in EventBox.from(box)?.handler(.disconnected) },
                closure
            )
            _ = natsOptions_SetReconnectedCB(
                options,
                { connection, box in
                    var buffer = [CChar](repeating: 0, count: 512)
                    _ = natsConnection_GetConnectedUrl(connection, &buffer, buffer.count)
                    EventBox.from(box)?.handler(.reconnected(NATSConnection.text(buffer)))
                },
                closure
            )
            _ = natsOptions_SetClosedCB(options, { _, box in EventBox.from(box)?.handler(.closed) }, closure)
        }
        var connection: OpaquePointer?
        let connected = natsConnection_Connect(&connection, options)
        if !(connectInBackground && connected == NATS_NOT_YET_CONNECTED) {
            try check(connected, "cannot connect to \(server.urls.joined(separator: ", "))")
        }
        guard let connection else { throw NATSError(NATS_NO_SERVER, "cannot connect") }
        var jsOptions = jsOptions()
        jsOptions_Init(&jsOptions)
        jsOptions.Wait = Int64(Self.requestTimeout * 1_000)
        var jetStream: OpaquePointer?
        let status = natsConnection_JetStream(&jetStream, connection, &jsOptions)
        guard status == NATS_OK, let jetStream else {
            natsConnection_Destroy(connection)
            throw NATSError(status, "cannot open JetStream")
        }
        self.connection = connection
        self.jetStream = jetStream
    }

    deinit {
        jsCtx_Destroy(jetStream)
        natsConnection_Close(connection)
        natsConnection_Destroy(connection)
    }

    /// Sends what is buffered and closes the connection.
    public func close() {
        _ = natsConnection_FlushTimeout(connection, 2_000)
        natsConnection_Close(connection)
    }

    /// Whether the connection is up now (not reconnecting, not closed).
    public var isConnected: Bool { natsConnection_Status(connection) == NATS_CONN_STATUS_CONNECTED }

    /// The URL of the server the connection is on, or `nil` while it has none.
    public var connectedURL: String? {
        var buffer = [CChar](repeating: 0, count: 512)
        guard natsConnection_GetConnectedUrl(connection, &buffer, buffer.count) == NATS_OK else { return nil }
        let url = NATSConnection.text(buffer)
        return url.isEmpty ? nil : url
    }

    /// The text in a NUL-terminated buffer the client filled.
    static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func configure(
        _ options: OpaquePointer,
        _ server: NATSServerConfiguration,
        name: String,
        waitForServer: Bool
    ) throws(NATSError) {
        var pointers = server.urls.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        let status = pointers.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { rebound in
                natsOptions_SetServers(options, rebound.baseAddress, Int32(rebound.count))
            }
        }
        try check(status, "bad server list \(server.urls)")
        try check(natsOptions_SetName(options, name), "cannot set the client name")
        try check(natsOptions_SetTimeout(options, 2_000), "cannot set the connect timeout")
        try check(natsOptions_SetMaxReconnect(options, -1), "cannot set reconnection")
        try check(natsOptions_SetReconnectWait(options, 250), "cannot set the reconnect wait")
        try check(natsOptions_SetReconnectJitter(options, 250, 1_000), "cannot set the reconnect jitter")
        try check(natsOptions_SetPingInterval(options, 5_000), "cannot set the ping interval")
        try check(natsOptions_SetMaxPingsOut(options, 2), "cannot set the pings out")
        if waitForServer {
            try check(natsOptions_SetRetryOnFailedConnect(options, true, nil, nil), "cannot set connect retries")
        }
        if let credentials = server.credentials {
            try check(natsOptions_SetUserCredentialsFromFiles(options, credentials, nil), "credentials \(credentials)")
        }
        if server.usesTLS {
            try check(natsOptions_SetSecure(options, true), "cannot turn TLS on")
            if let ca = server.tlsCA {
                try check(natsOptions_LoadCATrustedCertificates(options, ca), "TLS CA \(ca)")
            }
            if let certificate = server.tlsCertificate, let key = server.tlsKey {
                try check(
                    natsOptions_LoadCertificatesChain(options, certificate, key),
                    "TLS certificate \(certificate)"
                )
            }
        }
    }
}

/// Carries the event handler through the C client's `void *closure`.
private final class EventBox: @unchecked Sendable {
    let handler: @Sendable (NATSConnectionEvent) -> Void

    init(_ handler: @escaping @Sendable (NATSConnectionEvent) -> Void) { self.handler = handler }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> EventBox? {
        pointer.map { Unmanaged<EventBox>.fromOpaque($0).takeUnretainedValue() }
    }
}
