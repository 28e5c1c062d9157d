/// Where a NATS connection goes and how it authenticates (`url`, `credentials`, `tls`).
public struct NATSServerConfiguration: Sendable, Equatable {
    /// The servers, tried in turn (`url`: one URL or a list).
    public var urls: [String]
    /// A `.creds` file (JWT and NKey seed), absolute, or `nil` (`credentials`).
    public var credentials: String?
    /// The CA bundle that signs the servers' certificates, or `nil` (`tls.ca`).
    public var tlsCA: String?
    /// This client's certificate chain, or `nil` (`tls.cert`).
    public var tlsCertificate: String?
    /// This client's private key, or `nil` (`tls.key`).
    public var tlsKey: String?

    /// The default for ``urls``: a server on this machine.
    public static let defaultURL = "nats://127.0.0.1:4222"

    /// Creates a server configuration.
    ///
    /// - Parameters:
    ///   - urls: The servers.
    ///   - credentials: A credentials file, if any.
    ///   - tlsCA: A CA bundle, if any.
    ///   - tlsCertificate: A client certificate chain, if any.
    ///   - tlsKey: The client's key, if any.
    public init(
        urls: [String] = [NATSServerConfiguration.defaultURL],
        credentials: String? = nil,
        tlsCA: String? = nil,
        tlsCertificate: String? = nil,
        tlsKey: String? = nil
    ) {
        self.urls = urls
        self.credentials = credentials
        self.tlsCA = tlsCA
        self.tlsCertificate = tlsCertificate
        self.tlsKey = tlsKey
    }

    /// Whether TLS is asked for.
    public var usesTLS: Bool { tlsCA != nil || tlsCertificate != nil || urls.contains { $0.hasPrefix("tls://") } }
}

/// `input: {nats: …}`: documents come from a JetStream stream through a durable pull
/// consumer that every daemon shares.
public struct NATSInputConfiguration: Sendable, Equatable {
    /// The servers.
    public var server: NATSServerConfiguration
    /// The stream (`stream`), created with work-queue retention when absent.
    public var stream: String
    /// The subjects producers publish to (`subject`).
    public var subject: String
    /// The durable pull consumer (`consumer`).
    public var consumer: String
    /// How long the server waits for an acknowledgement before delivering again
    /// (`ack_wait`), in seconds; slow documents extend it with in-progress acks.
    public var ackWait: Double
    /// After this many deliveries a message that still fails goes to the failed subject
    /// (`max_deliver`).
    public var maxDeliver: Int
    /// Where messages that cannot be processed go, with the error (`failed_subject`).
    public var failedSubject: String
    /// The stream that keeps the failed subject (`failed_stream`), created when absent.
    public var failedStream: String
    /// Replicas for the streams Lector creates (`replicas`).
    public var replicas: Int

    /// The default for ``ackWait``: 30 seconds.
    public static let defaultAckWait = 30.0
    /// The default for ``maxDeliver``.
    public static let defaultMaxDeliver = 5

    /// Creates an input configuration; the defaults are those of the loader.
    ///
    /// - Parameters:
    ///   - server: The servers.
    ///   - stream: The stream.
    ///   - subject: The subjects.
    ///   - consumer: The durable consumer.
    ///   - ackWait: Seconds before redelivery.
    ///   - maxDeliver: Deliveries before the failed subject.
    ///   - failedSubject: The failed subject.
    ///   - failedStream: The stream of the failed subject.
    ///   - replicas: Replicas of created streams.
    public init(
        server: NATSServerConfiguration = NATSServerConfiguration(),
        stream: String = "ARTICLES",
        subject: String = "articles.in.>",
        consumer: String = "lector",
        ackWait: Double = NATSInputConfiguration.defaultAckWait,
        maxDeliver: Int = NATSInputConfiguration.defaultMaxDeliver,
        failedSubject: String = "articles.failed",
        failedStream: String = "ARTICLES_FAILED",
        replicas: Int = 1
    ) {
        self.server = server
        self.stream = stream
        self.subject = subject
        self.consumer = consumer
        self.ackWait = ackWait
        self.maxDeliver = maxDeliver
        self.failedSubject = failedSubject
        self.failedStream = failedStream
        self.replicas = replicas
    }
}

/// `output: {nats: …}`: each enriched document is published to a subject that a JetStream
/// stream keeps, with the document id as `Nats-Msg-Id`.
public struct NATSOutputConfiguration: Sendable, Equatable {
    /// The servers (the input's when not given).
    public var server: NATSServerConfiguration
    /// The subject; `{id}` becomes the document id made subject-safe (`subject`).
    public var subject: String
    /// The stream that keeps the outputs (`stream`), created with limits retention when
    /// absent.
    public var stream: String
    /// Replicas when the stream is created (`replicas`).
    public var replicas: Int
    /// How long the stream remembers message ids to drop a republish (`duplicate_window`),
    /// in seconds.
    public var duplicateWindow: Double

    /// The default for ``duplicateWindow``: 10 minutes.
    public static let defaultDuplicateWindow = 600.0

    /// Creates an output configuration.
    ///
    /// - Parameters:
    ///   - server: The servers.
    ///   - subject: The subject template.
    ///   - stream: The stream.
    ///   - replicas: Replicas of a created stream.
    ///   - duplicateWindow: Seconds a message id is remembered.
    public init(
        server: NATSServerConfiguration = NATSServerConfiguration(),
        subject: String = "articles.out.{id}",
        stream: String = "ARTICLES_OUT",
        replicas: Int = 1,
        duplicateWindow: Double = NATSOutputConfiguration.defaultDuplicateWindow
    ) {
        self.server = server
        self.subject = subject
        self.stream = stream
        self.replicas = replicas
        self.duplicateWindow = duplicateWindow
    }

    /// The subjects the output stream covers: the template with `{id}` as one token.
    public var streamSubject: String {
        subject.split(separator: ".", omittingEmptySubsequences: false).map { $0 == "{id}" ? "*" : String($0) }
            .joined(separator: ".")
    }
}

/// Subject patterns.
public enum NATSSubjects {
    /// Whether some subject matches both patterns (`*` is one token, a final `>` the rest).
    ///
    /// - Parameters:
    ///   - first: A subject or pattern.
    ///   - second: Another.
    /// - Returns: Whether they share a subject.
    public static func overlap(_ first: String, _ second: String) -> Bool {
        let left = first.split(separator: ".", omittingEmptySubsequences: false)
        let right = second.split(separator: ".", omittingEmptySubsequences: false)
        for (one, other) in zip(left, right) {
            if one == ">" || other == ">" { return true }
            if one != "*", other != "*", one != other { return false }
        }
        return left.count == right.count
    }
}
