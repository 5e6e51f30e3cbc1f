import Foundation
import Verne

/// `check-json`: the JSON fast paths against `JSONEncoder` and `JSONDecoder`.
///
/// `JSONBodyWriter` must write the very bytes `JSONCoding.encoder` writes, and
/// `JSONTreeDecoder` must decode the very value `JSONCoding.decoder` decodes, or each must
/// hand the work back. This compares them on `--count` random JSON trees (strings with
/// quotes, backslashes, slashes, control characters and non-ASCII text; integers at
/// their limits; doubles from every range, negative zero included; nested arrays and
/// objects), on mutated bodies (numbers in other spellings, escapes, surrogates, invalid
/// UTF-8, repeated names, stray bytes), and on structs shaped like request and response
/// bodies, and fails on the first difference.
enum JSONFastPathCheck {
    static func run(_ arguments: [String]) throws {
        let options = BenchOptions(arguments)
        let count = try options.integer("--count", default: 20_000)
        var random = SplitMix(seed: UInt64(try options.integer("--seed", default: 7)))
        var written = 0
        var decoded = 0

        for index in 0..<count {
            let value = randomValue(depth: 0, using: &random)
            written += try compare(value, index: index)
            let body = try JSONCoding.encoder.encode(value)
            decoded += try compareDecoding(JSONValue.self, body)
            decoded += try compareDecoding(JSONValue.self, mutate(body, using: &random))
        }
        for (index, body) in sampleBodies().enumerated() {
            written += try compare(body, index: count + index)
        }
        decoded += try DecodingSamples.check()
        print("encoding: \(count + sampleBodies().count) values, \(written) by the fast path")
        print("decoding: \(2 * count + DecodingSamples.count) bodies, \(decoded) by the fast path")
    }

    /// Decodes with both; 1 when the fast path decoded the body (and agreed).
    static func compareDecoding<T: Decodable & Equatable>(
        _ type: T.Type, _ body: Data
    ) throws -> Int {
        guard let fast = JSONTreeDecoder.decode(T.self, from: body) else { return 0 }
        let expected = try? JSONCoding.decoder.decode(T.self, from: body)
        guard fast == expected else {
            throw BenchmarkError(
                "decoding differs for \(String(decoding: body, as: UTF8.self)):\n  fast: \(fast)\n"
                    + "  JSONDecoder: \(expected.map { "\($0)" } ?? "error")")
        }
        return 1
    }

    /// The body with one small change that may or may not keep it valid JSON.
    private static func mutate(_ body: Data, using random: inout SplitMix) -> Data {
        var bytes = Array(body)
        let fragments = [
            "5.0", "1e2", "-0", "1E400", "12345678901234567890", "0.5e1", #"\u00e9"#,
            #"\ud83d\ude00"#, #"\ud83d"#, #"\u0000"#, #"\/"#, "01", "-", "1.", ".5", "tru", "nul",
            ",", "]", "}", "\"", #""a":1,"a":2"#, " ", "\u{FEFF}",
        ]
        let piece = Array(fragments[random.next(fragments.count)].utf8)
        switch random.next(4) {
        case 0 where !bytes.isEmpty:
            bytes[random.next(bytes.count)] = UInt8(truncatingIfNeeded: random.raw())
        case 1:
            bytes.insert(contentsOf: piece, at: random.next(bytes.count + 1))
        case 2 where bytes.count > 1:
            bytes.remove(at: random.next(bytes.count))
        default:
            let at = random.next(bytes.count + 1)
            let end = min(bytes.count, at + random.next(4))
            bytes.replaceSubrange(at..<end, with: piece)
        }
        return Data(bytes)
    }

    /// Compares both encoders on one value; 1 when the fast path wrote it.
    private static func compare(_ value: any Encodable, index: Int) throws -> Int {
        let expected = try? JSONCoding.encoder.encode(value)
        let shown = expected.map { String(decoding: $0, as: UTF8.self) } ?? "error"
        guard let written = JSONBodyWriter.data(for: value) else { return 0 }
        guard written == expected else {
            throw BenchmarkError(
                "value \(index) differs:\n  fast: \(String(decoding: written, as: UTF8.self))\n"
                    + "  JSONEncoder: \(shown)")
        }
        return 1
    }

