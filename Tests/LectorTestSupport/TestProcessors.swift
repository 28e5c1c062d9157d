import Foundation

/// Test-only processors for the end-to-end tests, as `pipeline:` entries: they live in a
/// shared-library plugin built from `Tests/LectorTestProcessors` (never in `lector`), next
/// to the `lector` binary under test.
public enum TestProcessors {
    /// The plugin library: `libLectorTestProcessors.so` beside ``LectorBinary/path``.
    public static var library: String {
        (LectorBinary.path as NSString).deletingLastPathComponent + "/libLectorTestProcessors.so"
    }

    /// A `test_delay` step: sleeps `ms` milliseconds per document (and `loadMilliseconds`
    /// when the chain is built, like a model load), and adds `test_delay: {ms}`.
    ///
    /// - Parameters:
    ///   - milliseconds: The sleep per document.
    ///   - loadMilliseconds: The sleep when built.
    /// - Returns: The step, as one line of YAML.
    public static func delay(ms milliseconds: Int, loadMilliseconds: Int = 0) -> String {
        "library: {path: \(library), options: {ms: \(milliseconds), load_ms: \(loadMilliseconds)}}"
    }
}
