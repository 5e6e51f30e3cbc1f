import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Relay in the emulator")
struct RelayEmulatorTests {
    @Test("a send answers 202 with the four Message fields")
    func sendAnswersMessage() throws {
        let harness = EmulatorHarness()
        let answer = try harness.sendMessage("user.created")

        #expect(answer.status == 202)
        let message = try #require(answer.json?.objectValue)
        #expect(Set(message.keys) == ["id", "event_type", "status", "timestamp"])
        #expect(message["id"]?.stringValue?.hasPrefix("msg_") == true)
        #expect(message["status"] == "accepted")
        #expect(message["event_type"] == "user.created")
        #expect(RFC3339.date(from: message["timestamp"]?.stringValue ?? "") != nil)
    }

    @Test("an idempotency key answers the original message, 202 both times, and stores one")
    func idempotentResend() throws {
        let harness = EmulatorHarness()
        let first = try harness.sendMessage(idempotencyKey: "order-7")
        harness.emulator.clock.advance(by: .seconds(60))
        let second = try harness.sendMessage(payload: ["changed": true], idempotencyKey: "order-7")

        #expect(first.status == 202)
        #expect(second.status == 202)
        #expect(first.json?["id"] == second.json?["id"])
        #expect(first.json?["timestamp"] == second.json?["timestamp"])
        let list = try harness.call(.get, "/v1/relay/messages")
        #expect(list.json?["data"]?.arrayValue?.count == 1)
    }

    @Test("an idempotency key older than 12 hours makes a new message")
    func idempotencyWindowEnds() throws {
        let harness = EmulatorHarness()
        let first = try harness.sendMessage(idempotencyKey: "k")
        harness.emulator.clock.advance(by: .seconds(12 * 3600 - 5))
        let within = try harness.sendMessage(idempotencyKey: "k")
        harness.emulator.clock.advance(by: .seconds(10))
        let after = try harness.sendMessage(idempotencyKey: "k")

        #expect(within.json?["id"] == first.json?["id"])
        #expect(after.json?["id"] != first.json?["id"])
    }

    @Test("paging walks every message once, newest first, with next_cursor null at the end")
    func pagingAcrossPages() throws {
        let harness = EmulatorHarness()
        var sent: [JSONValue] = []
        for number in 0..<45 {
            sent.append(try #require(try harness.sendMessage(payload: ["n": .integer(number)]).json?["id"]))
        }

        var seen: [JSONValue] = []
        var cursor: String?
        var shapes: [String] = []
        repeat {
            let query = "limit=20" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try #require(try harness.call(.get, "/v1/relay/messages?\(query)").json)
            let items = page["data"]?.arrayValue ?? []
            seen += items.compactMap { $0["id"] }
            cursor = page["next_cursor"]?.stringValue
            shapes.append("\(items.count)/\(page["has_more"] == true)/\(page["next_cursor"] == .null)")
        } while cursor != nil

        #expect(shapes == ["20/true/false", "20/true/false", "5/false/true"])
        #expect(seen == Array(sent.reversed()))
    }

    @Test("limit defaults to 20, is clamped to 100, and refuses 0 and text")
    func limits() throws {
        let harness = EmulatorHarness()
        for number in 0..<105 { try harness.sendMessage(payload: ["n": .integer(number)]) }

        let standard = try harness.call(.get, "/v1/relay/messages").json
        let clamped = try harness.call(.get, "/v1/relay/messages?limit=1000").json
        #expect(standard?["data"]?.arrayValue?.count == 20)
        #expect(clamped?["data"]?.arrayValue?.count == 100)
        #expect(clamped?["has_more"] == true)
        #expect(try harness.call(.get, "/v1/relay/messages?limit=0").errorCode == "invalid_payload")
        #expect(try harness.call(.get, "/v1/relay/messages?limit=ten").status == 400)
        #expect(try harness.call(.get, "/v1/relay/messages?limit=0000").status == 400)
        #expect(try harness.call(.get, "/v1/relay/messages?limit=-5").status == 400)
        let huge = try harness.call(.get, "/v1/relay/messages?limit=99999999999999999999999").json
        #expect(huge?["data"]?.arrayValue?.count == 100)
    }

    @Test("event_type filters the list and the filter holds across pages")
    func eventTypeFilter() throws {
        let harness = EmulatorHarness()
        for number in 0..<6 {
            try harness.sendMessage(number.isMultiple(of: 2) ? "even" : "odd", payload: ["n": .integer(number)])
        }

        let first = try #require(try harness.call(.get, "/v1/relay/messages?limit=2&event_type=even").json)
        let cursor = try #require(first["next_cursor"]?.stringValue)
        let second = try #require(
            try harness.call(.get, "/v1/relay/messages?limit=2&event_type=even&cursor=\(cursor)").json)

        let types = (first["data"]?.arrayValue ?? []) + (second["data"]?.arrayValue ?? [])
        #expect(types.map { $0["event_type"] } == ["even", "even", "even"])
        #expect(second["has_more"] == false)
    }

