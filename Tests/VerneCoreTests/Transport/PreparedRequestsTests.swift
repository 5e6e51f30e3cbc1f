import Foundation
import Testing

@testable import VerneCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Prepared URLRequests")
struct PreparedRequestsTests {
    private let url = URL(string: "http://127.0.0.1:8080/v1/relay/messages")!

    private func request(
        _ method: HTTPMethod = .post, url: URL? = nil, headers: HTTPHeaders = ["Accept": "x"],
        body: String? = "{}"
    ) -> HTTPRequest {
        HTTPRequest(
            method: method, url: url ?? self.url, headers: headers,
            body: body.map { Data($0.utf8) })
    }

    @Test("A request is built with the method, URL, headers and limit, and no body")
    func built() {
        let cache = PreparedRequests()

        let prepared = cache.request(
            for: request(headers: ["Accept": "application/json", "X-One": "1", "x-one": "2"]),
            timeoutInterval: 7)

        #expect(prepared.httpMethod == "POST")
        #expect(prepared.url == url)
        #expect(prepared.value(forHTTPHeaderField: "accept") == "application/json")
        #expect(prepared.value(forHTTPHeaderField: "X-One") == "1,2")
        #expect(prepared.timeoutInterval == 7)
        #expect(prepared.httpBody == nil)
    }

    @Test("Requests differing only in their bodies share one prepared request")
    func reused() {
        let cache = PreparedRequests()

        _ = cache.request(for: request(body: "{\"a\":1}"), timeoutInterval: 31)
        _ = cache.request(for: request(body: "{\"b\":2}"), timeoutInterval: 31)

        #expect(cache.count == 1)
    }

    @Test(
        "A different method, URL, header or limit gets its own request",
        arguments: [
            ("method", 0), ("url", 1), ("header value", 2), ("header name", 3), ("limit", 4),
        ])
    func distinct(change: String, index: Int) {
        let cache = PreparedRequests()
        let base = request()
        var other = base
        var limit: TimeInterval = 31
        switch index {
        case 0: other.method = .put
        case 1: other.url = URL(string: "http://127.0.0.1:8080/v1/relay/messages/msg_1")!
        case 2: other.headers = ["Accept": "y"]
        case 3: other.headers = ["Accept": "x", "X-Extra": "1"]
        default: limit = 2
        }

        let first = cache.request(for: base, timeoutInterval: 31)
        let second = cache.request(for: other, timeoutInterval: limit)

        #expect(cache.count == 2, "\(change)")
        #expect(
            first.httpMethod != second.httpMethod || first.url != second.url
                || first.allHTTPHeaderFields != second.allHTTPHeaderFields
                || first.timeoutInterval != second.timeoutInterval)
    }

    @Test("The cache never holds more than its capacity")
    func bounded() {
        let cache = PreparedRequests()
        let count = PreparedRequests.capacity + 5

        for index in 0..<count {
            let url = URL(string: "http://127.0.0.1:8080/v1/items/\(index)")!
            _ = cache.request(for: request(.get, url: url, body: nil), timeoutInterval: 31)
        }

        #expect(cache.count == PreparedRequests.capacity)
    }
}
