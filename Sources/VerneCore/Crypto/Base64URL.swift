/// The URL-safe base64 of JOSE (RFC 7515 §2): `-` and `_` instead of `+` and `/`, no
/// padding.
package enum Base64URL {
    /// Decodes unpadded base64url text, strictly.
    ///
    /// Refused: any character outside `A–Z a–z 0–9 - _` (padding and whitespace
    /// included), a length that leaves a single character over, and unused trailing bits
    /// that are not zero, so each byte string has exactly one accepted spelling.
    ///
    /// - Parameter text: The encoded text.
    /// - Returns: The bytes, or `nil` when the text is not canonical base64url.
    package static func decode(_ text: Substring) -> [UInt8]? {
        let utf8 = text.utf8
        let remainder = utf8.count % 4
        guard remainder != 1 else { return nil }

        var output: [UInt8] = []
        output.reserveCapacity(utf8.count / 4 * 3 + 2)
        var accumulator: UInt32 = 0
        var bits = 0

        for character in utf8 {
            guard let value = sextet(character) else { return nil }
            accumulator = (accumulator << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }

        // The bits left over must be zero padding, or another text decodes the same way.
        guard accumulator == 0 else { return nil }
        return output
    }

    /// Decodes unpadded base64url text, strictly.
    ///
    /// - Parameter text: The encoded text.
    /// - Returns: The bytes, or `nil` when the text is not canonical base64url.
    package static func decode(_ text: String) -> [UInt8]? {
        decode(text[...])
    }

    /// Encodes bytes as unpadded base64url.
    ///
    /// - Parameter bytes: The bytes.
    /// - Returns: The text.
    package static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0

        for byte in bytes {
            accumulator = (accumulator << 8) | UInt32(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                output.append(alphabet[Int((accumulator >> UInt32(bits)) & 0x3F)])
            }
            accumulator &= (1 << UInt32(bits)) - 1
        }
        if bits > 0 {
            output.append(alphabet[Int((accumulator << UInt32(6 - bits)) & 0x3F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The 6-bit value of one base64url character, or `nil` for any other byte.
    private static func sextet(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
