import Foundation
import Testing

@testable import VerneCore

@Suite("Retry-After parsing")
struct RetryAfterTests {
    @Test(
        "Delta seconds are read; bad values count as absent",
        arguments: [
            ("2", Duration.seconds(2) as Duration?),
            ("0.5", .milliseconds(500)),
            ("0", .zero),
            ("-1", nil),
            ("NaN", nil),
            ("inf", nil),
            ("soon", nil),
            ("", nil),
        ])
    func deltaSeconds(header: String, expected: Duration?) {
        #expect(RetryAfter.parse(["Retry-After": header]) == expected)
    }

    @Test("An HTTP date becomes the wait until it")
    func httpDate() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let header = "Tue, 14 Nov 2023 22:13:30 GMT"

        let wait = RetryAfter.parse(["Retry-After": header], now: now)

        #expect(wait == .seconds(10))
    }

    @Test("retry-after-ms wins over Retry-After")
    func milliseconds() {
        #expect(RetryAfter.parse(["retry-after-ms": "250", "Retry-After": "9"]) == .milliseconds(250))
    }
}
