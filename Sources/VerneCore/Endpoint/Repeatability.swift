/// Whether an operation may be sent again after an attempt whose outcome is unknown.
///
/// The retry policy consults it: a request that may have reached the service is repeated
/// only when repeating it cannot change the result.
public struct Repeatability: Sendable, Hashable, CustomStringConvertible {
    package let isSafe: Bool
    private let name: String

    /// Repeating changes nothing: reads, `PUT`, `DELETE`, read-only `POST`s, and sends
    /// that carry an idempotency key.
    public static let safe = Repeatability(isSafe: true, name: "safe")

    /// Repeating could act twice, for example creating a second organization.
    ///
    /// Retried only when the service certainly did not act (a refused connection, a `429`).
    public static let unsafe = Repeatability(isSafe: false, name: "unsafe")

    /// `safe` or `unsafe`.
    public var description: String { name }
}
