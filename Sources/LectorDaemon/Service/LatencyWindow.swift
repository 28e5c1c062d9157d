/// The most recent latencies, for percentiles that reflect current behaviour.
struct LatencyWindow: Sendable {
    private var samples: [Double]
    private var next = 0
    private(set) var total = 0
    /// The sum of every latency recorded (not only the window's), in milliseconds.
    private(set) var sum = 0.0
    let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
        samples = []
        samples.reserveCapacity(capacity)
    }

    /// Adds one latency in milliseconds.
    mutating func record(_ milliseconds: Double) {
        if samples.count < capacity {
            samples.append(milliseconds)
        } else {
            samples[next] = milliseconds
        }
        next = (next + 1) % capacity
        total += 1
        sum += milliseconds
    }

    /// The `q` quantile (0…1) of the window, nearest-rank; `nil` when empty.
    func quantile(_ q: Double) -> Double? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
