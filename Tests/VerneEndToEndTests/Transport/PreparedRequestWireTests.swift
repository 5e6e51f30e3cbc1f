import Foundation
import Testing
import Verne
import VerneTesting

/// The transport reuses a built `URLRequest` and sends each body beside it; these tests
/// check on a real socket that nothing of one call leaks into another.
@Suite("Reused requests over a real loopback socket")
struct PreparedRequestWireTests {
    @Test("Bodies far beyond libcurl's 1 KB upload threshold arrive whole, blocking and async")
    func largeBodies() async throws {
        let loopback = try LoopbackEmulator()
        let key = "vrn_large_bodies"
        let transport = URLSessionTransport()
        let blocking = Relay(
            apiKey: key, configuration: loopback.configuration(), transport: transport)
        let async = AsyncRelay(
            apiKey: key, configuration: loopback.configuration(), transport: transport)
        let sizes = [10, 1_023, 1_025, 70_000, 300_000]

        for size in sizes {
            let text = String(repeating: "é", count: size / 2)
            _ = try await onThread {
                try blocking.messages.send(eventType: "big.blocking", payload: ["text": .string(text)])
            }
            try await async.messages.send(eventType: "big.async", payload: ["text": .string(text)])
        }

        let stored = loopback.storedMessages(key: key)
        let texts = stored.compactMap { $0["payload"]?["text"]?.stringValue }
        let expected = sizes.flatMap { size in
            Array(repeating: String(repeating: "é", count: size / 2), count: 2)
        }
        #expect(texts.sorted() == expected.sorted())
    }

    @Test("Two clients with different keys on one transport each send their own key")
    func keysStayApart() async throws {
        let loopback = try LoopbackEmulator()
        let transport = URLSessionTransport()
        let first = AsyncRelay(
            apiKey: "vrn_first_tenant", configuration: loopback.configuration(),
            transport: transport)
        let second = AsyncRelay(
            apiKey: "vrn_second_tenant", configuration: loopback.configuration(),
            transport: transport)

        for index in 0..<6 {
            let client = index.isMultiple(of: 2) ? first : second
            try await client.messages.send(eventType: "tenant.\(index % 2)", payload: [:])
        }

        let firstTypes = loopback.storedMessages(key: "vrn_first_tenant")
            .compactMap { $0["event_type"]?.stringValue }
        let secondTypes = loopback.storedMessages(key: "vrn_second_tenant")
            .compactMap { $0["event_type"]?.stringValue }
        #expect(firstTypes == ["tenant.0", "tenant.0", "tenant.0"])
        #expect(secondTypes == ["tenant.1", "tenant.1", "tenant.1"])
    }

    @Test("A send, a list and a send again on one client each reach their own endpoint")
    func methodsStayApart() throws {
        let loopback = try LoopbackEmulator()
        let relay = Relay(apiKey: "vrn_methods", configuration: loopback.configuration())

        let sent = try relay.messages.send(eventType: "first", payload: ["n": 1])
        let page = try relay.messages.list(limit: 10)
        let again = try relay.messages.send(eventType: "second", payload: ["n": 2])

        #expect(page.items.map(\.id) == [sent.id])
        #expect(sent.id != again.id)
        #expect(loopback.storedMessages(key: "vrn_methods").count == 2)
    }

    @Test("Response headers, read only on demand, still reach onResponse")
    func responseHeaders() async throws {
        let loopback = try LoopbackEmulator()
        let seen = LockedValue<[ResponseMetadata]>([])
        let relay = AsyncRelay(apiKey: "vrn_headers", configuration: loopback.configuration())
            .withOptions(RequestOptions(onResponse: { metadata in seen.withLock { $0.append(metadata) } }))

        try await relay.messages.send(eventType: "headers.read", payload: [:])

        let metadata = try #require(seen.withLock { $0.first })
        #expect(metadata.requestID?.hasPrefix("req_") == true)
        #expect(metadata.headers["content-type"]?.hasPrefix("application/json") == true)
    }
}
