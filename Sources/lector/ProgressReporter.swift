import LectorCore

/// Shows `done, rate, time left` on stderr while a long `lector process` runs, when stderr
/// is a terminal; silent otherwise (logs and pipes stay clean).
struct ProgressReporter {
    private let enabled: Bool
    private let total: Int?
    /// The input's size in bytes when the count of documents is not known in advance (a
    /// JSON Lines file): the time left is estimated from the bytes read.
    private let totalBytes: Int?
    private var bytesDone = 0
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastShown: ContinuousClock.Instant
    private var done = 0

    init(total: Int?, totalBytes: Int? = nil, enabled: Bool = Environment.isTerminal(2)) {
        self.total = total
        self.totalBytes = totalBytes
        self.enabled = enabled
        start = clock.now
        lastShown = start
    }

    /// Counts finished inputs and redraws at most ten times a second.
    ///
    /// - Parameters:
    ///   - count: How many inputs finished.
    ///   - bytesDone: How many bytes of the input were read so far, when counting by bytes.
    mutating func advance(by count: Int = 1, bytesDone: Int? = nil) {
        done += count
        if let bytesDone { self.bytesDone = bytesDone }
        guard enabled else { return }
        let now = clock.now
        guard now - lastShown >= .milliseconds(100) else { return }
        lastShown = now
        draw(now: now)
    }

    /// Draws the final figures and ends the line.
    func finish() {
        guard enabled, done > 1 else { return }
        draw(now: clock.now)
        StandardError.write("\n")
    }

    private func draw(now: ContinuousClock.Instant) {
        let elapsed = max((now - start).inSeconds, 1e-9)
        let rate = Double(done) / elapsed
        var line = "\r\u{1B}[K\(done)"
        if let total {
            line += "/\(total) done, \(Int(rate.rounded()))/s"
            if rate > 0, total > done {
                line += ", \(Int((Double(total - done) / rate).rounded(.up)))s left"
            }
        } else {
            line += " done, \(Int(rate.rounded()))/s"
            if let totalBytes, bytesDone > 0, totalBytes > bytesDone {
                let left = elapsed * Double(totalBytes - bytesDone) / Double(bytesDone)
                line += ", \(Int(left.rounded(.up)))s left"
            }
        }
        StandardError.write(line)
    }
}
