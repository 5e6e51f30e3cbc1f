import Foundation
import VerneCore

/// Writes `JSONValue` as compact JSON with sorted member names, straight into bytes.
///
/// Answers are written on every request, so this avoids Foundation's coders and writes
/// into one growing buffer.
enum EmulatorJSONWriter {
    /// The value as compact JSON bytes.
    ///
    /// - Parameter value: The value; non-finite numbers are written as `null`.
    /// - Returns: The bytes.
    static func data(_ value: JSONValue) -> Data {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256)
        write(value, into: &buffer)
        return Data(buffer)
    }

    /// Appends the value as compact JSON to a buffer.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - buffer: The buffer to append to.
    static func write(_ value: JSONValue, into buffer: inout [UInt8]) {
        switch value {
        case .null:
            buffer.append(contentsOf: "null".utf8)
        case .bool(let flag):
            buffer.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number):
            buffer.append(contentsOf: String(number).utf8)
        case .double(let number):
            if number.isFinite {
                buffer.append(contentsOf: number.description.utf8)
            } else {
                buffer.append(contentsOf: "null".utf8)
            }
        case .string(let text):
            writeString(text, into: &buffer)
        case .array(let elements):
            buffer.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { buffer.append(UInt8(ascii: ",")) }
                write(element, into: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        case .object(let members):
            buffer.append(UInt8(ascii: "{"))
            for (position, name) in members.keys.sorted().enumerated() {
                if position > 0 { buffer.append(UInt8(ascii: ",")) }
                writeString(name, into: &buffer)
                buffer.append(UInt8(ascii: ":"))
                write(members[name]!, into: &buffer)
            }
            buffer.append(UInt8(ascii: "}"))
        }
    }

    /// Appends a JSON string literal, escaping quotes, backslashes and control characters.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - buffer: The buffer to append to.
    static func writeString(_ text: String, into buffer: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: buffer.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: buffer.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: buffer.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                buffer.append(contentsOf: Array("\\u00".utf8))
                buffer.append(hex[Int(byte >> 4)])
                buffer.append(hex[Int(byte & 0x0F)])
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
