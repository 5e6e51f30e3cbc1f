import Dispatch
import Foundation

/// One timer for the time limits of many calls: runs each registered action when its
/// deadline passes, unless it was removed first.
///
/// A transport registers every request it sends and removes it when the answer arrives,
/// which is almost always long before the deadline. A `DispatchQueue.asyncAfter` per
/// request cost more than the rest of the transport's own work, and a cancelled one is
/// still held by Dispatch until its deadline: at a thousand calls a second with the
/// default 30-second timeout, that is some 20 MB of dead timers. Here, registering and
/// removing are a dictionary insertion and removal under a lock, and the one timer is
/// re-armed only when a deadline earlier than the armed one arrives or the armed one fires.
final class DeadlineTimer: @unchecked Sendable {
    private struct Entry {
        var deadline: UInt64
        var action: @Sendable () -> Void
    }

    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]
    private var nextID = 0
    /// When the timer is set to fire (uptime nanoseconds), or `nil` when it is not set.
    private var armedAt: UInt64?
    private let source: any DispatchSourceTimer

    /// Creates the timer; it fires on a global queue.
    init() {
        source = DispatchSource.makeTimerSource(queue: .global())
        source.schedule(deadline: .distantFuture)
        source.setEventHandler { [weak self] in self?.fire() }
        source.activate()
    }

    deinit {
        source.cancel()
    }

    /// Runs `action` once `limit` has passed, unless ``remove(_:)`` comes first.
    ///
    /// - Parameters:
    ///   - limit: The time limit from now.
    ///   - action: What to do when it passes; runs on a global queue, outside any lock.
    /// - Returns: The registration, for ``remove(_:)``.
    func add(after limit: Duration, _ action: @escaping @Sendable () -> Void) -> Int {
        let now = DispatchTime.now().uptimeNanoseconds
        // Whole seconds are capped at about 136 years, so the sum cannot overflow.
        let seconds = min(max(0, limit.components.seconds), 1 << 32)
        let nanoseconds =
            seconds * 1_000_000_000 + max(0, limit.components.attoseconds) / 1_000_000_000
        let deadline = now &+ UInt64(nanoseconds)

        return lock.withLock {
            nextID += 1
            entries[nextID] = Entry(deadline: deadline, action: action)
            if armedAt.map({ deadline < $0 }) ?? true { arm(at: deadline, now: now) }
            return nextID
        }
    }

    /// Forgets a registration; its action will not run.
    ///
    /// - Parameter id: What ``add(after:_:)`` returned.
    func remove(_ id: Int) {
        lock.withLock { _ = entries.removeValue(forKey: id) }
    }

    private func fire() {
        let now = DispatchTime.now().uptimeNanoseconds
        let due = lock.withLock { () -> [@Sendable () -> Void] in
            var due: [@Sendable () -> Void] = []
            var earliest: UInt64?
            for (id, entry) in entries {
                if entry.deadline <= now {
                    due.append(entry.action)
                    entries[id] = nil
                } else {
                    earliest = min(earliest ?? entry.deadline, entry.deadline)
                }
            }
            armedAt = nil
            if let earliest { arm(at: earliest, now: now) }
            return due
        }
        for action in due { action() }
    }

    /// Sets the timer; the caller holds the lock.
    ///
    /// The leeway is a tenth of the wait, at least a millisecond, as `asyncAfter` allows
    /// itself.
    private func arm(at deadline: UInt64, now: UInt64) {
        let leeway = min(max((deadline &- min(deadline, now)) / 10, 1_000_000), 60_000_000_000)
        source.schedule(
            deadline: DispatchTime(uptimeNanoseconds: deadline), repeating: .never,
            leeway: .nanoseconds(Int(leeway)))
        armedAt = deadline
    }
}