    @Test(
        "bad sends are 400 invalid_payload",
        arguments: [
            #"{"payload": {}}"#, #"{"event_type": "", "payload": {}}"#, #"{"event_type": 5, "payload": {}}"#,
            #"{"event_type": "x"}"#, #"{"event_type": "x", "payload": [1]}"#, #"{"event_type": "x", "payload": "p"}"#,
            #"{"event_type": "x", "payload": {}, "channels": "c"}"#, #"[1]"#, #"{"event_type": "x", "#, "",
        ])
    func badSends(body: String) throws {
        let harness = EmulatorHarness()
        let answer = try harness.call(.post, "/v1/relay/messages", raw: Data(body.utf8))

        #expect(answer.status == 400)
        #expect(answer.errorCode == "invalid_payload")
        #expect(try harness.call(.get, "/v1/relay/messages").json?["data"] == [])
    }

    @Test("a cursor the emulator did not make is 400")
    func foreignCursor() throws {
        let answer = try EmulatorHarness().call(.get, "/v1/relay/messages?cursor=bm9wZQ")
        #expect(answer.errorCode == "invalid_payload")
    }

    @Test("channels are stored as given")
    func channelsStored() throws {
        let harness = EmulatorHarness()
        try harness.call(
            .post, "/v1/relay/messages",
            json: ["event_type": "x", "payload": [:], "channels": ["billing", "ops"]])

        let tenant = harness.emulator.snapshot(forKey: "vrn_test")["tenants"]?[0]
        #expect(tenant?["messages"]?[0]?["channels"] == ["billing", "ops"])
    }
}

@Suite("The emulator's JSON reading")
struct EmulatorJSONReadingTests {
    @Test(
        "bodies that are not strict JSON are 400, never a crash",
        arguments: [
            [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D],
            Array(#"{"event_type": "x", "payload": {"s": "\ud800"}}"#.utf8),
            Array(#"{"event_type": "x", "payload": {}} trailing"#.utf8),
            Array(#"{"event_type": "x", "payload": {"n": 01}}"#.utf8),
            Array(String(repeating: "[", count: 5000).utf8),
            Array(#"{"event_type": "x", "payload": {"n": 1e999}}"#.utf8),
        ] as [[UInt8]])
    func refused(bytes: [UInt8]) throws {
        let answer = try EmulatorHarness().call(.post, "/v1/relay/messages", raw: Data(bytes))
        #expect(answer.errorCode == "invalid_payload")
    }

    @Test("escapes, surrogate pairs and numbers survive a round trip")
    func roundTrip() throws {
        let harness = EmulatorHarness()
        let body = #"{"event_type": "caf\u00e9 \ud83d\ude00 \"q\" \\ /", "payload": {"big": 12345678901234, "f": 1.5}}"#
        let answer = try harness.call(.post, "/v1/relay/messages", raw: Data(body.utf8))

        #expect(answer.json?["event_type"] == "café 😀 \"q\" \\ /")
        let stored = harness.emulator.snapshot()["tenants"]?[0]?["messages"]?[0]?["payload"]
        #expect(stored == ["big": 12_345_678_901_234, "f": 1.5])
    }
}
