import Foundation

/// A value guarded by a lock.
///
/// An `NSLock` rather than Synchronization's `Mutex`: on Linux the `Mutex` is built on
/// futexes that ThreadSanitizer does not model, so every access under it is reported as
/// a race.
package final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Creates the guarded value.
    package init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    ///
    /// - Parameter body: Reads or changes the value; must not block for long.
    /// - Returns: What `body` returns.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
