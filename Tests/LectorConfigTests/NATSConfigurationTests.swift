import LectorConfig
import LectorCore
import Testing

@Suite("input.nats and output.nats")
struct NATSConfigurationTests {
    @Test("a NATS input with NATS output and an outbox loads, with defaults and resolved paths")
    func loads() throws {
        let configuration = try ConfigFixture.load(
            """
            input:
              nats:
                url: [nats://10.0.0.1:4222, "tls://nats.example:4222"]
                stream: NEWS
                subject: news.in.>
                consumer: lector-eu
                ack_wait: 45s
                max_deliver: 3
                replicas: 3
                credentials: nats.creds
                tls: {ca: ca.pem, cert: client.pem, key: client.key}
            output:
              nats:
                subject: news.out.{id}
                duplicate_window: 1h
            outbox: var/outbox
            pipeline: [metadata]
            """,
            purpose: .daemon
        )
        let input = try #require(configuration.natsInput)
        #expect(input.server.urls == ["nats://10.0.0.1:4222", "tls://nats.example:4222"])
        #expect(input.server.credentials == "/srv/lector/nats.creds")
        #expect(input.server.tlsCA == "/srv/lector/ca.pem")
        #expect(input.server.usesTLS)
        #expect(input.stream == "NEWS" && input.subject == "news.in.>" && input.consumer == "lector-eu")
        #expect(input.ackWait == 45 && input.maxDeliver == 3 && input.replicas == 3)
        #expect(input.failedSubject == "articles.failed" && input.failedStream == "ARTICLES_FAILED")
        let output = try #require(configuration.natsOutput)
        #expect(output.server == input.server, "the output uses the input's servers unless told otherwise")
        #expect(output.streamSubject == "news.out.*")
        #expect(output.stream == "ARTICLES_OUT" && output.duplicateWindow == 3_600)
        #expect(configuration.outboxFolder == "/srv/lector/var/outbox")
        #expect(configuration.spool == nil, "no inbox: no spool")
    }

    @Test("a file inbox with NATS output keeps the spool and adds the output")
    func fileInbox() throws {
        let configuration = try ConfigFixture.load(
            "inbox: in\noutbox: out\nfailed: bad\noutput:\n  nats: {url: nats://127.0.0.1:4222}\npipeline: [m]\n",
            purpose: .daemon
        )
        #expect(configuration.spool?.inbox == "/srv/lector/in")
        #expect(configuration.natsOutput?.subject == "articles.out.{id}")
        #expect(configuration.natsInput == nil)
    }

    @Test(
        "each mistake names its file:line:column",
        arguments: [
            (
                "input:\n  nats:\n    subject: a b.c\noutput: {nats: {}}\npipeline: [m]\n",
                "config.yaml:3:14: input.nats.subject: 'a b.c' is not a valid subject: tokens must be non-empty and without spaces"
            ),
            (
                "input:\n  nats: {subject: a.>.b}\noutput: {nats: {}}\npipeline: [m]\n",
                "config.yaml:2:19: input.nats.subject: 'a.>.b' is not a valid subject: '*' must be a whole token and '>' the last one"
            ),
            (
                "input:\n  nats: {}\noutput:\n  nats: {subject: out.*}\npipeline: [m]\n",
                "config.yaml:4:19: output.nats.subject: 'out.*' is not a valid subject: wildcards ('*', '>') are not allowed here"
            ),
            (
                "input:\n  nats: {url: http://x:4222}\noutput: {nats: {}}\npipeline: [m]\n",
                "config.yaml:2:15: input.nats.url: 'http://x:4222' is not a NATS URL (nats://HOST:PORT or tls://HOST:PORT)"
            ),
            (
                "input:\n  nats: {ack_wait: 0s}\noutput: {nats: {}}\npipeline: [m]\n",
                "config.yaml:2:20: input.nats.ack_wait must be between 1s and 3600s, found 0s"
            ),
            (
                "input:\n  nats: {max_deliver: 0}\noutput: {nats: {}}\npipeline: [m]\n",
                "config.yaml:2:23: input.nats.max_deliver must be between 1 and 1000, found 0"
            ),
            (
                "input:\n  nats: {stream: my.stream}\noutput: {nats: {}}\npipeline: [m]\n",
                "config.yaml:2:18: input.nats.stream must be a name of letters, digits, '-' and '_', found 'my.stream'"
            ),
            (
                "input:\n  nats: {consumr: x}\noutput: {nats: {}}\npipeline: [m]\n",
                "config.yaml:2:10: unknown key 'consumr' in 'input.nats' (did you mean 'consumer'?)"
            ),
            (
                "inbox: i\noutbox: o\nfailed: f\ninput:\n  kafka: {}\npipeline: [m]\n",
                "config.yaml:5:3: unknown key 'kafka' in 'input'; known keys: nats"
            ),
            (
                "input:\n  nats: {}\npipeline: [m]\n",
                "config.yaml:1:1: input.nats needs somewhere to write: output.nats, outbox, or both"
            ),
            (
                "inbox: in\ninput:\n  nats: {}\noutbox: out\npipeline: [m]\n",
                "config.yaml:1:1: inbox and input.nats exclude each other: documents come from one place"
            ),
            (
                "input:\n  nats: {}\noutput:\n  nats: {stream: ARTICLES}\npipeline: [m]\n",
                "config.yaml:3:1: output.nats.stream ('ARTICLES') must differ from the input's streams"
            ),
            (
                "input:\n  nats: {subject: news.>}\noutput:\n  nats: {subject: \"news.out.{id}\"}\npipeline: [m]\n",
                "config.yaml:3:1: input.nats.subject ('news.>') and output.nats.subject ('news.out.*') overlap: a message would reach both streams"
            ),
            (
                "input:\n  nats: {ack_wait: 10m}\noutput:\n  nats: {}\npipeline: [m]\n",
                "config.yaml:3:1: output.nats.duplicate_window (600s) must be at least twice input.nats.ack_wait (600s), or a redelivered document is published twice"
            ),
            (
                "input:\n  nats: {}\noutbox: out\nfailed: bad\npipeline: [m]\n",
                "config.yaml:4:1: failed belongs to the inbox; with input.nats, failures go to failed_subject"
            ),
            (
                "input:\n  nats: {tls: {cert: c.pem}}\noutbox: out\npipeline: [m]\n",
                "config.yaml:2:15: input.nats.tls: cert and key go together"
            ),
        ]
    )
    func mistakes(yaml: String, expected: String) {
        #expect(ConfigFixture.errors(yaml, purpose: .daemon) == [expected])
    }

    @Test("subjects overlap when some subject matches both")
    func overlap() {
        #expect(NATSSubjects.overlap("a.>", "a.b.c"))
        #expect(NATSSubjects.overlap("a.*.c", "a.b.*"))
        #expect(!NATSSubjects.overlap("a.in.>", "a.out.*"))
        #expect(!NATSSubjects.overlap("a.b", "a.b.c"))
        #expect(NATSSubjects.overlap("articles.failed", "articles.failed"))
    }
}
