/// What the pipeline does when a step fails on a document (`on_error:` in a step).
public enum ErrorPolicy: String, Sendable, Equatable {
    /// The document fails: it goes to `failed/` with the step's error (the default).
    case fail
    /// The step is skipped: the document carries on without the step's field, and the
    /// failure is recorded in `processing.steps`.
    case skip
}
