#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the benchmark process has used so far: CPU time, peak memory, TCP connections.
enum ProcessStats {
    /// User plus system CPU time of the whole process (every thread), in seconds.
    static func cpuSeconds() -> Double {
        let usage = current()
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1_000_000
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1_000_000
        return user + system
    }

    /// The peak resident set size of the process, in bytes.
    static func peakRSSBytes() -> Int {
        #if canImport(Darwin)
            return Int(current().ru_maxrss)
        #else
            return Int(current().ru_maxrss) * 1024
        #endif
    }

    /// The TCP connections the process has opened, when `scripts/bench/connect_count.c`
    /// is preloaded (it counts every `connect` to an IPv4 or IPv6 address); `nil` otherwise.
    static func connectionsOpened() -> Int? {
        typealias Count = @convention(c) () -> Int
        guard
            let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "verne_bench_connect_count")
        else { return nil }
        return unsafeBitCast(symbol, to: Count.self)()
    }

    private static func current() -> rusage {
        var usage = rusage()
        #if canImport(Glibc)
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        return usage
    }
}
