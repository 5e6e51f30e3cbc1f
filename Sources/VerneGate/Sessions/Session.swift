import Foundation
import VerneCore

/// An end user's session, as Gate's identity service describes it.
///
/// The stable fields are typed; the whole answer stays in ``raw``.
public struct Session: Sendable, Hashable, Codable, Identifiable {
    /// The session ID; revoke it with `sessions.revoke(sessionID:)`.
    public var id: String
    /// Whether the session is active, when the answer said.
    public var active: Bool?
    /// When the end user signed in.
    public var authenticatedAt: Date?
    /// When the session expires.
    public var expiresAt: Date?
    /// When the session was issued.
    public var issuedAt: Date?
    /// How strongly the session was signed in.
    public var authenticatorAssuranceLevel: AssuranceLevel?
    /// The methods used to sign in, as the identity service describes them.
    public var authenticationMethods: [JSONValue]
    /// The devices the session was used from.
    public var devices: [JSONValue]
    /// The session's identity, untyped, when the answer carried it.
    public var identity: JSONValue?
    /// The whole answer as received, including fields not typed here.
    public var raw: JSONValue

    /// Creates a session; ``raw`` holds only what you pass in it.
    ///
    /// - Parameters:
    ///   - id: The session ID.
    ///   - active: Whether it is active.
    ///   - authenticatedAt: When the end user signed in.
    ///   - expiresAt: When it expires.
    ///   - issuedAt: When it was issued.
    ///   - authenticatorAssuranceLevel: Its assurance level.
    ///   - authenticationMethods: The sign-in methods.
    ///   - devices: The devices.
    ///   - identity: The identity.
    ///   - raw: The untyped answer.
    public init(
        id: String, active: Bool? = nil, authenticatedAt: Date? = nil, expiresAt: Date? = nil,
        issuedAt: Date? = nil, authenticatorAssuranceLevel: AssuranceLevel? = nil,
        authenticationMethods: [JSONValue] = [], devices: [JSONValue] = [],
        identity: JSONValue? = nil, raw: JSONValue = [:]
    ) {
        self.id = id
        self.active = active
        self.authenticatedAt = authenticatedAt
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.authenticatorAssuranceLevel = authenticatorAssuranceLevel
        self.authenticationMethods = authenticationMethods
        self.devices = devices
        self.identity = identity
        self.raw = raw
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case active
        case authenticatedAt = "authenticated_at"
        case expiresAt = "expires_at"
        case issuedAt = "issued_at"
        case authenticatorAssuranceLevel = "authenticator_assurance_level"
        case authenticationMethods = "authentication_methods"
        case devices
        case identity
    }

    /// Decodes a session answer, keeping the whole of it in ``raw``; every member is
    /// optional.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when the answer is not an object or a member has the wrong
    ///   type.
    public init(from decoder: any Decoder) throws {
        raw = try JSONValue(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
        active = try container.decodeIfPresent(Bool.self, forKey: .active)
        authenticatedAt = try container.decodeIfPresent(Date.self, forKey: .authenticatedAt)
        expiresAt = try container.decodeIfPresent(Date.self, forKey: .expiresAt)
        issuedAt = try container.decodeIfPresent(Date.self, forKey: .issuedAt)
        authenticatorAssuranceLevel = try container.decodeIfPresent(
            AssuranceLevel.self, forKey: .authenticatorAssuranceLevel)
        authenticationMethods =
            try container.decodeIfPresent([JSONValue].self, forKey: .authenticationMethods) ?? []
        devices = try container.decodeIfPresent([JSONValue].self, forKey: .devices) ?? []
        identity = try container.decodeIfPresent(JSONValue.self, forKey: .identity)
    }

    /// Encodes the session: the members of ``raw`` that are not typed, then the typed
    /// fields.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: `EncodingError` on failure.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: WireKey.self)
        try container.encodeUntypedMembers(
            of: raw, besides: Set(CodingKeys.allCases.map(\.rawValue)))
        try container.encode(id, forKey: "id")
        try container.encodeIfPresent(active, forKey: "active")
        try container.encodeIfPresent(authenticatedAt, forKey: "authenticated_at")
        try container.encodeIfPresent(expiresAt, forKey: "expires_at")
        try container.encodeIfPresent(issuedAt, forKey: "issued_at")
        try container.encodeIfPresent(
            authenticatorAssuranceLevel, forKey: "authenticator_assurance_level")
        try container.encode(authenticationMethods, forKey: "authentication_methods")
        try container.encode(devices, forKey: "devices")
        try container.encodeIfPresent(identity, forKey: "identity")
    }
}