    private static func randomValue(depth: Int, using random: inout SplitMix) -> JSONValue {
        switch random.next(depth < 4 ? 8 : 6) {
        case 0: return .null
        case 1: return .bool(random.next(2) == 1)
        case 2: return .integer(randomInteger(using: &random))
        case 3: return .double(randomDouble(using: &random))
        case 4, 5: return .string(randomString(using: &random))
        case 6:
            return .array(
                (0..<random.next(5)).map { _ in randomValue(depth: depth + 1, using: &random) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<random.next(6) {
                members[randomString(using: &random)] = randomValue(
                    depth: depth + 1, using: &random)
            }
            return .object(members)
        }
    }

    private static func randomInteger(using random: inout SplitMix) -> Int {
        switch random.next(4) {
        case 0: return [Int.min, Int.max, 0, -1, 1][random.next(5)]
        case 1: return Int(truncatingIfNeeded: random.raw())
        default: return random.next(2_000_000) - 1_000_000
        }
    }

    private static func randomDouble(using random: inout SplitMix) -> Double {
        switch random.next(5) {
        case 0:
            return [
                0.0, -0.0, 0.1, 1e-7, .leastNonzeroMagnitude, 1.7976931348623157e308, 1e21,
                123456789.0,
            ][random.next(8)]
        case 1: return Double(random.next(1_000_000)) / 1000
        case 2: return Double(random.next(2_000_000) - 1_000_000)
        default:
            let value = Double(bitPattern: random.raw())
            return value.isFinite ? value : 1.5
        }
    }

    private static func randomString(using random: inout SplitMix) -> String {
        let pieces = [
            "a", "Z", "0", "_", "-", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}",
            "\u{00}", "\u{1F}", "\u{7F}", "é", "ß", "日本", "😀", "e\u{301}", "\u{2028}", "key",
            "Key", "",
        ]
        return (0..<random.next(8)).map { _ in pieces[random.next(pieces.count)] }.joined()
    }

    /// Structs shaped like request bodies, and values the fast path must hand back.
    private static func sampleBodies() -> [any Encodable] {
        struct Nested: Encodable {
            var id: String
            var count: Int8
            var ratio: Double
            var flags: [Bool]
        }
        struct Body: Encodable {
            var eventType: String
            var payload: JSONValue
            var channels: [String]?
            var nested: Nested?
            var small: UInt16
            var map: [String: Int]
            var numbered: [Int: String]

            enum CodingKeys: String, CodingKey {
                case eventType = "event_type", payload, channels, nested, small, map, numbered
            }
        }
        struct Dated: Encodable {
            var at: Date
        }
        struct Twice: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode("first", forKey: Key(stringValue: "k"))
                try container.encode("second", forKey: Key(stringValue: "k"))
            }

            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
        }

        struct NestedTwice: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Twice.Key.self)
                let key = Twice.Key(stringValue: "inner")
                var first = container.nestedContainer(keyedBy: Twice.Key.self, forKey: key)
                try first.encode(1, forKey: Twice.Key(stringValue: "a"))
                var second = container.nestedContainer(keyedBy: Twice.Key.self, forKey: key)
                try second.encode(2, forKey: Twice.Key(stringValue: "b"))
                var list = container.nestedUnkeyedContainer(forKey: Twice.Key(stringValue: "list"))
                try list.encode(1)
                var again = container.nestedUnkeyedContainer(forKey: Twice.Key(stringValue: "list"))
                try again.encode(2)
            }
        }

        let nested = Nested(id: "n/1", count: -8, ratio: 0.5, flags: [true, false])
        return [
            Body(
                eventType: "user.created", payload: ["id": "usr_123", "seats": 5, "ok": true],
                channels: nil, nested: nil, small: 7, map: ["b": 2, "a": 1],
                numbered: [10: "x", 9: "y"]),
            Body(
                eventType: "", payload: [:], channels: ["c"], nested: nested, small: 0, map: [:],
                numbered: [:]),
            Dated(at: Date(timeIntervalSince1970: 1_700_000_000.25)),
            Twice(), NestedTwice(),
            Float(1.1), Decimal(string: "1.10")!, URL(string: "https://example.com/a")!,
            Data([1, 2]),
            UInt64.max, Double.nan, ["nan": Double.infinity],
        ]
    }
}

/// A small, seedable random generator, so a failing value can be reproduced.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func raw() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int { Int(raw() % UInt64(bound)) }
}
