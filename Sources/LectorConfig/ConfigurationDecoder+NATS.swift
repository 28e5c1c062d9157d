import LectorCore

extension ConfigurationDecoder {
    /// The keys `input:` and `output:` take: where documents come from and go to besides
    /// the spool folders.
    static let transportKeys = ["nats"]
    /// The keys of `input: {nats: …}`.
    static let natsInputKeys = [
        "url", "stream", "subject", "consumer", "ack_wait", "max_deliver", "failed_subject", "failed_stream",
        "replicas", "credentials", "tls",
    ]
    /// The keys of `output: {nats: …}`.
    static let natsOutputKeys = ["url", "subject", "stream", "replicas", "duplicate_window", "credentials", "tls"]
    /// The keys of `tls:`.
    static let tlsKeys = ["ca", "cert", "key"]
    /// The values allowed for `ack_wait`, in seconds.
    static let ackWaitRange = 1.0...3_600
    /// The values allowed for `max_deliver`.
    static let maxDeliverRange = 1...1_000
    /// The values allowed for `replicas` (JetStream allows up to 5).
    static let replicasRange = 1...5
    /// The values allowed for `duplicate_window`, in seconds.
    static let duplicateWindowRange = 1.0...86_400

    /// Decodes `input:` or `output:`, a mapping with `nats:`.
    ///
    /// - Parameters:
    ///   - entry: The `input` or `output` entry.
    ///   - body: Decodes the `nats` mapping's entries.
    mutating func transport(_ entry: ConfigEntry, nats body: (inout Self, [ConfigEntry], String) -> Void) {
        guard let entries = read(entry, { try $0.mapping() }) else { return }
        for inner in entries {
            let keyPath = "\(entry.key).\(inner.key)"
            guard Self.transportKeys.contains(inner.key) else {
                unknownKey(inner, among: Self.transportKeys, in: entry.key, keyPath: keyPath)
                continue
            }
            guard let fields = read(inner, keyPath: keyPath, { try $0.mapping() }) else { continue }
            body(&self, fields, keyPath)
        }
    }

    /// Decodes `input: {nats: …}`.
    mutating func natsInput(_ entries: [ConfigEntry], keyPath: String) -> NATSInputConfiguration {
        var input = NATSInputConfiguration()
        input.server = natsServer(entries, keyPath: keyPath)
        for entry in entries {
            let path = "\(keyPath).\(entry.key)"
            switch entry.key {
            case "stream": input.stream = natsName(entry, keyPath: path) ?? input.stream
            case "failed_stream": input.failedStream = natsName(entry, keyPath: path) ?? input.failedStream
            case "consumer": input.consumer = natsName(entry, keyPath: path) ?? input.consumer
            case "subject": input.subject = natsSubject(entry, keyPath: path, wildcards: true) ?? input.subject
            case "failed_subject":
                input.failedSubject = natsSubject(entry, keyPath: path, wildcards: false) ?? input.failedSubject
            case "ack_wait":
                if let value = read(entry, keyPath: path, { try $0.seconds() }) {
                    input.ackWait = seconds(value, in: Self.ackWaitRange, entry, keyPath: path) ?? input.ackWait
                }
            case "max_deliver":
                if let value = read(entry, keyPath: path, { try $0.int() }) {
                    input.maxDeliver = check(value, in: Self.maxDeliverRange, entry, keyPath: path) ?? input.maxDeliver
                }
            case "replicas":
                if let value = read(entry, keyPath: path, { try $0.int() }) {
                    input.replicas = check(value, in: Self.replicasRange, entry, keyPath: path) ?? input.replicas
                }
            case "url", "credentials", "tls": break
            default: unknownKey(entry, among: Self.natsInputKeys, in: keyPath, keyPath: path)
            }
        }
        if input.failedStream == input.stream {
            let location = entries.first { $0.key == "failed_stream" }?.value.location ?? entries.first?.keyLocation
            if let location {
                report(
                    location,
                    "\(keyPath).failed_stream",
                    "failed_stream must differ from stream ('\(input.stream)')"
                )
            }
        }
        return input
    }

    /// Decodes `output: {nats: …}`; the servers default to the input's.
    mutating func natsOutput(
        _ entries: [ConfigEntry],
        keyPath: String,
        inputServer: NATSServerConfiguration?
    ) -> NATSOutputConfiguration {
        var output = NATSOutputConfiguration()
        let hasServer = entries.contains { ["url", "credentials", "tls"].contains($0.key) }
        output.server = hasServer ? natsServer(entries, keyPath: keyPath) : inputServer ?? output.server
        for entry in entries {
            let path = "\(keyPath).\(entry.key)"
            switch entry.key {
            case "stream": output.stream = natsName(entry, keyPath: path) ?? output.stream
            case "subject":
                if let subject = natsSubject(entry, keyPath: path, wildcards: false, template: true) {
                    output.subject = subject
                }
            case "replicas":
                if let value = read(entry, keyPath: path, { try $0.int() }) {
                    output.replicas = check(value, in: Self.replicasRange, entry, keyPath: path) ?? output.replicas
                }
            case "duplicate_window":
                if let value = read(entry, keyPath: path, { try $0.seconds() }) {
                    output.duplicateWindow =
                        seconds(value, in: Self.duplicateWindowRange, entry, keyPath: path) ?? output.duplicateWindow
                }
            case "url", "credentials", "tls": break
            default: unknownKey(entry, among: Self.natsOutputKeys, in: keyPath, keyPath: path)
            }
        }
        return output
    }

