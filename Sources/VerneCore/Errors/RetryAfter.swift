import Foundation

/// Reads the wait a response asks for from `retry-after-ms` or `Retry-After`.
package enum RetryAfter {
    /// The wait, or `nil` when absent, negative, not finite or unreadable.
    ///
    /// - Parameters:
    ///   - headers: The response headers.
    ///   - now: The current time, to turn an HTTP date into a wait.
    /// - Returns: The wait.
    package static func parse(_ headers: HTTPHeaders, now: Date = Date()) -> Duration? {
        if let millis = headers["retry-after-ms"].flatMap(finiteNonNegative) {
            return .milliseconds(millis)
        }
        guard let raw = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces),
            !raw.isEmpty
        else { return nil }

        if let seconds = Double(raw) {
            guard seconds.isFinite, seconds >= 0 else { return nil }
            return .milliseconds(seconds * 1000)
        }

        guard let date = httpDate(raw) else { return nil }
        return .seconds(max(0, date.timeIntervalSince(now).rounded(.up)))
    }

    private static func finiteNonNegative(_ text: String) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite,
            value >= 0
        else { return nil }
        return value
    }

    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter
    }()

    private static let lock = NSLock()

    /// Parses an IMF-fixdate such as `Wed, 21 Oct 2026 07:28:00 GMT`.
    private static func httpDate(_ text: String) -> Date? {
        lock.withLock { formatter.date(from: text) }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    package var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
