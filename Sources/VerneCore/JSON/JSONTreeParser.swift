import Foundation

/// A parsed JSON document, numbers kept as their text, for ``JSONTreeDecoder``.
indirect enum JSONNode {
    case null
    case bool(Bool)
    /// The number as written, so that each type can read it by its own rules.
    case number(String)
    case string(String)
    case array([JSONNode])
    /// The members in document order; names are unique (the parser makes sure).
    case object([(name: String, node: JSONNode)])
}

/// A strict RFC 8259 parser for response bodies, for ``JSONTreeDecoder``.
///
/// It accepts only what `JSONDecoder` accepts and gives up (returns `nil`) on anything
/// else or anything doubtful: a byte-order mark or another encoding than UTF-8, invalid
/// UTF-8, a lone surrogate escape, an object with a repeated name, nesting deeper than
/// 512 levels. The caller then leaves the body to `JSONDecoder`, which decodes it or
/// reports the error in its own words.
struct JSONTreeParser {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var depth = 0

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The document in `data`, or `nil` when `JSONDecoder` must read it.
    ///
    /// - Parameter data: The body.
    /// - Returns: The parsed document, or `nil`.
    static func parse(_ data: Data) -> JSONNode? {
        data.withUnsafeBytes { bytes -> JSONNode? in
            guard bytes.count > 0, bytes[0] != 0xEF, !bytes.prefix(4).contains(0) else {
                return nil
            }
            var parser = JSONTreeParser(bytes: bytes)
            guard let node = parser.value() else { return nil }
            parser.skipWhitespace()
            return parser.index == bytes.count ? node : nil
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func value() -> JSONNode? {
        skipWhitespace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(JSONNode.string)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return number()
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            return false
        }
        index += count
        return true
    }

    private mutating func object() -> JSONNode? {
        guard depth < 512 else { return nil }
        depth += 1
        defer { depth -= 1 }
        index += 1

        var members: [(name: String, node: JSONNode)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let name = string()
            else {
                return nil
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            guard let member = value() else { return nil }
            members.append((name, member))
            skipWhitespace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}"), Self.namesAreUnique(members) else {
                return nil
            }
            index += 1
            return .object(members)
        }
    }

    /// Whether no name is repeated; which of two equal names `JSONDecoder` keeps is its
    /// own business, so a repeat sends the body to it.
    private static func namesAreUnique(_ members: [(name: String, node: JSONNode)]) -> Bool {
        if members.count <= 8 {
            for (index, member) in members.enumerated()
            where members[..<index].contains(where: { $0.name == member.name }) {
                return false
            }
            return true
        }
        return Set(members.map(\.name)).count == members.count
    }

    private mutating func array() -> JSONNode? {
        guard depth < 512 else { return nil }
        depth += 1
        defer { depth -= 1 }
        index += 1

        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            guard let element = value() else { return nil }
            elements.append(element)
            skipWhitespace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { return nil }
            index += 1
            return .array(elements)
        }
    }

    /// A string starting at the opening quote; `nil` on a control character, a bad
    /// escape, a lone surrogate or invalid UTF-8.
    private mutating func string() -> String? {
        index += 1
        let start = index
        var plain = true
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            if byte == UInt8(ascii: "\\") {
                plain = false
                index += 2
            } else {
                index += 1
            }
        }
        guard index < bytes.count else { return nil }
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        index += 1
        guard plain else { return unescape(raw) }
        // ASCII needs no validation; other text must be valid UTF-8, as JSONDecoder requires.
        return ascii
            ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self)
    }

    private func unescape(_ raw: UnsafeRawBufferPointer) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var position = 0
        while position < raw.count {
            let byte = raw[position]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                position += 1
                continue
            }
            guard position + 1 < raw.count else { return nil }
            let escape = raw[position + 1]
            position += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex(raw, at: position) else { return nil }
                position += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    guard position + 6 <= raw.count, raw[position] == UInt8(ascii: "\\"),
                        raw[position + 1] == UInt8(ascii: "u"),
                        let low = hex(raw, at: position + 2),
                        (0xDC00..<0xE000).contains(low)
                    else { return nil }
                    position += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    return nil
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                output.append(contentsOf: String(Character(unicode)).utf8)
            default:
                return nil
            }
        }
        return String(validating: output, as: UTF8.self)
    }

    private func hex(_ raw: UnsafeRawBufferPointer, at position: Int) -> UInt32? {
        guard position + 4 <= raw.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = raw[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A number by the JSON grammar: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    private mutating func number() -> JSONNode? {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            guard digits() > 0 else { return nil }
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard digits() > 0 else { return nil }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard digits() > 0 else { return nil }
        }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            index += 1
        }
        return index - start
    }
}
