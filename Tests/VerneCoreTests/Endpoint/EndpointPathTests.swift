import Foundation
import Testing

@testable import VerneCore

@Suite("Paths, queries and base URLs")
struct EndpointPathTests {
    @Test("An ID becomes exactly one percent-encoded segment")
    func encoding() throws {
        let path = try EndpointPath("/v1/gate/identities").appending(id: "a/b?c#d%e f+ü")

        #expect(path.encoded == "/v1/gate/identities/a%2Fb%3Fc%23d%25e%20f%2B%C3%BC")
    }

    @Test("Empty, dot and dot-dot IDs are refused", arguments: ["", ".", ".."])
    func refused(id: String) {
        #expect(throws: VerneInvalidRequestError.self) {
            try EndpointPath("/v1/gate/identities").appending(id: id, argument: "identityID")
        }
    }

    @Test("Query values are fully encoded and absent ones dropped")
    func query() {
        var query = QueryItems()
        query.add("limit", 20)
        query.add("cursor", nil as String?)
        query.add("event_type", "a+b&c=d")
        query.add("flag", true)
        query.add("from", Date(timeIntervalSince1970: 0))

        #expect(
            query.encoded == "limit=20&event_type=a%2Bb%26c%3Dd&flag=true&from=1970-01-01T00%3A00%3A00Z")
    }

    @Test(
        "Base URLs: https anywhere, http only on loopback",
        arguments: [
            ("https://api.vernesoft.com", true), ("https://api.vernesoft.com/", true),
            ("http://127.0.0.1:8080", true), ("http://localhost:9000", true),
            ("http://[::1]:8080", true), ("http://api.vernesoft.com", false),
            ("ftp://api.vernesoft.com", false), ("api.vernesoft.com", false), ("", false),
            ("https://api.vernesoft.com?x=1", false), ("https://user:pw@api.vernesoft.com", false),
        ])
    func baseURL(text: String, valid: Bool) {
        #expect(((try? BaseURL(text)) != nil) == valid)
    }

    @Test("The trailing slash is dropped and paths are appended")
    func appending() throws {
        let base = try BaseURL("https://api.vernesoft.com/")
        var query = QueryItems()
        query.add("limit", 5)

        let url = base.appending(EndpointPath("/v1/relay/messages"), query: query)

        #expect(url.absoluteString == "https://api.vernesoft.com/v1/relay/messages?limit=5")
    }
}
