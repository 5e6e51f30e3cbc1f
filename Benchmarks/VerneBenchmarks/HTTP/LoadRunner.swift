import Foundation
import VerneCore

/// What one measured load run produced.
struct LoadResult: Sendable {
    /// The latency of every call completed in the measured window, in nanoseconds.
    var latencies: [UInt64]
    /// The wall-clock length of the measured window, in seconds.
    var elapsed: Double
    /// The process's CPU time (user and system, every thread) in the window, in seconds.
    var cpu: Double
}

/// Drives calls in a closed loop: a warm-up, then a measured window.
///
/// Each worker starts its next call as soon as its previous one has answered, so the
/// concurrency is exactly the number of workers. Latencies are recorded per worker and
/// merged after the window, so recording takes no lock.
enum LoadRunner {
    /// Runs blocking calls one after another on the calling thread.
    ///
    /// - Parameters:
    ///   - warmUp: Seconds of calls before measuring (connections, caches, lazy set-up).
    ///   - seconds: Seconds to measure.
    ///   - calls: When given, measure exactly this many calls instead (after 10 warm-up
    ///     calls), so that instruction counts of two runs can be subtracted.
    ///   - call: One call; throws when the answer is wrong.
    /// - Returns: The measured window.
    /// - Throws: What `call` throws.
    static func sequential(
        warmUp: Double, seconds: Double, calls: Int? = nil, _ call: () throws -> Void
    ) throws -> LoadResult {
        var discarded: [UInt64] = []
        try loop(
            calls == nil ? .time(now() + nanoseconds(warmUp)) : .count(10), into: &discarded, call)

        var latencies: [UInt64] = []
        latencies.reserveCapacity(calls ?? 100_000)
        let cpuStart = ProcessStats.cpuSeconds()
        let start = now()
        try loop(
            calls.map(Stop.count) ?? .time(start + nanoseconds(seconds)), into: &latencies, call)
        let end = now()

        return LoadResult(
            latencies: latencies, elapsed: Double(end - start) / 1e9,
            cpu: ProcessStats.cpuSeconds() - cpuStart)
    }

    /// Runs async calls from `concurrency` tasks at once.
    ///
    /// - Parameters:
    ///   - concurrency: The number of calls in flight.
    ///   - warmUp: Seconds of calls before measuring.
    ///   - seconds: Seconds to measure; the window ends when the last call started in it
    ///     has answered.
    ///   - calls: When given, measure exactly this many calls instead (after one warm-up
    ///     call per task), for subtracting instruction counts.
    ///   - call: One call; throws when the answer is wrong.
    /// - Returns: The measured window.
    /// - Throws: What `call` throws.
    static func concurrent(
        concurrency: Int, warmUp: Double, seconds: Double, calls: Int? = nil,
        _ call: @escaping @Sendable () async throws -> Void
    ) async throws -> LoadResult {
        let warmUpStop: Stop =
            calls == nil ? .time(now() + nanoseconds(warmUp)) : .count(concurrency)
        _ = try await workers(concurrency, stop: Tickets(warmUpStop), call)

        let cpuStart = ProcessStats.cpuSeconds()
        let start = now()
        let stop: Stop = calls.map(Stop.count) ?? .time(start + nanoseconds(seconds))
        let latencies = try await workers(concurrency, stop: Tickets(stop), call)
        let end = now()

        return LoadResult(
            latencies: latencies, elapsed: Double(end - start) / 1e9,
            cpu: ProcessStats.cpuSeconds() - cpuStart)
    }

    private static func workers(
        _ count: Int, stop tickets: Tickets, _ call: @escaping @Sendable () async throws -> Void
    ) async throws -> [UInt64] {
        try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for _ in 0..<count {
                group.addTask {
                    var latencies: [UInt64] = []
                    latencies.reserveCapacity(4096)
                    while tickets.take() {
                        let start = now()
                        try await call()
                        latencies.append(now() - start)
                    }
                    return latencies
                }
            }

            var all: [UInt64] = []
            for try await latencies in group { all += latencies }
            return all
        }
    }

    /// Lets workers start calls until a time or a number of calls is reached.
    private final class Tickets: Sendable {
        private let stop: Stop
        private let left: LockedValue<Int>

        init(_ stop: Stop) {
            self.stop = stop
            if case .count(let count) = stop {
                left = LockedValue(count)
            } else {
                left = LockedValue(0)
            }
        }

        /// Whether another call may start.
        func take() -> Bool {
            switch stop {
            case .time(let deadline):
                return now() < deadline
            case .count:
                return left.withLock { left in
                    guard left > 0 else { return false }
                    left -= 1
                    return true
                }
            }
        }
    }

    /// When a sequential loop stops.
    private enum Stop: Sendable {
        case time(UInt64)
        case count(Int)
    }

    private static func loop(
        _ stop: Stop, into latencies: inout [UInt64], _ call: () throws -> Void
    ) throws {
        var done = 0
        while true {
            switch stop {
            case .time(let deadline): if now() >= deadline { return }
            case .count(let count): if done >= count { return }
            }
            let start = now()
            try call()
            latencies.append(now() - start)
            done += 1
        }
    }

    /// A monotonic time in nanoseconds.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    private static func nanoseconds(_ seconds: Double) -> UInt64 { UInt64(seconds * 1e9) }
}
