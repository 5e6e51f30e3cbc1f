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
    public static let random = IdempotencyKeyGenerator { "verne-" + UUID().uuidString.lowercased() }
}
