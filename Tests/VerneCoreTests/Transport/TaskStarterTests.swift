import Dispatch
import Foundation
import Testing

@testable import VerneCore

@Suite("Where a transport starts its tasks")
struct TaskStarterTests {
    /// Where one launch ran: on the thread that called `start`, before `start` returned.
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

    @Test("A lone async call starts on the caller's thread, before start returns")
    func loneAsyncCallStartsInPlace() {
        let starter = TaskStarter()
        let launch = Launch()

        starter.start(fromAsyncTask: true) { launch.record() }

        #expect(launch.hasRun)
        #expect(launch.ran(on: pthread_self()) == true)
    }

    @Test("A blocking call starts on the caller's thread even with others in flight")
    func blockingCallStartsInPlace() {
        let starter = TaskStarter()
        starter.start(fromAsyncTask: false) {}
        starter.start(fromAsyncTask: true) {}
        let launch = Launch()

        starter.start(fromAsyncTask: false) { launch.record() }

        #expect(launch.hasRun)
        #expect(launch.ran(on: pthread_self()) == true)
    }

    @Test("An async call with others in flight starts on the starter's queue where it helps")
    func busyAsyncCallStartsOnTheQueue() {
        let starter = TaskStarter()
        starter.start(fromAsyncTask: true) {}
        let launch = Launch()

        starter.start(fromAsyncTask: true) { launch.record() }

        // On Linux the caller must not wait for URLSession's queue; elsewhere nothing moves.
        #expect(launch.ran(on: pthread_self()) == !TaskStarter.startsWaitForSession)
    }

    @Test("Once the calls in flight have finished, the next async call starts in place again")
    func finishedCallsNoLongerCount() {
        let starter = TaskStarter()
        starter.start(fromAsyncTask: true) {}
        starter.start(fromAsyncTask: false) {}
        #expect(starter.callsInFlight == 2)

        starter.finished()
        starter.finished()
        let launch = Launch()
        starter.start(fromAsyncTask: true) { launch.record() }

        #expect(starter.callsInFlight == 1)
        #expect(launch.ran(on: pthread_self()) == true)
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
