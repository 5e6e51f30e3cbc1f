import VerneCore

/// What exchanging a social-login code gives: the end user's session and its token.
///
/// Keep the session token on your server. Printing the value never shows it.
public struct SocialLoginExchange: Sendable, Hashable, Codable, CustomStringConvertible,
    CustomReflectable
{
    /// The end user's session token; send it as `X-Session-Token` on their behalf.
    public var sessionToken: String
    /// The session.
    public var session: Session
    /// The whole answer as received, including fields not typed here (and the token).
    public var raw: JSONValue

    /// Creates an exchange result.
    ///
    /// - Parameters:
    ///   - sessionToken: The session token.
    ///   - session: The session.
    ///   - raw: The untyped answer.
    public init(sessionToken: String, session: Session, raw: JSONValue = [:]) {
        self.sessionToken = sessionToken
        self.session = session
        self.raw = raw
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case sessionToken = "session_token"
        case session
    }

    /// Decodes an exchange answer, keeping the whole of it in ``raw``.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when `session_token` is missing or a member has the wrong
    ///   type.
    public init(from decoder: any Decoder) throws {
        raw = try JSONValue(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sessionToken = try container.decode(String.self, forKey: .sessionToken)
        session = try container.decodeIfPresent(Session.self, forKey: .session) ?? Session(id: "")
    }

    /// Encodes the result: the members of ``raw`` that are not typed, then the typed ones.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: `EncodingError` on failure.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: WireKey.self)
        try container.encodeUntypedMembers(
            of: raw, besides: Set(CodingKeys.allCases.map(\.rawValue)))
        try container.encode(sessionToken, forKey: "session_token")
        try container.encode(session, forKey: "session")
    }

    /// The session ID; never the token.
    public var description: String {
        "SocialLoginExchange(sessionToken: <redacted>, session: \(session.id))"
    }

    /// A mirror that shows the redacted description only.
    public var customMirror: Mirror { Mirror(self, children: ["exchange": description]) }
}
