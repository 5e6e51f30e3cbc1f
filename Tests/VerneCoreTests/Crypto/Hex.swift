/// Hex helpers for test vectors.
enum Hex {
    /// The bytes of a hex string; traps on anything else, which is a broken fixture.
    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        precondition(digits.count % 2 == 0, "odd hex length")
        return stride(from: 0, to: digits.count, by: 2).map { index in
            UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16)!
        }
    }

    /// A coordinate as exactly 32 bytes: a leading sign byte dropped, short values
    /// left-padded with zeros.
    static func coordinate(_ hex: String) -> [UInt8] {
        let value = Array(bytes(hex).drop { $0 == 0 })
        return [UInt8](repeating: 0, count: max(0, 32 - value.count)) + value
    }

    /// Lowercase hex of bytes.
    static func string(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
