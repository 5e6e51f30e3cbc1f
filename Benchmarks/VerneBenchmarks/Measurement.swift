#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs an operation for a fixed time and reports its rate.
///
/// The rate is divided by the process's user CPU time, as `openssl speed` does by default,
/// so other load on the machine does not lower it; the run itself lasts the given wall-clock
/// time.
enum Measurement {
    /// Calls `operation` in batches until `seconds` have passed, after a short warm-up.
    ///
    /// - Parameters:
    ///   - seconds: How long to measure, wall-clock.
    ///   - operation: The work, returning whether it gave the expected answer.
    /// - Returns: Operations per second of user CPU time.
    /// - Throws: ``BenchmarkError`` when the operation gives a wrong answer.
    static func rate(seconds: Double, _ operation: () throws -> Bool) throws -> Double {
        let clock = ContinuousClock()
        let warmUpEnd = clock.now.advanced(by: .milliseconds(200))
        while clock.now < warmUpEnd {
            guard try operation() else { throw BenchmarkError("wrong answer during warm-up") }
        }

        let start = clock.now
        let startCPU = userCPUSeconds()
        let limit = Duration.milliseconds(Int64(seconds * 1000))
        var count = 0
        repeat {
            for _ in 0..<64 {
                guard try operation() else { throw BenchmarkError("wrong answer") }
            }
            count += 64
        } while start.duration(to: clock.now) < limit

        return Double(count) / (userCPUSeconds() - startCPU)
    }

    /// The user CPU time the process has used.
    private static func userCPUSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1_000_000
    }
}

/// A benchmark could not run as intended.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
