import Foundation
import VerneCore

/// The two ways the emulator writes times.
enum EmulatorTime {
    /// Relay's style: whole seconds, milliseconds only when there are some.
    ///
    /// - Parameter date: The instant.
    /// - Returns: For example `2026-03-17T12:00:00Z`.
    static func relay(_ date: Date) -> String {
        RFC3339.string(from: date)
    }

    /// The identity service's style: up to six fractional digits, trailing zeros dropped.
    ///
    /// - Parameter date: The instant.
    /// - Returns: For example `2026-03-17T12:00:00.123456Z`.
    static func gate(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var whole = interval.rounded(.down)
        var micros = Int(((interval - whole) * 1_000_000).rounded())
        if micros == 1_000_000 {
            whole += 1
            micros = 0
        }

        var text = RFC3339.string(from: Date(timeIntervalSince1970: whole))
        guard micros > 0 else { return text }
        text.removeLast()
        var digits = String(micros)
        digits = String(repeating: "0", count: 6 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return text + "." + digits + "Z"
    }

    /// Reads an RFC 3339 time.
    ///
    /// - Parameter text: The time.
    /// - Returns: The instant, or `nil`.
    static func parse(_ text: String) -> Date? {
        RFC3339.date(from: text)
    }
}
