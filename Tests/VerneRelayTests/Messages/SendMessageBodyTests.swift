import Foundation
import Testing
import VerneCore

@testable import VerneRelay

@Suite("The send body written directly")
struct SendMessageBodyTests {
    private static let payloads: [JSONValue] = [
        [:],
        ["id": "usr_123", "plan": "pro", "seats": 5, "trial": false],
        [
            "zeta": nil, "Alpha": [1, 2.5, "three", ["deep": ["er": true]]],
            "quote\"and\\slash/": "line\nbreak\t\u{1}é😀", "ünïcode": -0.000001,
            "big": 9_007_199_254_740_993, "": "empty name",
        ],
    ]

    @Test(
        "The bytes are exactly those JSONEncoder writes for the Encodable body",
        arguments: payloads, [nil, [], ["email", "slack"]] as [[String]?])
    func sameBytes(payload: JSONValue, channels: [String]?) throws {
        let endpoint = try SendMessageEndpoint(
            eventType: "user.created/é", payload: payload, idempotencyKey: "verne-key",
            channels: channels)

        let direct = try #require(endpoint.body).encoded()
        let viaEncoder = try JSONCoding.encoder.encode(endpoint.content)

        #expect(String(decoding: direct, as: UTF8.self) == String(decoding: viaEncoder, as: UTF8.self))
    }
}
