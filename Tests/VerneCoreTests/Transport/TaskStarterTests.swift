import Dispatch
import Foundation
import Testing

@testable import VerneCore

@Suite("Where a transport starts its tasks")
struct TaskStarterTests {
    /// Where one launch ran: the thread that ran it, and a signal once it has.
    private final class Launch: @unchecked Sendable {
        private let lock = NSLock()
        private var thread: pthread_t?
        private let ran = DispatchSemaphore(value: 0)

        func record() {
            lock.withLock { thread = pthread_self() }
            ran.signal()
        }

        /// Whether it ran on `caller`; waits up to 5 s for it to run at all.
        func ran(on caller: pthread_t) -> Bool? {
            guard ran.wait(timeout: .now() + 5) == .success else { return nil }
            return lock.withLock { thread.map { pthread_equal($0, caller) != 0 } }
        }

        /// Whether it has run already, without waiting.
        var hasRun: Bool { lock.withLock { thread != nil } }
    }

    /// Starts one call and says where it ran: `true` on this thread before `start`
    /// returned, `false` on another thread, `nil` when it did not run within 5 s.
    private func startsInPlace(_ starter: TaskStarter, fromAsyncTask: Bool) -> Bool? {
        let launch = Launch()
        starter.start(fromAsyncTask: fromAsyncTask) { launch.record() }
        let ranBeforeReturn = launch.hasRun

        return launch.ran(on: pthread_self()).map { $0 && ranBeforeReturn }
    }

    @Test("A lone async call starts on the caller's thread, before start returns")
    func loneAsyncCallStartsInPlace() {
        #expect(startsInPlace(TaskStarter(), fromAsyncTask: true) == true)
    }

    @Test("A blocking call starts on the caller's thread even with others in flight")
    func blockingCallStartsInPlace() {
        let starter = TaskStarter()
        starter.start(fromAsyncTask: false) {}
        starter.start(fromAsyncTask: true) {}

        #expect(startsInPlace(starter, fromAsyncTask: false) == true)
    }

    @Test("An async call with others in flight starts on the starter's queue where it helps")
    func busyAsyncCallStartsOnTheQueue() {
        let starter = TaskStarter()
        starter.start(fromAsyncTask: true) {}

        // On Linux the caller must not wait for URLSession's queue; elsewhere nothing moves.
        #expect(startsInPlace(starter, fromAsyncTask: true) == !TaskStarter.startsWaitForSession)
    }

    @Test("Once the calls in flight have finished, the next async call starts in place again")
    func finishedCallsNoLongerCount() {
        let starter = TaskStarter()
        starter.start(fromAsyncTask: true) {}
        starter.start(fromAsyncTask: false) {}
        #expect(starter.callsInFlight == 2)

        starter.finished()
        starter.finished()

        #expect(startsInPlace(starter, fromAsyncTask: true) == true)
        #expect(starter.callsInFlight == 1)
    }

    @Test("Calls moved to the queue start in the order they were made")
    func queuedCallsKeepTheirOrder() {
        let starter = TaskStarter()
        starter.start(fromAsyncTask: true) {}
        let order = LockedValue<[Int]>([])
        let done = DispatchSemaphore(value: 0)

        for index in 0..<50 {
            starter.start(fromAsyncTask: true) {
                order.withLock { $0.append(index) }
                if index == 49 { done.signal() }
            }
        }

        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(order.withLock { $0 } == Array(0..<50))
    }
}
