/// The most recent latencies, for percentiles that reflect current behaviour.
public struct LatencyWindow: Sendable {
    private var samples: [Double]
    private var next = 0
    /// How many latencies were recorded since start.
    public private(set) var total = 0
    /// The sum of every latency recorded (not only the window's), in milliseconds.
    public private(set) var sum = 0.0
    let capacity: Int

    /// Creates an empty window.
    ///
    /// - Parameter capacity: How many recent latencies it keeps.
    public init(capacity: Int = 4096) {
        self.capacity = capacity
        samples = []
        samples.reserveCapacity(capacity)
    }

    /// Adds one latency in milliseconds.
    ///
    /// - Parameter milliseconds: The latency.
    public mutating func record(_ milliseconds: Double) {
        if samples.count < capacity {
            samples.append(milliseconds)
        } else {
            samples[next] = milliseconds
        }
        next = (next + 1) % capacity
        total += 1
        sum += milliseconds
    }

    /// The p50, p90 and p99 of the window in milliseconds, rounded to hundredths (none when
    /// empty), as status files and metrics show them.
    public var percentiles: [String: Double] {
        var result: [String: Double] = [:]
        for (key, q) in [("p50", 0.5), ("p90", 0.9), ("p99", 0.99)] {
            if let value = quantile(q) { result[key] = (value * 100).rounded() / 100 }
        }
        return result
    }

    /// The `q` quantile (0…1) of the window, nearest-rank; `nil` when empty.
    ///
    /// - Parameter q: The quantile.
    /// - Returns: The latency at it.
    public func quantile(_ q: Double) -> Double? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
