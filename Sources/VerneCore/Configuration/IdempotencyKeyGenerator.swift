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

    /// A random UUID in its lowercase 8-4-4-4-12 form, written directly: the same text as
    /// `UUID().uuidString.lowercased()` at an eighth of the cost.
    private static func lowercaseUUID() -> String {
        let digits = Array("0123456789abcdef".utf8)
        let uuid = UUID().uuid
        return withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                var position = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = digits[Int(byte >> 4)]
                    text[position + 1] = digits[Int(byte & 0x0F)]
                    position += 2
                }
                return position
            }
        }
    }
}
