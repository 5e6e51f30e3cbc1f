import Foundation
import Testing

@testable import VerneCore

@Suite("JSONValue")
struct JSONValueTests {
    @Test("Literals encode to the JSON they spell")
    func literals() throws {
        let value: JSONValue = [
            "id": "usr_123", "seats": 5, "ratio": 0.5, "trial": false, "tags": ["a", "b"],
            "none": nil,
        ]

        let text = String(decoding: try JSONCoding.encoder.encode(value), as: UTF8.self)

        #expect(
            text == #"{"id":"usr_123","none":null,"ratio":0.5,"seats":5,"tags":["a","b"],"trial":false}"#)
    }

    @Test("Decoding keeps integers, doubles, Booleans and nesting apart")
    func decoding() throws {
        let data = Data(#"{"a": 1, "b": 1.5, "c": true, "d": [null, "x"], "e": {"f": -2}}"#.utf8)

        let value = try JSONCoding.decoder.decode(JSONValue.self, from: data)

        #expect(value["a"] == .integer(1))
        #expect(value["b"] == .double(1.5))
        #expect(value["c"] == .bool(true))
        #expect(value["d"]?[0] == .null)
        #expect(value["d"]?[1]?.stringValue == "x")
        #expect(value["e"]?["f"]?.intValue == -2)
        #expect(value["missing"] == nil)
    }

    @Test("Any Encodable converts to a JSONValue and back")
    func encodableRoundTrip() throws {
        struct Order: Codable, Equatable {
            var orderID: String
            var total: Int
        }

        let value = try JSONValue(encoding: Order(orderID: "999", total: 12))
        let back: Order = try value.decode()

        #expect(value == ["orderID": "999", "total": 12])
        #expect(back == Order(orderID: "999", total: 12))
    }
}

@Suite("RFC 3339 times")
struct RFC3339Tests {
    @Test(
        "Times with and without fractions and offsets are read",
        arguments: [
            ("2026-03-17T12:00:00Z", 1_773_748_800.0),
            ("2026-03-17T12:00:00.5Z", 1_773_748_800.5),
            ("2026-03-17T12:00:00.123456789Z", 1_773_748_800.123456789),
            ("2026-03-17T14:00:00+02:00", 1_773_748_800.0),
            ("2026-03-17T11:30:00-00:30", 1_773_748_800.0),
            ("1970-01-01T00:00:00Z", 0.0),
        ])
    func parse(text: String, seconds: Double) throws {
        let date = try #require(RFC3339.date(from: text))

        #expect(abs(date.timeIntervalSince1970 - seconds) < 1e-6)
    }

    @Test(
        "Malformed times are refused",
        arguments: [
            "2026-03-17", "2026-13-17T12:00:00Z", "2026-03-17T12:00:00", "2026-03-17T12:00:00.Z",
            "2026-03-17T12:00:00Zjunk", "not a time",
        ])
    func refuse(text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }

    @Test("Writing gives UTC with milliseconds only when present")
    func write() {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 1_773_748_800)) == "2026-03-17T12:00:00Z")
        #expect(
            RFC3339.string(from: Date(timeIntervalSince1970: 1_773_748_800.25))
                == "2026-03-17T12:00:00.250Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }
}
