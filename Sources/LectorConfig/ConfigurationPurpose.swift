/// What a configuration is loaded for, which decides the keys it must have.
public enum ConfigurationPurpose: Sendable {
    /// Processing files named on the command line (`lector process`, `lector check`):
    /// the spool keys are optional.
    case process
    /// Running the daemon (`lector run`): `inbox`, `outbox` and `failed` are required.
    case daemon
}
