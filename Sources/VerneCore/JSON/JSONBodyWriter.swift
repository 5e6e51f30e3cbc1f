import Foundation

/// Writes request bodies as JSON without `JSONEncoder`, for the common shapes, with the
/// same bytes `JSONCoding.encoder` writes.
///
/// `JSONEncoder` costs about as much per request as everything else the SDK does on top
/// of the HTTP exchange. Request bodies are small structs of strings, numbers, Booleans,
/// arrays, nested structs and ``JSONValue`` payloads, so this writer builds a ``JSONValue``
/// tree from the value's `encode(to:)` (a ``JSONValue`` inside is taken as it is) and
/// writes it out: keys sorted by their UTF-8 bytes, slashes unescaped, control characters
/// escaped, numbers as `description` writes them without a trailing `.0`, exactly as
/// Foundation's `JSONEncoder` does with `.sortedKeys` and `.withoutEscapingSlashes`.
///
/// Anything whose JSON form `JSONEncoder` decides by itself or by a strategy (`Date`,
/// `Data`, `URL`, `Decimal`, `Float`, non-finite numbers, integers beyond `Int`, super
/// encoders) or a value whose encoding throws makes ``data(for:)`` return `nil`, and the
/// caller falls back on `JSONCoding.encoder`, which then decides or reports the error.
package enum JSONBodyWriter {
    /// The JSON bytes of `value`, or `nil` when `JSONCoding.encoder` must write them.
    ///
    /// - Parameter value: The body.
    /// - Returns: The bytes, or `nil`.
    package static func data(for value: any Encodable) -> Data? {
        guard let tree = JSONTreeEncoder.tree(of: value) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        guard write(tree, to: &bytes) else { return nil }
        return Data(bytes)
    }

    /// Appends the JSON form of a tree; `false` when a number is not finite.
    private static func write(_ slot: JSONTreeEncoder.Slot, to bytes: inout [UInt8]) -> Bool {
        switch slot {
        case .value(let value):
            return write(value, to: &bytes)
        case .array(let box):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in box.elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                guard write(element, to: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "]"))
            return true
        case .object(let box):
            // Sorted by name; among members written under the same name, the last wins.
            let order = box.members.indices.sorted { first, second in
                switch compareUTF8(box.members[first].name, box.members[second].name) {
                case .lessThan: true
                case .greaterThan: false
                case .equal: first < second
                }
            }
            bytes.append(UInt8(ascii: "{"))
            var wrote = false
            for (position, index) in order.enumerated() {
                let member = box.members[index]
                let next = position + 1 < order.count ? box.members[order[position + 1]] : nil
                if next?.name == member.name { continue }
                if wrote { bytes.append(UInt8(ascii: ",")) }
                wrote = true
                writeString(member.name, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                guard write(member.slot, to: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
            return true
        }
    }

    /// How two names compare by their UTF-8 bytes, the order of `.sortedKeys`.
    private static func compareUTF8(_ lhs: String, _ rhs: String) -> ByteOrder {
        var right = rhs.utf8.makeIterator()
        for byte in lhs.utf8 {
            guard let other = right.next() else { return .greaterThan }
            if byte != other { return byte < other ? .lessThan : .greaterThan }
        }
        return right.next() == nil ? .equal : .lessThan
    }

    private enum ByteOrder {
        case lessThan, equal, greaterThan
    }

    /// Appends the JSON form of `value`; `false` when a number is not finite.
    private static func write(_ value: JSONValue, to bytes: inout [UInt8]) -> Bool {
        switch value {
        case .null:
            bytes.append(contentsOf: "null".utf8)
        case .bool(let flag):
            bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number):
            bytes.append(contentsOf: String(number).utf8)
        case .double(let number):
            guard number.isFinite else { return false }
            var text = number.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            bytes.append(contentsOf: text.utf8)
        case .string(let text):
            writeString(text, to: &bytes)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                guard write(element, to: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            let sorted = members.sorted { compareUTF8($0.key, $1.key) == .lessThan }
            for (index, member) in sorted.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(member.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                guard write(member.value, to: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
        }
        return true
    }

    /// Appends a quoted string: `"` and `\` escaped, `\b \f \n \r \t` by name, other
    /// control characters as `\u00xx` (lowercase hex), everything else as UTF-8.
    private static func writeString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape and are copied whole, in place where they are stored.
        let copied = text.utf8.withContiguousStorageIfAvailable { utf8 in
            for byte in utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied != true {
            for byte in text.utf8 { appendEscaping(byte, to: &bytes) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscaping(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x00..<0x20:
            let digits: StaticString = "0123456789abcdef"
            bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
            bytes.append(digits.utf8Start[Int(byte >> 4)])
            bytes.append(digits.utf8Start[Int(byte & 0x0F)])
        default: bytes.append(byte)
        }
    }
}
