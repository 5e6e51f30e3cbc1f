import Dispatch
import VerneCore

/// Runs async work from the synchronous benchmark commands.
///
/// The command runs on the main thread, which is not one of the concurrency pool's
/// threads, so waiting on a semaphore there cannot starve the pool.
enum AsyncBridge {
    /// Runs `body` in a task and blocks the calling (main) thread until it finishes.
    ///
    /// - Parameter body: The work.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    static func wait<Value: Sendable>(
        _ body: @escaping @Sendable () async throws -> Value
    ) throws -> Value {
        let outcome = LockedValue<Result<Value, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<Value, any Error>
            do {
                result = .success(try await body())
            } catch {
                result = .failure(error)
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try outcome.withLock { $0! }.get()
    }
}
