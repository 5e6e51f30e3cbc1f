import VerneCore

/// An authenticator assurance level (AAL): how strongly a session was signed in; an open
/// set of wire strings.
///
/// ``aal1`` is one factor; ``aal2`` is two. Pass ``aal2`` to `loginFlow(...)` with the end
/// user's session token to start a step-up to a second factor.
public struct AssuranceLevel: RawRepresentable, Sendable, Hashable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The level as the service writes it.
    public let rawValue: String

    /// Creates a level from its wire form.
    ///
    /// - Parameter rawValue: For example `aal2`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a level from a string literal.
    ///
    /// - Parameter value: The wire form.
    public init(stringLiteral value: String) { rawValue = value }

    /// One factor, such as a password.
    public static let aal1: AssuranceLevel = "aal1"
    /// Two factors.
    public static let aal2: AssuranceLevel = "aal2"

    /// The wire form.
    public var description: String { rawValue }
}
