import Foundation
import Testing
import VerneCore
import VerneRelay

@Suite("A message read without a Decoder")
struct MessageDecodingTests {
    private static let valid =
        #"{"event_type":"user.created","id":"msg_1","status":"accepted","#
        + #""timestamp":"2026-01-02T03:04:05.123456Z","extra":{"ignored":[1,2]}}"#

    /// Bodies that differ from a valid one in one way each.
    private static let variants: [String] = [
        valid,
        #"{"id":"msg_2","event_type":"a","status":"queued","timestamp":"2026-01-02T03:04:05Z"}"#,
        #"{"id":"msg_3","event_type":"é😀\n","status":"accepted","timestamp":"2026-01-02T03:04:05+02:00"}"#,
        #"{"event_type":"a","status":"accepted","timestamp":"2026-01-02T03:04:05Z"}"#,
        #"{"id":null,"event_type":"a","status":"accepted","timestamp":"2026-01-02T03:04:05Z"}"#,
        #"{"id":7,"event_type":"a","status":"accepted","timestamp":"2026-01-02T03:04:05Z"}"#,
        #"{"id":"m","event_type":"a","status":["accepted"],"timestamp":"2026-01-02T03:04:05Z"}"#,
        #"{"id":"m","event_type":"a","status":"accepted","timestamp":"yesterday"}"#,
        #"{"id":"m","event_type":"a","status":"accepted","timestamp":1767323045}"#,
        #"{"id":"m","event_type":"a","status":"accepted"}"#,
        #"{"id":"m","id":"n","event_type":"a","status":"accepted","timestamp":"2026-01-02T03:04:05Z"}"#,
        #"["not", "an", "object"]"#,
        #"{"id":"m","event_type":"a","status":"accepted","timestamp":"2026-01-02T03:04:05Z""#,
    ]

    private func response(_ body: String) -> HTTPResponse {
        HTTPResponse(status: 202, headers: [:], body: Data(body.utf8))
    }

    @Test(
        "The SDK's decoding gives what JSONDecoder gives, or fails where it fails",
        arguments: variants)
    func sameAsJSONDecoder(body: String) {
        let expected = try? JSONCoding.decoder.decode(Message.self, from: Data(body.utf8))
        let decoded = try? ResponseDecoding.decode(Message.self, from: response(body))

        #expect(decoded == expected)
    }

    @Test("A valid message is read by the fast path, a doubtful one is left to JSONDecoder")
    func fastPathTaken() {
        let fast = JSONTreeDecoder.decode(Message.self, from: Data(Self.valid.utf8))
        let missing = JSONTreeDecoder.decode(
            Message.self, from: Data(#"{"id":"m","event_type":"a","status":"accepted"}"#.utf8))

        #expect(fast?.id == "msg_1")
        #expect(fast?.timestamp == RFC3339.date(from: "2026-01-02T03:04:05.123456Z"))
        #expect(missing == nil)
    }

    @Test("A page of messages decodes each item by the fast path, the same as JSONDecoder")
    func page() throws {
        let items = (0..<50).map { index in
            #"{"id":"msg_\#(index)","event_type":"e\#(index)","status":"accepted","#
                + #""timestamp":"2026-01-02T03:04:\#(10 + index % 40)Z"}"#
        }
        let body = #"{"data":["# + items.joined(separator: ",") + #"],"next_cursor":"c"}"#

        let decoded = try ResponseDecoding.decode(Page<Message>.self, from: response(body))
        let expected = try JSONCoding.decoder.decode(Page<Message>.self, from: Data(body.utf8))

        #expect(decoded.items == expected.items)
        #expect(decoded.items.count == 50)
        #expect(decoded.nextCursor == "c")
    }
}
