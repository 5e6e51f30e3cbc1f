import Dispatch
import Synchronization

/// Chooses the thread on which a transport creates and resumes its `URLSession` tasks.
///
/// On Linux, FoundationNetworking makes the caller of `dataTask(with:)` and of `resume()`
/// wait, synchronously, for the session's serial work queue, the queue on which libcurl
/// reads and writes every transfer of the session. With many calls in flight that queue is
/// busy, and the caller waits behind it. When the caller is an async task, the thread
/// that waits is one of the concurrency pool's, which has only as many threads as the
/// machine has cores: while it waits, no other task can use it. Measured on two cores with
/// 32 calls in flight, ten microseconds of extra work a call on a pool thread cut the
/// throughput by about 15 %, and the same work in URLSession's completion handler by
/// nothing measurable; starting the tasks off the pool took the SDK from 0.87–0.90 of a
/// bare `URLSession`'s throughput to about 1.4 times it (`Docs/Performance.md`).
///
/// So an async call that finds other calls of its transport in flight is started on a
/// serial queue of the transport's own, and the pool thread moves on at once. A call with
/// none in flight, where nothing is waited for and a hand-off would only add latency, and a
/// blocking call, whose thread is the caller's own, start where they are. On Apple
/// platforms, where `resume()` returns at once, every call starts where it is.
final class TaskStarter: Sendable {
    /// Calls started and not yet answered.
    private let inFlight = Atomic<Int>(0)
    /// Where busy async calls start, in the order they arrive.
    private let queue = DispatchQueue(label: "com.vernesoft.verne.transport.start")

    /// Whether this platform's `URLSession` makes the caller wait in `resume()`.
    static var startsWaitForSession: Bool {
        #if canImport(FoundationNetworking)
            true
        #else
            false
        #endif
    }

    /// Starts one call: runs `launch`, which creates and resumes its task.
    ///
    /// Each call to this method must be matched by one call to ``finished()`` once the
    /// call's answer or failure has arrived.
    ///
    /// - Parameters:
    ///   - fromAsyncTask: Whether the caller is an async task rather than a blocking thread.
    ///   - launch: Creates and resumes the call's task.
    func start(fromAsyncTask: Bool, _ launch: @escaping @Sendable () -> Void) {
        let othersInFlight = inFlight.wrappingAdd(1, ordering: .relaxed).oldValue

        if fromAsyncTask && othersInFlight > 0 && Self.startsWaitForSession {
            queue.async(execute: launch)
        } else {
            launch()
        }
    }

    /// Records that a call started with ``start(fromAsyncTask:_:)`` has ended.
    func finished() {
        inFlight.wrappingSubtract(1, ordering: .relaxed)
    }

    /// The calls in flight, for tests.
    var callsInFlight: Int { inFlight.load(ordering: .relaxed) }
}
