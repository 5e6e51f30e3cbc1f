import Foundation
import Testing

@testable import VerneCore

@Suite("Resolved URLs")
struct ResolvedURLsTests {
    private let baseURL = try! BaseURL("http://127.0.0.1:8080")

    @Test("A cached URL is the one BaseURL builds, query included")
    func sameAsBaseURL() throws {
        let urls = ResolvedURLs(baseURL: baseURL)
        let path = try EndpointPath("/v1/relay/messages").appending(id: "msg 1/x")
        let query = QueryItems.page(limit: 5, cursor: "a+b&c")

        let first = urls.url(for: path, query: query)
        let again = urls.url(for: path, query: query)

        #expect(first == baseURL.appending(path, query: query))
        #expect(again == first)
        #expect(urls.count == 1)
    }

    @Test("The same path with another query is another URL")
    func queryIsPartOfTheKey() {
        let urls = ResolvedURLs(baseURL: baseURL)
        let path = EndpointPath("/v1/relay/messages")

        let plain = urls.url(for: path, query: QueryItems())
        let paged = urls.url(for: path, query: .page(limit: 2, cursor: nil))

        #expect(plain.absoluteString == "http://127.0.0.1:8080/v1/relay/messages")
        #expect(paged.absoluteString == "http://127.0.0.1:8080/v1/relay/messages?limit=2")
        #expect(urls.count == 2)
    }

    @Test("A full cache starts again empty instead of growing")
    func bounded() throws {
        let urls = ResolvedURLs(baseURL: baseURL)
        let root = EndpointPath("/v1/relay/messages")

        for index in 0...ResolvedURLs.capacity {
            _ = urls.url(for: try root.appending(id: "msg_\(index)"), query: QueryItems())
        }

        #expect(urls.count == 1)
    }
}
