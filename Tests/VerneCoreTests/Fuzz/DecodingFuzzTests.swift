import Foundation
import Testing

@testable import VerneCore

/// A small, seedable generator so a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// A typed answer with the shapes the SDK's models use: strings, dates, optionals, nesting.
private struct Model: Decodable, Sendable {
    var id: String
    var createdAt: Date
    var count: Int?
    var tags: [String]
    var nested: [String: JSONValue]?

    enum CodingKeys: String, CodingKey {
        case id, count, tags, nested
        case createdAt = "created_at"
    }
}

private struct ModelEndpoint: Endpoint {
    typealias Response = Page<Model>
    var method: HTTPMethod { .get }
    var path: EndpointPath { EndpointPath("/v1/fuzz") }
}

/// Makes random and mutated bodies from valid seeds.
struct BodyMutator {
    static let seeds: [String] = [
        #"{"data": [{"id": "a", "created_at": "2026-03-17T12:00:00.123456789Z", "count": 1, "#
            + #""tags": ["x"], "nested": {"k": [1, {"z": null}]}}], "has_more": true, "next_cursor": "c"}"#,
        #"{"error": {"code": "invalid_payload", "message": "Bad.", "request_id": "req_1", "limit": 5}}"#,
        #"{"detail": [{"msg": "a"}, {"msg": "b"}]}"#,
        #"{"error": "Sentence."}"#,
        #"{"message": "m"}"#,
    ]

    static let fragments: [String] = [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e999", "-0", "\\u0000", "\\ud800",
        "\"created_at\"", "\"data\"", "\"has_more\"", "\"error\"", "99999999999999999999",
        "\"2026-02-30T25:61:00Z\"", String(repeating: "[", count: 600),
    ]

    static func body(_ random: inout SplitMix64) -> Data {
        var bytes = Array(seeds.randomElement(using: &random)!.utf8)
        let kind = Int.random(in: 0..<6, using: &random)

        switch kind {
        case 0:
            return Data(
                (0..<Int.random(in: 0..<64, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                })
        case 1:
            bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        case 2:
            for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(
                    in: 0...255, using: &random)
            }
        case 3:
            let at = Int.random(in: 0...bytes.count, using: &random)
            bytes.insert(contentsOf: Array(fragments.randomElement(using: &random)!.utf8), at: at)
        case 4:
            if bytes.count > 2 {
                let start = Int.random(in: 0..<bytes.count - 1, using: &random)
                let end = Int.random(in: start..<bytes.count, using: &random)
                bytes.removeSubrange(start..<end)
            }
        default:
            let depth = Int.random(in: 1...2000, using: &random)
            bytes = Array(String(repeating: "[", count: depth).utf8) + bytes
        }
        return Data(bytes)
    }
}

@Suite("Decoding never crashes on hostile bodies")
struct DecodingFuzzTests {
    /// The number of bodies; `VERNE_FUZZ_COUNT` raises it (the fuzz script uses 100,000).
    static var count: Int {
        ProcessInfo.processInfo.environment["VERNE_FUZZ_COUNT"].flatMap(Int.init) ?? 5_000
    }

    @Test("Random and mutated bodies become typed results or typed errors")
    func fuzz() {
        var random = SplitMix64(state: 0x5EED)
        var successes = 0
        var responseErrors = 0

        for index in 0..<Self.count {
            let body = BodyMutator.body(&random)
            let status = [200, 201, 400, 402, 429, 500, 503][index % 7]
            let response = HTTPResponse(status: status, headers: ["Retry-After": "x"], body: body)

            let error = VerneAPIError.from(response)
            #expect(error.status == status)
            #expect(!error.message.isEmpty)
            #expect(error.rawBody == body)

            do {
                _ = try ModelEndpoint().decode(response)
                successes += 1
            } catch is VerneResponseError {
                responseErrors += 1
            } catch {
                Issue.record("an error of another type escaped: \(type(of: error))")
            }
        }

        #expect(successes + responseErrors == Self.count)
        #expect(responseErrors > 0)
    }
}
