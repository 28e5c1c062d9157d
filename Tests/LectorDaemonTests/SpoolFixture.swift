import LectorSystem
import LectorTestSupport

@testable import LectorDaemon

/// A spool in a temporary directory: `inbox`, `outbox`, `failed` (and `archive`).
///
/// - Parameters:
///   - directory: Where the folders go.
///   - archive: Whether to configure an archive folder.
/// - Returns: The spool, with its locked work folder.
/// - Throws: ``DaemonError`` when the folders cannot be made.
func makeSpool(_ directory: TemporaryDirectory, archive: Bool = false) throws -> Spool {
    try Spool(
        layout: SpoolLayout(
            inbox: FilePath(directory.appending("inbox")),
            outbox: FilePath(directory.appending("outbox")),
            failed: FilePath(directory.appending("failed")),
            archive: archive ? FilePath(directory.appending("archive")) : nil
        )
    )
}
