import VerneCore

/// An authenticator assurance level (AAL): how strongly a session was signed in; an open
/// set of wire strings.
///
/// ``aal1`` is one factor; ``aal2`` is two. Pass ``aal2`` to `loginFlow(...)` with the end
/// user's session token to start a step-up to a second factor.
public struct AssuranceLevel: WireString {
    /// The level as the service writes it.
    public let rawValue: String

    /// Creates a level from its wire form.
    ///
    /// - Parameter rawValue: For example `aal2`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// One factor, such as a password.
    public static let aal1: AssuranceLevel = "aal1"
    /// Two factors.
    public static let aal2: AssuranceLevel = "aal2"
}
