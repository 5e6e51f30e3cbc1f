import Foundation

/// A value behind a plain mutex.
///
/// The emulator's state is touched by every request from many connection threads at
/// once. `Synchronization.Mutex` on Linux is a priority-inheritance futex whose every
/// contended acquisition enters the kernel; a plain `pthread` mutex (through `NSLock`)
/// made the loopback server two to three times faster (measured with `wrk`, 1 to 256
/// connections). ThreadSanitizer also understands a `pthread` mutex, while it reports
/// false races on data guarded by `Mutex` on Linux.
final class StateLock<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Creates a lock around a value.
    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    ///
    /// - Parameter body: Reads or changes the value; it must not block.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
