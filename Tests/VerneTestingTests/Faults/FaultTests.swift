import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Faults in-process")
struct FaultTests {
    private func storedMessages(_ harness: EmulatorHarness) throws -> Int {
        try harness.call(.get, "/v1/relay/messages").json?["data"]?.arrayValue?.count ?? -1
    }

    @Test("a delay holds the answer back, then answers normally")
    func delay() throws {
        let harness = EmulatorHarness()
        harness.emulator.inject(EmulatorFault(.delay(.milliseconds(200)), path: "/v1/relay/messages"))

        let started = ContinuousClock.now
        let answer = try harness.sendMessage()
        let waited = ContinuousClock.now - started

        #expect(answer.status == 202)
        #expect(waited >= .milliseconds(190))
        #expect(ContinuousClock().measure { _ = try? harness.sendMessage() } < .milliseconds(150))
    }

    @Test("a delay past the request timeout ends in a timed-out connection error")
    func delayPastTimeout() throws {
        let harness = EmulatorHarness()
        harness.emulator.inject(EmulatorFault(.delay(.seconds(5)), path: "/v1/relay/messages"))
        let request = harness.request(
            .post, "/v1/relay/messages", json: ["event_type": "x", "payload": [:]], timeout: .milliseconds(100))

        let error = try #require(throws: VerneConnectionError.self) {
            try harness.emulator.sendBlocking(request)
        }
        #expect(error.kind == .timedOut)
    }

    @Test("a drop before processing changes nothing and may not have reached the server")
    func dropBefore() throws {
        let harness = EmulatorHarness()
        harness.emulator.inject(EmulatorFault(.dropBeforeProcessing, method: .post, path: "/v1/relay/messages"))

        let error = try #require(throws: VerneConnectionError.self) { try harness.sendMessage() }

        #expect(error.kind == .cannotConnect)
        #expect(!error.mayHaveReachedServer)
        #expect(try storedMessages(harness) == 0)
    }

    @Test("a drop after processing keeps the change and says the server may have acted")
    func dropAfter() throws {
        let harness = EmulatorHarness()
        harness.emulator.inject(EmulatorFault(.dropAfterProcessing, path: "/v1/relay/messages", count: 1))

        let error = try #require(throws: VerneConnectionError.self) {
            try harness.sendMessage(idempotencyKey: "once")
        }
        let retried = try harness.sendMessage(idempotencyKey: "once")

        #expect(error.kind == .connectionLost)
        #expect(error.mayHaveReachedServer)
        #expect(retried.status == 202)
        #expect(try storedMessages(harness) == 1)
    }

    @Test("a status fault answers N times without processing, then the route works again")
    func statusBurst() throws {
        let harness = EmulatorHarness()
        harness.emulator.inject(
            EmulatorFault(.status(503, retryAfter: "2"), method: .post, path: "/v1/relay/messages", count: 2))

        let first = try harness.sendMessage()
        let second = try harness.sendMessage()
        let third = try harness.sendMessage()

        #expect(first.status == 503)
        #expect(first.errorCode == "upstream_unavailable")
        #expect(first.headers["Retry-After"] == "2")
        #expect(second.status == 503)
        #expect(third.status == 202)
        #expect(try storedMessages(harness) == 1)
        #expect(harness.emulator.pendingFaults.isEmpty)
    }

    @Test("a 429 with a custom body answers that body")
    func rateLimitedBody() throws {
        let harness = EmulatorHarness()
        let body = #"{"error": {"code": "RELAY_MESSAGE_LIMIT_REACHED", "message": "quota"}}"#
        harness.emulator.inject(EmulatorFault(.status(429, retryAfter: "3600", body: body), path: "/v1/relay/messages"))

        let answer = try harness.sendMessage()
        #expect(answer.status == 429)
        #expect(answer.errorCode == "RELAY_MESSAGE_LIMIT_REACHED")
        #expect(answer.headers["X-Request-ID"] != nil)
    }

    @Test("body faults process the request and spoil the answer")
    func bodyFaults() throws {
        let harness = EmulatorHarness()
        let faults: [EmulatorFault.Action] = [.malformedJSON(), .truncatedBody(), .nonJSONBody(status: 502)]
        for action in faults { harness.emulator.inject(EmulatorFault(action, path: "/v1/relay/messages")) }

        let malformed = try harness.sendMessage()
        let truncated = try harness.sendMessage()
        let html = try harness.sendMessage()

        #expect(malformed.status == 202 && malformed.json == nil && !malformed.body.isEmpty)
        #expect(truncated.status == 202 && truncated.json == nil && truncated.body.first == UInt8(ascii: "{"))
        #expect(html.status == 502 && html.headers["Content-Type"] == "text/html")
        #expect(try storedMessages(harness) == 3)
    }

    @Test("faults match by route pattern, by prefix, and by method")
    func matching() throws {
        let harness = EmulatorHarness()
        let id = try #require(try harness.createIdentity("a@example.com").json?["id"]?.stringValue)
        harness.emulator.inject(EmulatorFault(.status(500), method: .get, path: "/v1/gate/identities/{id}"))
        harness.emulator.inject(EmulatorFault(.status(502), path: "/v1/gate/", matchesPrefix: true, count: nil))

        #expect(try harness.call(.get, "/v1/gate/identities/\(id)").status == 500)
        #expect(try harness.call(.get, "/v1/gate/identities/\(id)").status == 502)
        #expect(try harness.call(.post, "/v1/gate/tokens", json: ["subject": "s"]).status == 502)
        #expect(try harness.sendMessage().status == 202)
        harness.emulator.removeAllFaults()
        #expect(try harness.call(.get, "/v1/gate/identities/\(id)").status == 200)
    }

    @Test("requests are counted per route, faulted ones included")
    func counts() throws {
        let harness = EmulatorHarness()
        harness.emulator.inject(EmulatorFault(.status(503), path: "/v1/relay/messages"))
        try harness.sendMessage()
        try harness.sendMessage()
        try harness.call(.get, "/v1/gate/identities/x")
        try harness.call(.get, "/v1/gate/identities/y")

        #expect(harness.emulator.requestCount(.post, "/v1/relay/messages") == 2)
        #expect(harness.emulator.requestCount(.get, "/v1/gate/identities/{id}") == 2)
        #expect(harness.emulator.requestCount(.get, "/v1/gate/identities/z") == 2)
        #expect(harness.emulator.requestCounts["GET /v1/gate/identities/{id}"] == 2)
    }

    @Test("the async path sleeps through a delay and can be cancelled during it")
    func asyncDelayCancels() async throws {
        let harness = EmulatorHarness()
        harness.emulator.inject(EmulatorFault(.delay(.seconds(10)), path: "/v1/relay/messages"))
        let request = harness.request(.post, "/v1/relay/messages", json: ["event_type": "x", "payload": [:]])

        let task = Task { try await harness.emulator.send(request) }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()

        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