    /// What input and output must not share: a stream, subjects that overlap, and a
    /// duplicate window shorter than two ack waits (a redelivered document would be
    /// published twice).
    mutating func checkNATS(_ input: NATSInputConfiguration, _ output: NATSOutputConfiguration?, at entry: ConfigEntry)
    {
        guard let output else { return }
        let keyPath = "output.nats"
        if output.stream == input.stream || output.stream == input.failedStream {
            report(
                entry.keyLocation,
                keyPath,
                "output.nats.stream ('\(output.stream)') must differ from the input's streams"
            )
        }
        let subjects = [
            ("input.nats.subject", input.subject), ("input.nats.failed_subject", input.failedSubject),
            ("output.nats.subject", output.streamSubject),
        ]
        for (index, first) in subjects.enumerated() {
            for second in subjects[(index + 1)...] where NATSSubjects.overlap(first.1, second.1) {
                report(
                    entry.keyLocation,
                    keyPath,
                    "\(first.0) ('\(first.1)') and \(second.0) ('\(second.1)') overlap: a message would reach both streams"
                )
            }
        }
        if output.duplicateWindow < 2 * input.ackWait {
            report(
                entry.keyLocation,
                keyPath,
                "output.nats.duplicate_window (\(Int(output.duplicateWindow))s) must be at least twice input.nats.ack_wait (\(Int(input.ackWait))s), or a redelivered document is published twice"
            )
        }
    }

    /// `url`, `credentials` and `tls` of a NATS mapping.
    private mutating func natsServer(_ entries: [ConfigEntry], keyPath: String) -> NATSServerConfiguration {
        var server = NATSServerConfiguration()
        for entry in entries {
            let path = "\(keyPath).\(entry.key)"
            switch entry.key {
            case "url":
                guard let urls = read(entry, keyPath: path, { try $0.stringList() }) else { continue }
                let bad = urls.first { url in
                    !["nats://", "tls://"].contains { url.hasPrefix($0) } || url.count <= 7
                        || url.contains { $0 == " " || $0 == "," }
                }
                if urls.isEmpty {
                    report(entry.value.location, path, "\(path) must name at least one server")
                } else if let bad {
                    report(
                        entry.value.location,
                        path,
                        "\(path): '\(bad)' is not a NATS URL (nats://HOST:PORT or tls://HOST:PORT)"
                    )
                } else {
                    server.urls = urls
                }
            case "credentials": server.credentials = natsFile(entry, keyPath: path)
            case "tls":
                guard let fields = read(entry, keyPath: path, { try $0.mapping() }) else { continue }
                for field in fields {
                    let fieldPath = "\(path).\(field.key)"
                    switch field.key {
                    case "ca": server.tlsCA = natsFile(field, keyPath: fieldPath)
                    case "cert": server.tlsCertificate = natsFile(field, keyPath: fieldPath)
                    case "key": server.tlsKey = natsFile(field, keyPath: fieldPath)
                    default: unknownKey(field, among: Self.tlsKeys, in: path, keyPath: fieldPath)
                    }
                }
                if (server.tlsCertificate == nil) != (server.tlsKey == nil) {
                    report(entry.value.location, path, "\(path): cert and key go together")
                }
            default: break
            }
        }
        return server
    }

    /// A stream or consumer name: letters, digits, `-` and `_`.
    private mutating func natsName(_ entry: ConfigEntry, keyPath: String) -> String? {
        guard let name = read(entry, keyPath: keyPath, { try $0.string() }) else { return nil }
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard !name.isEmpty, name.utf8.count <= 200, allowed else {
            report(
                entry.value.location,
                keyPath,
                "\(keyPath) must be a name of letters, digits, '-' and '_', found '\(name)'"
            )
            return nil
        }
        return name
    }

    /// A subject: dot-separated tokens with no spaces; `*` and a final `>` only where
    /// wildcards are allowed; `{id}` as a whole token only in a template.
    private mutating func natsSubject(
        _ entry: ConfigEntry,
        keyPath: String,
        wildcards: Bool,
        template: Bool = false
    ) -> String? {
        guard let subject = read(entry, keyPath: keyPath, { try $0.string() }) else { return nil }
        let tokens = subject.split(separator: ".", omittingEmptySubsequences: false)
        var problem: String?
        for (index, token) in tokens.enumerated() {
            if token.isEmpty || token.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
                problem = "tokens must be non-empty and without spaces"
            } else if token.contains("*") || token.contains(">") {
                if !wildcards {
                    problem = "wildcards ('*', '>') are not allowed here"
                } else if !(token == "*" || (token == ">" && index == tokens.count - 1)) {
                    problem = "'*' must be a whole token and '>' the last one"
                }
            } else if token.contains("{") || token.contains("}") {
                if !template || token != "{id}" { problem = "'{id}' is the only placeholder, as a whole token" }
            }
        }
        if let problem {
            report(entry.value.location, keyPath, "\(keyPath): '\(subject)' is not a valid subject: \(problem)")
            return nil
        }
        return subject
    }

    /// A file path (credentials, certificates), resolved against the configuration's folder.
    private mutating func natsFile(_ entry: ConfigEntry, keyPath: String) -> String? {
        guard let text = read(entry, keyPath: keyPath, { try $0.string() }), !text.isEmpty else {
            report(entry.value.location, keyPath, "\(keyPath) must be a file's path")
            return nil
        }
        return ConfigurationFile.resolve(text, against: directory)
    }
}
