/// Runs an operation for a fixed time and reports its rate.
enum Measurement {
    /// Calls `operation` in batches until `seconds` have passed, after a short warm-up.
    ///
    /// - Parameters:
    ///   - seconds: How long to measure.
    ///   - operation: The work, returning whether it gave the expected answer.
    /// - Returns: Operations per second.
    /// - Throws: ``BenchmarkError`` when the operation gives a wrong answer.
    static func rate(seconds: Double, _ operation: () throws -> Bool) throws -> Double {
        let clock = ContinuousClock()
        let warmUpEnd = clock.now.advanced(by: .milliseconds(200))
        while clock.now < warmUpEnd {
            guard try operation() else { throw BenchmarkError("wrong answer during warm-up") }
        }

        let start = clock.now
        let limit = Duration.milliseconds(Int64(seconds * 1000))
        var count = 0
        var elapsed = Duration.zero
        repeat {
            for _ in 0..<64 {
                guard try operation() else { throw BenchmarkError("wrong answer") }
            }
            count += 64
            elapsed = start.duration(to: clock.now)
        } while elapsed < limit

        let components = elapsed.components
        return Double(count) / (Double(components.seconds) + Double(components.attoseconds) / 1e18)
    }
}

/// A benchmark could not run as intended.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
