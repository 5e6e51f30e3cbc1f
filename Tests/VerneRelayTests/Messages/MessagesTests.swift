import Foundation
import Testing
import VerneCore
import VerneRelay

/// A transport that records requests and answers each with the same response.
private final class Recorder: Sendable {
    let requests = LockedValue<[HTTPRequest]>([])
    let response: HTTPResponse

    init(_ response: HTTPResponse) { self.response = response }

    var transport: ClosureTransport {
        ClosureTransport { request in
            self.requests.withLock { $0.append(request) }
            return self.response
        }
    }

    var last: HTTPRequest? { requests.withLock { $0.last } }
    var count: Int { requests.withLock { $0.count } }

    func lastBody() throws -> JSONValue {
        let body = try #require(last?.body)
        return try JSONDecoder().decode(JSONValue.self, from: body)
    }
}

private let accepted = HTTPResponse(
    status: 202,
    body: Data(
        (#"{"id": "msg_2hV9kLmNpQ", "event_type": "user.created", "status": "accepted", "#
            + #""timestamp": "2026-03-17T12:00:00Z"}"#).utf8))

private let fixedKeys = IdempotencyKeyGenerator { "idem-fixed" }

@Suite("Relay messages on the wire")
struct MessagesTests {
    @Test("send posts the event, payload, idempotency key and channels")
    func sendWireForm() throws {
        let recorder = Recorder(accepted)
        let relay = Relay(
            apiKey: "vrn_relay_test", configuration: VerneConfiguration(idempotencyKeys: fixedKeys),
            transport: recorder.transport)

        let message = try relay.messages.send(
            eventType: "order.placed", payload: ["order_id": "999"], idempotencyKey: "evt_abc",
            channels: ["team-a"])

        let request = try #require(recorder.last)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://api.vernesoft.com/v1/relay/messages")
        #expect(request.headers["Authorization"] == "Bearer vrn_relay_test")
        #expect(
            try recorder.lastBody()
                == [
                    "event_type": "order.placed", "payload": ["order_id": "999"],
                    "idempotency_key": "evt_abc", "channels": ["team-a"],
                ])
        #expect(message.id == "msg_2hV9kLmNpQ")
        #expect(message.status == .accepted)
        #expect(message.timestamp == Date(timeIntervalSince1970: 1_773_748_800))
    }

    @Test("send without a key makes one, and leaves channels out")
    func sendGeneratedKey() async throws {
        let recorder = Recorder(accepted)
        let relay = AsyncRelay(
            apiKey: "vrn_test", configuration: VerneConfiguration(idempotencyKeys: fixedKeys),
            transport: recorder.transport)

        try await relay.messages.send(eventType: "user.created", payload: ["id": "usr_123"])

        #expect(
            try recorder.lastBody()
                == ["event_type": "user.created", "payload": ["id": "usr_123"], "idempotency_key": "idem-fixed"])
    }

    @Test("The generated key is reused by every retry of one call and differs between calls")
    func keyReusedAcrossRetries() throws {
        let attempts = LockedValue(0)
        let bodies = LockedValue<[Data]>([])
        let transport = ClosureTransport { request in
            bodies.withLock { $0.append(request.body ?? Data()) }
            let attempt = attempts.withLock { value in
                value += 1
                return value
            }
            guard attempt % 2 == 0 else {
                throw VerneConnectionError(kind: .connectionLost, message: "lost", mayHaveReachedServer: true)
            }
            return accepted
        }
        let policy = RetryPolicy(maxRetries: 2, initialBackoff: .milliseconds(1))
        let relay = Relay(
            apiKey: "vrn_test", configuration: VerneConfiguration(retryPolicy: policy), transport: transport)

        try relay.messages.send(eventType: "a", payload: [:])
        try relay.messages.send(eventType: "a", payload: [:])

        let keys = try bodies.withLock { $0 }.map {
            try JSONDecoder().decode(JSONValue.self, from: $0)["idempotency_key"]?.stringValue
        }
        #expect(keys.count == 4)
        #expect(keys[0] == keys[1])
        #expect(keys[2] == keys[3])
        #expect(keys[0] != keys[2])
    }

    @Test("An Encodable payload is sent as its JSON object")
    func encodablePayload() throws {
        struct Signup: Encodable, Sendable {
            var userID: String
            var plan: String
        }
        let recorder = Recorder(accepted)
        let relay = Relay(apiKey: "vrn_test", transport: recorder.transport)

        try relay.messages.send(eventType: "user.created", payload: Signup(userID: "usr_1", plan: "pro"))

        #expect(try recorder.lastBody()["payload"] == ["userID": "usr_1", "plan": "pro"])
    }

    @Test("Impossible sends are refused before anything is sent")
    func refusedBeforeSending() async {
        let recorder = Recorder(accepted)
        let relay = AsyncRelay(apiKey: "vrn_test", transport: recorder.transport)

        await #expect(throws: VerneInvalidRequestError.self) {
            try await relay.messages.send(eventType: "", payload: [:])
        }
        await #expect(throws: VerneInvalidRequestError.self) {
            try await relay.messages.send(eventType: "a", payload: [1, 2])
        }
        await #expect(throws: VerneInvalidRequestError.self) {
            try await relay.messages.send(eventType: "a", payload: "text")
        }
        await #expect(throws: VerneInvalidRequestError.self) {
            try await relay.messages.list(limit: 0)
        }
        #expect(recorder.count == 0)
    }

    @Test("list sends limit, cursor and event_type, and decodes the page")
    func listWireForm() async throws {
        let page = HTTPResponse(
            status: 200,
            body: Data(
                (#"{"data": [{"id": "msg_1", "event_type": "a", "status": "accepted", "#
                    + #""timestamp": "2026-03-17T12:00:00.123456789Z"}], "has_more": true, "#
                    + #""next_cursor": "cur_2"}"#).utf8))
        let recorder = Recorder(page)
        let relay = AsyncRelay(apiKey: "vrn_test", transport: recorder.transport)

        let result = try await relay.messages.list(limit: 10, cursor: "cur_1", eventType: "user.created")

        let request = try #require(recorder.last)
        #expect(request.method == .get)
        #expect(request.url.query == "limit=10&cursor=cur_1&event_type=user.created")
        #expect(request.body == nil)
        #expect(result.items.map(\.id) == ["msg_1"])
        #expect(result.hasMore)
        #expect(result.nextCursor == "cur_2")
    }

    @Test("list leaves absent filters out and uses 20 by default")
    func listDefaults() throws {
        let recorder = Recorder(
            HTTPResponse(status: 200, body: Data(#"{"data": [], "has_more": false, "next_cursor": null}"#.utf8)))
        let relay = Relay(apiKey: "vrn_test", transport: recorder.transport)

        let page = try relay.messages.list()

        #expect(recorder.last?.url.query == "limit=20")
        #expect(page.items.isEmpty)
        #expect(page.nextCursor == nil)
    }

    @Test("all() pages through every message keeping the filter")
    func autoPaging() async throws {
        let queries = LockedValue<[String]>([])
        let transport = ClosureTransport { request in
            queries.withLock { $0.append(request.url.query ?? "") }
            let cursor = request.url.query?.contains("cursor=c2") == true ? nil : "c2"
            let id = cursor == nil ? "msg_b" : "msg_a"
            let body =
                #"{"data": [{"id": "\#(id)", "event_type": "x", "status": "accepted", "#
                + #""timestamp": "2026-03-17T12:00:00Z"}], "#
                + #""has_more": \#(cursor != nil), "next_cursor": \#(cursor.map { "\"\($0)\"" } ?? "null")}"#
            return HTTPResponse(status: 200, body: Data(body.utf8))
        }
        let relay = AsyncRelay(apiKey: "vrn_test", transport: transport)

        var ids: [String] = []
        for try await message in relay.messages.all(eventType: "x", pageSize: 50) { ids.append(message.id) }
        let blockingIDs = try Relay(apiKey: "vrn_test", transport: transport).messages.all(eventType: "x")
            .collect().map(\.id)

        #expect(ids == ["msg_a", "msg_b"])
        #expect(blockingIDs == ids)
        #expect(queries.withLock { $0 }.prefix(2) == ["limit=50&event_type=x", "limit=50&cursor=c2&event_type=x"])
    }

    @Test("A 429 with a short Retry-After is retried once and the call succeeds")
    func retriesRateLimit() throws {
        let count = LockedValue(0)
        let transport = ClosureTransport { _ in
            let attempt = count.withLock { value in
                value += 1
                return value
            }
            if attempt == 1 {
                return HTTPResponse(
                    status: 429, headers: ["Retry-After": "0.01"],
                    body: Data(#"{"error": {"code": "rate_limited", "message": "Slow."}}"#.utf8))
            }
            return accepted
        }
        let relay = Relay(apiKey: "vrn_test", transport: transport)

        let message = try relay.messages.send(eventType: "a", payload: [:])

        #expect(message.id == "msg_2hV9kLmNpQ")
        #expect(count.withLock { $0 } == 2)
    }

    @Test("The monthly quota fails at once with its Retry-After")
    func monthlyQuota() throws {
        let recorder = Recorder(
            HTTPResponse(
                status: 429, headers: ["Retry-After": "86400"],
                body: Data(
                    #"{"error": {"code": "RELAY_MESSAGE_LIMIT_REACHED", "message": "Quota.", "request_id": "req_q"}}"#
                        .utf8)))
        let relay = Relay(apiKey: "vrn_test", transport: recorder.transport)

        #expect {
            try relay.messages.send(eventType: "a", payload: [:])
        } throws: { error in
            guard let error = error as? VerneAPIError else { return false }
            return error.code == .relayMessageLimitReached && error.retryAfter == .seconds(86400)
                && error.requestID == "req_q"
        }
        #expect(recorder.count == 1)
    }

    @Test("The client's description shows no key")
    func description() {
        let relay = AsyncRelay(apiKey: "vrn_very_secret_key")
        var dumped = ""
        dump(relay, to: &dumped)

        #expect(!relay.description.contains("very_secret"))
        #expect(!dumped.contains("very_secret"))
    }
}
