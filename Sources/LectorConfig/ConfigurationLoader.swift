import LectorCore
import LectorYAML

/// Loads `config.yaml` into a ``LectorConfiguration``, reporting every mistake as
/// `config.yaml:LINE:COLUMN: message`.
///
/// The loader reads the file with ``YAMLReader``, then checks each key. It does not stop at
/// the first mistake: it throws one ``ConfigurationErrors`` holding every mistake it found,
/// sorted by location, so `lector check` can print them all. Exit codes are the caller's
/// business (`lector check` exits 78, EX_CONFIG).
///
/// It checks the shape of `pipeline:` and each step's `when:` and `on_error:`, but not the
/// processor names or their options: the pipeline module has the registry and validates
/// those, with ``StepConfiguration/location`` and the options' own locations.
///
/// ```yaml
/// inbox: var/inbox          # relative to this file
/// outbox: var/outbox
/// failed: var/failed
/// workers: 2
/// max_bytes: 10MiB
/// pipeline:
///   - metadata                                  # a bare name
///   - language: {min_confidence: 0.5}           # name: options
///   - entities: {when: {language: [en]}, on_error: skip}
///   - summary:                                  # name: nothing (no options)
/// ```
///
/// - Configuration keys:
///   - `inbox` (string, required for ``ConfigurationPurpose/daemon``): Folder documents
///     arrive in. `inbox`, `outbox` and `failed` go together: give all three or none.
///   - `outbox` (string, required with `inbox`): Folder enriched JSON documents are written to.
///   - `failed` (string, required with `inbox`): Folder failed documents are moved to, each
///     with an `.error.json`.
///   - `archive` (string, optional, default: none): Folder originals are kept in after success.
///   - `min_age` (duration, optional, default: `0s`): How long a file must be left unmodified
///     before it is claimed; `500ms`, `2s`, `1m`, `1h` or plain seconds, at most `24h`.
///   - `rescan_interval` (duration, optional, default: `30s`): How often the inbox is listed
///     again (the safety net for lost inotify events) and the work of sibling daemons that
///     died is taken over; `100ms` to `1h`.
///   - `min_free_space` (size, optional, default: `64MiB`): Claiming pauses while the
///     outbox's file system has less free space than this, and resumes when there is more.
///   - `workers` (int, optional, default: the number of processors available): Documents
///     processed at once, 1 to 256.
///   - `max_bytes` (size, optional, default: `10MiB`): Largest input file accepted;
///     `10MiB`, `512KB`, `1GiB` or plain bytes (KB/MB/GB are powers of 1000, KiB/MiB/GiB and
///     K/M/G powers of 1024), 1 byte to 1 GiB.
///   - `shutdown_timeout` (duration, optional, default: `30s`): How long `SIGTERM` waits for
///     documents in flight, at most `1h`.
///   - `include_text` (bool, optional, default: `true`): Whether the output carries the
///     document's text; `true`/`false`, `yes`/`no` or `on`/`off`.
///   - `metrics_file` (string, optional, default: none): A file the daemon rewrites every
///     second with its figures in Prometheus text format, for node_exporter's textfile
///     collector (e.g. `/var/lib/prometheus/node-exporter/lector.prom`); not in a spool
///     folder.
///   - `pipeline` (list, required): The steps, at least one. A step is a processor name
///     (`- metadata`) or a mapping with exactly one key, the processor name, whose value is
///     nothing (`- summary:`) or a mapping of options for the processor, except for two
///     keys that belong to the loader:
///   - `pipeline[i].when` (mapping, optional, default: always run): Run the step only if
///     every part holds. `language`: a language code or a list of them (2–3 lowercase
///     letters, or `und`). `metadata`: a mapping of field name to a value, a list of values
///     (any of them matches) or `{exists: true|false}`.
///   - `pipeline[i].on_error` (`fail` or `skip`, optional, default: `fail`): Whether a failure
///     of this step fails the document, or is recorded and the step skipped.
///
/// Paths: relative paths resolve against the configuration file's directory; `~` is **not**
/// expanded (`~/inbox` is a folder named `~` beside the file); `.` and `..` are removed
/// lexically, without following symbolic links. The spool folders must differ (by name here;
/// the daemon checks again on disk at start, through links and mounts), and each must be a
/// folder or not exist yet (the daemon makes it): a file or a symbolic link is an error.
///
/// YAML: one document; no aliases (`*name`) and no tags (`!!str`), which are errors; a
/// key written twice is an error. Key paths in errors count list indices from 0
/// (`pipeline[0]` is the first step).
public enum ConfigurationLoader {
    /// Reads and checks a configuration file.
    ///
    /// - Parameters:
    ///   - path: The file's path, absolute or relative to the working directory; errors
    ///     show it as given.
    ///   - purpose: What the configuration is for; ``ConfigurationPurpose/daemon`` requires
    ///     the spool folders.
    /// - Returns: The configuration, with paths resolved against the file's directory.
    /// - Throws: ``ConfigurationErrors`` holding every mistake found. A file that cannot be
    ///   read (missing, unreadable, a directory, over 1 MiB) gives one error without a
    ///   location: `config.yaml: cannot read the file: No such file or directory`, whose
    ///   code is ``ConfigurationError/Code/fileNotFound`` when the file does not exist
    ///   (``ConfigurationErrors/isFileMissing``) and ``ConfigurationError/Code/unreadable``
    ///   otherwise.
    public static func load(
        path: String,
        purpose: ConfigurationPurpose
    ) throws(ConfigurationErrors) -> LectorConfiguration {
        switch ConfigurationFile.contents(atPath: path) {
        case .success(let bytes):
            return try parse(bytes, file: path, directory: ConfigurationFile.directory(of: path), purpose: purpose)
        case .failure(let failure):
            throw ConfigurationErrors([
                ConfigurationError(
                    file: path,
                    location: nil,
                    keyPath: "",
                    message: "cannot read the file: \(failure.message)",
                    code: failure.isMissing ? .fileNotFound : .unreadable
                )
            ])
        }
    }

    /// Checks a configuration file's contents.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents, UTF-8.
    ///   - file: The file's path as given, for errors and ``LectorConfiguration/file``.
    ///   - directory: The directory relative paths resolve against; made absolute against
    ///     the working directory when relative.
    ///   - purpose: What the configuration is for.
    /// - Returns: The configuration.
    /// - Throws: ``ConfigurationErrors`` holding every mistake found, sorted by location.
    public static func parse(
        _ bytes: [UInt8],
        file: String,
        directory: String,
        purpose: ConfigurationPurpose
    ) throws(ConfigurationErrors) -> LectorConfiguration {
        let (root, yamlErrors) = YAMLReader.read(bytes, file: file)
        guard let root else {
            throw ConfigurationErrors(yamlErrors)
        }
        let absoluteDirectory = ConfigurationFile.resolve(".", against: directory)
        var decoder = ConfigurationDecoder(file: file, directory: absoluteDirectory, purpose: purpose)
        let configuration = decoder.decode(root, sha256: SHA256.hex(bytes))
        // A node the YAML reader already complained about (an alias, a tag) would draw a
        // second, confusing complaint from the decoder; keep the reader's.
        let reported = Set(yamlErrors.compactMap(\.location))
        let errors = yamlErrors + decoder.errors.filter { $0.location.map { !reported.contains($0) } ?? true }
        guard errors.isEmpty else { throw ConfigurationErrors(errors, partial: configuration) }
        return configuration
    }
}
