import Foundation

/// One measured run as a JSON line on standard output, for `scripts/bench/run.py`.
///
/// Fields: `label`; `calls`; `seconds` (the measured window); `calls_per_second`;
/// `mean_ms`, `p50_ms`, `p99_ms` (per-call latency); `cpu_us_per_call` (user plus system
/// CPU of the whole process in the window, divided by the calls); `peak_rss_mb` (the
/// process's peak resident set, from `getrusage`); `connections` (TCP connects in the
/// whole process, warm-up included, or `null` without the counting library); and any
/// extra numbers a benchmark adds.
struct RunReport {
    var label: String
    var result: LoadResult
    var extra: [(String, Double)] = []
    /// The connections to report instead of the whole process's count, when given.
    var connections: Int?

    /// Prints the line.
    func print() { Swift.print(json) }

    /// The report as one JSON object.
    var json: String {
        let sorted = result.latencies.sorted()
        let count = sorted.count
        let mean = count == 0 ? 0 : Double(sorted.reduce(0, +)) / Double(count) / 1e6

        var fields: [(String, String)] = [
            ("label", "\"\(label)\""),
            ("calls", String(count)),
            ("seconds", format(result.elapsed)),
            ("calls_per_second", format(Double(count) / max(result.elapsed, 1e-9))),
            ("mean_ms", format(mean)),
            ("p50_ms", format(Self.percentile(sorted, 0.50))),
            ("p99_ms", format(Self.percentile(sorted, 0.99))),
            ("cpu_us_per_call", format(count == 0 ? 0 : result.cpu / Double(count) * 1e6)),
            ("peak_rss_mb", format(Double(ProcessStats.peakRSSBytes()) / 1_048_576)),
            (
                "connections",
                (connections ?? ProcessStats.connectionsOpened()).map(String.init) ?? "null"
            ),
        ]
        fields += extra.map { ($0.0, format($0.1)) }

        let body = fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ")
        return "{" + body + "}"
    }

    /// The latency at a fraction of the sorted samples (nearest rank), in milliseconds.
    static func percentile(_ sorted: [UInt64], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return Double(sorted[min(max(rank, 1), sorted.count) - 1]) / 1e6
    }

    private func format(_ value: Double) -> String { String(format: "%.4f", value) }
}
