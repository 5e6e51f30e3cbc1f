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
        if let decoded = text.utf8.withContiguousStorageIfAvailable(decode(buffer:)) {
            return decoded
        }
        return Array(text.utf8).withUnsafeBufferPointer(decode(buffer:))
    }

    /// Decodes unpadded base64url text, strictly.
    ///
    /// - Parameter text: The encoded text.
    /// - Returns: The bytes, or `nil` when the text is not canonical base64url.
    package static func decode(_ text: String) -> [UInt8]? {
        decode(text[...])
    }

    /// Decodes unpadded base64url given as its UTF-8 bytes, strictly.
    ///
    /// - Parameter utf8: The encoded text's bytes.
    /// - Returns: The bytes, or `nil` when the text is not canonical base64url.
    package static func decode(utf8: ArraySlice<UInt8>) -> [UInt8]? {
        utf8.withUnsafeBufferPointer(decode(buffer:))
    }

    private static func decode(buffer: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let remainder = buffer.count % 4
        guard remainder != 1 else { return nil }
        let length = buffer.count / 4 * 3 + (remainder == 0 ? 0 : remainder - 1)

        var valid = true
        let table = sextets
        let output = [UInt8](unsafeUninitializedCapacity: length) { output, count in
            var accumulator: UInt32 = 0
            var bits: UInt32 = 0
            for character in buffer {
                let value = table[Int(character)]
                guard value < 64 else {
                    valid = false
                    break
                }
                accumulator = (accumulator << 6) | UInt32(value)
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    output[count] = UInt8(truncatingIfNeeded: accumulator >> bits)
                    count += 1
                    accumulator &= (1 << bits) - 1
                }
            }
            // The bits left over must be zero padding, or another text decodes the same way.
            if accumulator != 0 { valid = false }
        }
        return valid ? output : nil
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

    /// The 6-bit value of each byte; 255 for bytes outside the alphabet.
    private static let sextets: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
        return table
    }()
}
