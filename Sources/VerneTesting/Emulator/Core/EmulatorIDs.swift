import Foundation

/// Random identifiers: `msg_…`, `req_…`, `gat_…`, `dec_…`, and UUIDs for identities.
enum EmulatorIDs {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// A prefix followed by `length` random letters and digits.
    ///
    /// - Parameters:
    ///   - prefix: For example `msg_`.
    ///   - length: How many random characters follow.
    /// - Returns: The identifier.
    static func make(_ prefix: String, length: Int = 20) -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = Array(prefix.utf8)
        bytes.reserveCapacity(bytes.count + length)
        var bits: UInt64 = 0
        var remaining = 0
        for _ in 0..<length {
            if remaining == 0 {
                bits = generator.next()
                remaining = 10
            }
            bytes.append(alphabet[Int(bits % 62)])
            bits /= 62
            remaining -= 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A request ID, for example `req_4fQ9…`.
    static func request() -> String { make("req_", length: 16) }

    /// A lowercase UUID, as the identity service names identities.
    static func uuid() -> String { UUID().uuidString.lowercased() }
}
