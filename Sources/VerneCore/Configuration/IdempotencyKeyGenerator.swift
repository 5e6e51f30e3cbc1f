import Foundation

/// Makes the idempotency key a send carries when the caller gives none.
///
/// The key is made once per call and reused on every attempt of that call, so a retry
/// after a lost answer returns the original message instead of creating a second one.
public struct IdempotencyKeyGenerator: Sendable {
    private let make: @Sendable () -> String

    /// Creates a generator from a closure.
    ///
    /// - Parameter make: Returns a new, unique key on every call.
    public init(_ make: @escaping @Sendable () -> String) { self.make = make }

    /// A new key.
    ///
    /// - Returns: The key.
    public func next() -> String { make() }

    /// Random UUIDs with a `verne-` prefix; the default.
    public static let random = IdempotencyKeyGenerator { "verne-" + lowercaseUUID() }

    /// A random (version 4) UUID in its lowercase 8-4-4-4-12 form, the same text
    /// `UUID().uuidString.lowercased()` gives, written directly from ``SecureRandom``.
    private static func lowercaseUUID() -> String {
        var bytes: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &bytes) { SecureRandom.fill($0) }

        return withUnsafeMutableBytes(of: &bytes) { bytes in
            // The version (4, random) and the variant (RFC 9562) take six of the bits.
            bytes[6] = bytes[6] & 0x0F | 0x40
            bytes[8] = bytes[8] & 0x3F | 0x80
            return String(unsafeUninitializedCapacity: 36) { text in
                var position = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = hexDigits[Int(byte >> 4)]
                    text[position + 1] = hexDigits[Int(byte & 0x0F)]
                    position += 2
                }
                return position
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
