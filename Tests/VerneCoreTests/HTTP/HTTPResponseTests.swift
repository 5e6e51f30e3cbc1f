import Foundation
import Testing
import VerneCore

/// Counts how often lazily made headers are made.
private final class MakeCounter: Sendable {
    let count = LockedValue(0)
}

@Suite("HTTPResponse headers")
struct HTTPResponseTests {
    @Test("Headers a transport leaves unread are made once, on first read, and shared by copies")
    func lazyHeadersMadeOnce() async {
        let counter = MakeCounter()
        let response = HTTPResponse(status: 202, body: Data("{}".utf8)) {
            counter.count.withLock { $0 += 1 }
            return ["X-Request-ID": "req_1", "RateLimit-Remaining": "9"]
        }
        #expect(counter.count.withLock { $0 } == 0)

        let copy = response
        await withTaskGroup(of: String?.self) { group in
            for _ in 0..<16 { group.addTask { copy.headers["x-request-id"] } }
            for await value in group { #expect(value == "req_1") }
        }

        #expect(response.headers["RateLimit-Remaining"] == "9")
        #expect(counter.count.withLock { $0 } == 1)
    }

    @Test("Setting or changing the headers replaces the lazily made ones")
    func settingOverrides() {
        var response = HTTPResponse(status: 200, body: Data()) { ["X-Request-ID": "req_1"] }

        response.headers["X-Request-ID"] = "req_2"
        response.headers.add(name: "X-Extra", value: "1")

        #expect(response.headers["X-Request-ID"] == "req_2")
        #expect(response.headers["X-Extra"] == "1")
        #expect(Array(response.headers).count == 2)
    }

    @Test("Headers given at creation are kept as given, and printed redacted")
    func eagerHeaders() {
        let response = HTTPResponse(
            status: 401, headers: ["Set-Cookie": "session=secret", "X-Request-ID": "req_3"])

        #expect(response.headers["x-request-id"] == "req_3")
        #expect(!response.description.contains("secret"))
    }
}
