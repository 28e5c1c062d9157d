/// The version of Lector written into every output's `processing.lector`.
public enum LectorVersion {
    /// The semantic version of this build.
    public static let current = "0.1.0"
}
