import CNATS
import Glibc

/// A failure of the NATS client: the library's status, JetStream's error code when the
/// server gave one, and the library's text for it.
public struct NATSError: Error, Sendable, CustomStringConvertible {
    /// `natsStatus`, as its raw value.
    public let status: UInt32
    /// JetStream's error code (`jsErrCode`), or 0.
    public let code: Int
    /// What failed and why.
    public let message: String

    init(_ status: natsStatus, code: jsErrCode = jsErrCode(0), _ context: String) {
        self.status = status.rawValue
        self.code = Int(code.rawValue)
        var text = String(cString: natsStatus_GetText(status))
        var last = NATS_OK
        if let detail = nats_GetLastError(&last), last == status {
            let detailText = String(cString: detail)
            if !detailText.isEmpty, detailText != text { text = detailText }
        }
        message = "\(context): \(text)" + (code.rawValue != 0 ? " (JetStream error \(code.rawValue))" : "")
    }

    /// The operation ran out of time (a fetch with nothing to deliver, a publish with no
    /// acknowledgement yet); trying again is the remedy.
    public var isTimeout: Bool { status == NATS_TIMEOUT.rawValue }

    /// The stream or consumer exists but cannot serve as configured: trying again will not
    /// help.
    public var isPermanent: Bool { status == NATS_MISMATCH.rawValue }

    /// The stream or consumer does not exist.
    public var isNotFound: Bool {
        status == NATS_NOT_FOUND.rawValue || code == Int(JSStreamNotFoundErr.rawValue)
            || code == Int(JSConsumerNotFoundErr.rawValue)
    }

    /// The message.
    public var description: String { message }
}

/// Calls a C function of the client and throws its status when it is not `NATS_OK`.
@inline(__always)
func check(
    _ status: natsStatus,
    code: jsErrCode = jsErrCode(0),
    _ context: @autoclosure () -> String
)
    throws(NATSError)
{
    if status != NATS_OK { throw NATSError(status, code: code, context()) }
}
