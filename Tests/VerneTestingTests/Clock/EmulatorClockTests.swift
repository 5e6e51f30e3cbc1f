import Foundation
import Testing
import VerneTesting

@Suite("EmulatorClock")
struct EmulatorClockTests {
    @Test("reads real time until moved")
    func realTime() {
        #expect(abs(EmulatorClock().now.timeIntervalSinceNow) < 1)
    }

    @Test("set and advance move the reading, reset returns to real time")
    func moves() {
        let clock = EmulatorClock()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        clock.set(to: start)
        #expect(abs(clock.now.timeIntervalSince(start)) < 1)

        clock.advance(by: .seconds(3600))
        #expect(abs(clock.now.timeIntervalSince(start) - 3600) < 1)

        clock.reset()
        #expect(abs(clock.now.timeIntervalSinceNow) < 1)
    }

    @Test("the emulator stamps messages with its clock")
    func stamps() throws {
        let clock = EmulatorClock(startingAt: Date(timeIntervalSince1970: 1_900_000_000))
        let answer = try EmulatorHarness(NautilusEmulator(clock: clock)).sendMessage()
        #expect(answer.json?["timestamp"]?.stringValue?.hasPrefix("2030-03-17T17:46") == true)
    }
}
