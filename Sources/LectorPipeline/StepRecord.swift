public import LectorCore

/// What happened at one step of the chain, as `processing.steps` reports it.
public struct StepRecord: Sendable, Equatable {
    /// How the step ended.
    public enum Status: Sendable, Equatable {
        /// The processor ran and returned a document.
        case ok
        /// The step did not run; the reason says why (condition false, language unsupported).
        case skipped(reason: String)
        /// The processor threw. `continued` is true when the step's `on_error: skip` let the
        /// chain go on.
        case failed(code: String, message: String, continued: Bool)
    }

    /// The step's processor name.
    public var name: String
    /// How it ended.
    public var status: Status
    /// Wall time spent in the processor, in milliseconds (0 when it did not run).
    public var milliseconds: Double
    /// The model files the processor was made from, when it ran (empty when skipped).
    public var models: [ModelVersion]

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - name: The processor name.
    ///   - status: How it ended.
    ///   - milliseconds: The time spent.
    ///   - models: The model files the processor was made from.
    public init(name: String, status: Status, milliseconds: Double, models: [ModelVersion] = []) {
        self.name = name
        self.status = status
        self.milliseconds = milliseconds
        self.models = models
    }

    /// The record as a `processing.steps` entry:
    /// `{"name", "status": "ok"|"skipped"|"failed", "ms", "reason"?, "error"?, "models"?}`,
    /// `models` listing `PATH@sha256:PREFIX` per model file the step's processor used.
    public var json: JSONValue {
        var object = JSONObject()
        object["name"] = .string(name)
        switch status {
        case .ok:
            object["status"] = "ok"
        case .skipped(let reason):
            object["status"] = "skipped"
            object["reason"] = .string(reason)
        case .failed(let code, let message, let continued):
            object["status"] = "failed"
            object["error"] = ["code": .string(code), "message": .string(message)]
            object["on_error"] = continued ? "skip" : "fail"
        }
        object["ms"] = .double((milliseconds * 1000).rounded() / 1000)
        if !models.isEmpty { object["models"] = .array(models.map { .string($0.description) }) }
        return .object(object)
    }
}
