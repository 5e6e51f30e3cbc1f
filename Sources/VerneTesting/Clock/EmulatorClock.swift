import Foundation
import Synchronization

/// The emulator's sense of time: real time by default, and settable or advanceable so a
/// test can cover expiry without sleeping.
///
/// The clock is real time plus an offset. ``set(to:)`` and ``advance(by:)`` move the
/// offset, so after setting the clock it keeps running from the new instant at real
/// speed. Every timestamp the emulator writes, the 12-hour idempotency window and token
/// expiry are read from this clock.
///
/// ```swift
/// let emulator = NautilusEmulator()
/// emulator.clock.advance(by: .seconds(3601))   // a one-hour token has now expired
/// ```
public final class EmulatorClock: Sendable {
    /// The offset from real time in seconds, as the bit pattern of a `Double`, so that
    /// reading the clock on every request takes no lock.
    private let offsetBits = Atomic<UInt64>(0)

    /// Creates a clock that reads real time.
    public init() {}

    /// Creates a clock that starts at a given instant and runs at real speed from there.
    ///
    /// - Parameter start: The instant the clock reads now.
    public convenience init(startingAt start: Date) {
        self.init()
        set(to: start)
    }

    /// The current instant as the emulator sees it.
    public var now: Date {
        Date(timeIntervalSinceNow: offset)
    }

    /// Moves the clock so that it reads `date` now; it keeps running from there.
    ///
    /// - Parameter date: The instant the clock should read.
    public func set(to date: Date) {
        offset = date.timeIntervalSinceNow
    }

    /// Moves the clock forward (or back, for a negative duration).
    ///
    /// - Parameter duration: How far to move it.
    public func advance(by duration: Duration) {
        let parts = duration.components
        let seconds = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        var current = offsetBits.load(ordering: .relaxed)
        while true {
            let next = (Double(bitPattern: current) + seconds).bitPattern
            let (exchanged, original) = offsetBits.compareExchange(
                expected: current, desired: next, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }

    /// Puts the clock back on real time.
    public func reset() {
        offset = 0
    }

    private var offset: Double {
        get { Double(bitPattern: offsetBits.load(ordering: .relaxed)) }
        set { offsetBits.store(newValue.bitPattern, ordering: .relaxed) }
    }
}
