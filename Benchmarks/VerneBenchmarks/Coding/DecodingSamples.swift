import Foundation
import Verne

/// Response shapes for `check-json`: typed bodies both decoders must agree on.
enum DecodingSamples {
    struct Numbers: Decodable, Equatable {
        var small: Int8?
        var unsigned: UInt16?
        var whole: Int?
        var real: Double?
        var flag: Bool?
        var text: String?
        var list: [Int]?
        var map: [String: Int]?
        var numbered: [Int: String]?
        var at: Date?
        var any: JSONValue?
    }

    static let bodies: [String] = [
        #"{"small": 5, "unsigned": 65535, "whole": -3, "real": 2.5, "flag": true, "text": "é\n"}"#,
        #"{"small": 300}"#, #"{"small": 5.0}"#, #"{"whole": 1e2}"#, #"{"whole": 5.5}"#,
        #"{"real": 5}"#, #"{"real": 1E400}"#, #"{"real": "5"}"#, #"{"flag": 1}"#, #"{"text": 5}"#,
        #"{"list": [1, 2, null]}"#, #"{"list": [1, 2, 3]}"#, #"{"map": {"a": 1, "b": 2}}"#,
        #"{"numbered": {"1": "a", "x": "b"}}"#, #"{"numbered": {"1": "a", "2": "b"}}"#,
        #"{"at": "2026-03-17T12:00:00.123456789Z"}"#, #"{"at": "2026-03-17T12:00:00+02:00"}"#,
        #"{"at": "yesterday"}"#, #"{"any": {"x": [1, 2.5, "s", null, true, {"y": 1e2}]}}"#,
        #"{"any": 12345678901234567890}"#, #"{"any": -0}"#, #"{"unsigned": -1}"#, #"{}"#,
        #"{"text": null}"#, #"{"whole": null}"#, #"[]"#, #"null"#, #"{"text": "a", "text": "b"}"#,
        #"{"text": "\ud800"}"#, #"{"text": "\ud83d\ude00"}"#,
    ]

    static var count: Int { bodies.count * 3 }

    /// Checks every body as `Numbers`, as a page of messages and as a single message.
    static func check() throws -> Int {
        var decoded = 0
        for body in bodies {
            decoded += try JSONFastPathCheck.compareDecoding(Numbers.self, Data(body.utf8))
            decoded += try JSONFastPathCheck.compareDecoding(
                Page<Message>.self, Data(pageBody(body).utf8))
            decoded += try JSONFastPathCheck.compareDecoding(
                Message.self, Data(messageBody(body).utf8))
        }
        return decoded
    }

    private static func pageBody(_ seed: String) -> String {
        let item =
            #"{"id": "msg_1", "event_type": "a", "status": "accepted", "#
            + #""timestamp": "2026-01-01T00:00:00Z"}"#
        let cursor = seed.count % 3 == 0 ? "null" : #""c""#
        let more = seed.count % 2 == 0
        return #"{"data": [\#(item)], "has_more": \#(more), "next_cursor": \#(cursor)}"#
    }

    private static func messageBody(_ seed: String) -> String {
        #"{"id": "msg_\#(seed.count)", "event_type": "user.created", "status": "accepted", "#
            + #""timestamp": "2026-01-01T00:00:0\#(seed.count % 10)Z"}"#
    }
}
