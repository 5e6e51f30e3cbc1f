/// The credential a call carries.
public struct Authentication: Sendable, Hashable {
    package enum Storage: Sendable, Hashable {
        case apiKey
        case sessionToken(String)
        case apiKeyAndSessionToken(String)
        case anonymous
    }

    package let storage: Storage

    /// The client's API key in `Authorization: Bearer …`; most calls.
    public static let apiKey = Authentication(storage: .apiKey)

    /// No credential at all, for public calls such as a tenant's enabled providers.
    public static let anonymous = Authentication(storage: .anonymous)

    /// An end user's session token in `X-Session-Token`, and no API key.
    ///
    /// - Parameter token: The session token; it never goes in the URL.
    /// - Returns: The authentication.
    public static func sessionToken(_ token: String) -> Authentication {
        Authentication(storage: .sessionToken(token))
    }

    /// The API key and an end user's session token, for calls made by the server on
    /// behalf of a signed-in user.
    ///
    /// - Parameter token: The session token.
    /// - Returns: The authentication.
    public static func apiKeyAndSessionToken(_ token: String) -> Authentication {
        Authentication(storage: .apiKeyAndSessionToken(token))
    }
}

extension Authentication: CustomStringConvertible {
    /// The kind of credential, never its value.
    public var description: String {
        switch storage {
        case .apiKey: "apiKey"
        case .sessionToken: "sessionToken(<redacted>)"
        case .apiKeyAndSessionToken: "apiKeyAndSessionToken(<redacted>)"
        case .anonymous: "anonymous"
        }
    }
}

extension Authentication: CustomReflectable {
    /// A mirror that hides the token.
    public var customMirror: Mirror { Mirror(self, children: ["kind": description]) }
}
