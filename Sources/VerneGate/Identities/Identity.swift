import Foundation
import VerneCore

/// An end user of your project, as Gate's identity service describes it.
///
/// The stable fields are typed; the whole answer stays in ``raw``, so fields the identity
/// service adds later are never lost.
///
/// ```swift
/// let identity = try await gate.identities.get("idn_123")
/// print(identity.traits["email"]?.stringValue ?? "-", identity.state)
/// ```
public struct Identity: Sendable, Hashable, Codable, Identifiable {
    /// The identity ID.
    public var id: String
    /// The schema the traits follow, usually `user`.
    public var schemaID: String
    /// Whether the end user may sign in.
    public var state: State
    /// The traits, for the `user` schema `email` and `locale`.
    public var traits: JSONValue
    /// When the identity was created.
    public var createdAt: Date?
    /// When the identity last changed.
    public var updatedAt: Date?
    /// When ``state`` last changed.
    public var stateChangedAt: Date?
    /// Your custom metadata (`metadata_public`), when the answer carried it.
    public var metadataPublic: [String: JSONValue]?
    /// The addresses that can be verified, as the identity service describes them.
    public var verifiableAddresses: [JSONValue]
    /// The addresses usable for account recovery.
    public var recoveryAddresses: [JSONValue]
    /// The whole answer as received, including fields not typed here.
    public var raw: JSONValue

    /// Creates an identity; ``raw`` holds only what you pass in it.
    ///
    /// - Parameters:
    ///   - id: The identity ID.
    ///   - schemaID: The schema ID.
    ///   - state: The state.
    ///   - traits: The traits.
    ///   - createdAt: When it was created.
    ///   - updatedAt: When it last changed.
    ///   - stateChangedAt: When its state last changed.
    ///   - metadataPublic: Custom metadata.
    ///   - verifiableAddresses: Verifiable addresses.
    ///   - recoveryAddresses: Recovery addresses.
    ///   - raw: The untyped answer.
    public init(
        id: String, schemaID: String = "user", state: State = .active, traits: JSONValue,
        createdAt: Date? = nil, updatedAt: Date? = nil, stateChangedAt: Date? = nil,
        metadataPublic: [String: JSONValue]? = nil, verifiableAddresses: [JSONValue] = [],
        recoveryAddresses: [JSONValue] = [], raw: JSONValue = [:]
    ) {
        self.id = id
        self.schemaID = schemaID
        self.state = state
        self.traits = traits
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.stateChangedAt = stateChangedAt
        self.metadataPublic = metadataPublic
        self.verifiableAddresses = verifiableAddresses
        self.recoveryAddresses = recoveryAddresses
        self.raw = raw
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case schemaID = "schema_id"
        case state
        case traits
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case stateChangedAt = "state_changed_at"
        case metadataPublic = "metadata_public"
        case verifiableAddresses = "verifiable_addresses"
        case recoveryAddresses = "recovery_addresses"
    }

    /// Decodes an identity answer, keeping the whole of it in ``raw``.
    ///
    /// Only `id` is required; the other members are read when present.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when `id` is missing or a member has the wrong type.
    public init(from decoder: any Decoder) throws {
        raw = try JSONValue(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        schemaID = try container.decodeIfPresent(String.self, forKey: .schemaID) ?? ""
        state = try container.decodeIfPresent(State.self, forKey: .state) ?? State(rawValue: "")
        traits = try container.decodeIfPresent(JSONValue.self, forKey: .traits) ?? [:]
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt)
        stateChangedAt = try container.decodeIfPresent(Date.self, forKey: .stateChangedAt)
        metadataPublic = try container.decodeIfPresent(
            [String: JSONValue].self, forKey: .metadataPublic)
        verifiableAddresses =
            try container.decodeIfPresent([JSONValue].self, forKey: .verifiableAddresses) ?? []
        recoveryAddresses =
            try container.decodeIfPresent([JSONValue].self, forKey: .recoveryAddresses) ?? []
    }

    /// Encodes the identity: the members of ``raw`` that are not typed, then the typed
    /// fields.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: `EncodingError` on failure.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: WireKey.self)
        try container.encodeUntypedMembers(
            of: raw, besides: Set(CodingKeys.allCases.map(\.rawValue)))
        try container.encode(id, forKey: "id")
        try container.encode(schemaID, forKey: "schema_id")
        try container.encode(state, forKey: "state")
        try container.encode(traits, forKey: "traits")
        try container.encodeIfPresent(createdAt, forKey: "created_at")
        try container.encodeIfPresent(updatedAt, forKey: "updated_at")
        try container.encodeIfPresent(stateChangedAt, forKey: "state_changed_at")
        try container.encodeIfPresent(metadataPublic, forKey: "metadata_public")
        try container.encode(verifiableAddresses, forKey: "verifiable_addresses")
        try container.encode(recoveryAddresses, forKey: "recovery_addresses")
    }
}
