import VerneCore

/// The credentials a new identity starts with.
///
/// ```swift
/// try await gate.identities.create(
///     traits: ["email": "user@example.com"], credentials: .password("StrongPassword123!"))
/// ```
///
/// Printing credentials never shows them.
public struct Credentials: Sendable, Hashable, Encodable, CustomStringConvertible,
    CustomReflectable
{
    /// The `credentials` object as sent.
    public let json: JSONValue

    /// Credentials in the identity service's own form, for methods without a convenience.
    ///
    /// - Parameter json: The `credentials` object, for example
    ///   `["password": ["config": ["password": "…"]]]`.
    public init(json: JSONValue) { self.json = json }

    /// A password, sent as `{"password": {"config": {"password": "…"}}}`.
    ///
    /// - Parameter password: The password.
    /// - Returns: The credentials.
    public static func password(_ password: String) -> Credentials {
        Credentials(json: ["password": ["config": ["password": .string(password)]]])
    }

    /// Credentials in raw form; the same as ``init(json:)``.
    ///
    /// - Parameter json: The `credentials` object.
    /// - Returns: The credentials.
    public static func raw(_ json: JSONValue) -> Credentials { Credentials(json: json) }

    /// Encodes the `credentials` object.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: `EncodingError` on failure.
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }

    /// The kinds of credential, never their secrets.
    public var description: String {
        let kinds = (json.objectValue ?? [:]).keys.sorted().joined(separator: ", ")
        return "Credentials(\(kinds): <redacted>)"
    }

    /// A mirror that shows the redacted description only.
    public var customMirror: Mirror { Mirror(self, children: ["credentials": description]) }
}
