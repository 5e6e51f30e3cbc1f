import Foundation
import VerneCore

/// An end user as Gate keeps it, written on the wire as the identity service does.
struct StoredIdentity: Sendable {
    /// A lowercase UUID.
    var id: String
    /// Always `user` today.
    var schemaID = UserSchema.id
    /// `active` or `inactive`.
    var state: String
    /// `email` and optionally `locale`.
    var traits: [String: JSONValue]
    /// The custom metadata, or `nil` when never set.
    var metadataPublic: [String: JSONValue]?
    /// Whether a password was given; never written out.
    var hasPassword: Bool
    /// When it was made.
    var createdAt: Date
    /// When it last changed.
    var updatedAt: Date
    /// When `state` last changed.
    var stateChangedAt: Date
    /// The ID of the email address record.
    var addressID: String
    /// When the current email address was set.
    var addressSetAt: Date

    /// The email, lowercased, for the uniqueness rule.
    var emailKey: String { Self.emailKey(of: traits) }

    /// The lowercased email of a traits object.
    static func emailKey(of traits: [String: JSONValue]) -> String {
        (traits["email"]?.stringValue ?? "").lowercased()
    }

    /// The Identity object of the wire contract.
    var wire: JSONValue {
        let email = JSONValue.string(traits["email"]?.stringValue ?? "")
        let addressTime = JSONValue.string(EmulatorTime.gate(addressSetAt))
        let verifiable: JSONValue = [
            "id": .string(addressID), "value": email, "verified": false, "via": "email",
            "status": "pending", "created_at": addressTime, "updated_at": addressTime,
        ]
        let recovery: JSONValue = [
            "id": .string(addressID), "value": email, "via": "email",
            "created_at": addressTime, "updated_at": addressTime,
        ]
        return .object([
            "id": .string(id), "schema_id": .string(schemaID), "state": .string(state),
            "traits": .object(traits),
            "created_at": .string(EmulatorTime.gate(createdAt)),
            "updated_at": .string(EmulatorTime.gate(updatedAt)),
            "state_changed_at": .string(EmulatorTime.gate(stateChangedAt)),
            "metadata_public": metadataPublic.map(JSONValue.object) ?? .null,
            "verifiable_addresses": [verifiable], "recovery_addresses": [recovery],
        ])
    }

    /// Changes the traits, renewing the address record when the email changes.
    mutating func setTraits(_ newTraits: [String: JSONValue], at now: Date) {
        if StoredIdentity.emailKey(of: newTraits) != emailKey
            || newTraits["email"] != traits["email"]
        {
            addressID = EmulatorIDs.uuid()
            addressSetAt = now
        }
        traits = newTraits
    }

    /// Changes the state, stamping `state_changed_at` when it really changes.
    mutating func setState(_ newState: String, at now: Date) {
        if newState != state { stateChangedAt = now }
        state = newState
    }
}

/// The rules of the `user` identity schema.
enum UserSchema {
    /// The schema's ID.
    static let id = "user"
    /// The states an identity may be in.
    static let states: Set<String> = ["active", "inactive"]

    /// Checks a `schema_id`.
    static func checkSchemaID(_ value: JSONValue?) throws -> String {
        guard let value, !value.isNull else { return id }
        guard let text = value.stringValue else {
            throw EmulatorFailure.invalidPayload("Field 'schema_id' must be a string.")
        }
        guard text == id else {
            throw EmulatorFailure.invalidPayload("Unknown identity schema '\(text)'.")
        }
        return text
    }

    /// Checks a `state`; absent means `active`.
    static func checkState(_ value: JSONValue?) throws -> String {
        guard let value, !value.isNull else { return "active" }
        guard let text = value.stringValue, states.contains(text) else {
            throw EmulatorFailure.invalidPayload("Field 'state' must be 'active' or 'inactive'.")
        }
        return text
    }

    /// Checks traits: `email` required, `locale` optional, nothing else.
    static func checkTraits(_ value: JSONValue?) throws -> [String: JSONValue] {
        guard let value, !value.isNull else {
            throw EmulatorFailure.invalidPayload("Field 'traits' is required.")
        }
        guard let traits = value.objectValue else {
            throw EmulatorFailure.invalidPayload("Field 'traits' must be a JSON object.")
        }
        if let extra = traits.keys.sorted().first(where: { $0 != "email" && $0 != "locale" }) {
            throw EmulatorFailure.invalidPayload(
                "Trait '\(extra)' is not in the 'user' schema, which has 'email' and 'locale'.")
        }
        guard let email = traits["email"] else {
            throw EmulatorFailure.invalidPayload("Trait 'email' is required.")
        }
        guard let address = email.stringValue, isEmail(address) else {
            throw EmulatorFailure.invalidPayload("Trait 'email' must be an email address.")
        }
        if let locale = traits["locale"], locale.stringValue == nil {
            throw EmulatorFailure.invalidPayload("Trait 'locale' must be a string.")
        }
        return traits
    }

    /// Checks a password credential, `{"password": {"config": {"password": "…"}}}`.
    ///
    /// - Returns: Whether a password was given.
    static func checkCredentials(_ value: JSONValue?) throws -> Bool {
        guard let value, !value.isNull else { return false }
        guard let credentials = value.objectValue else {
            throw EmulatorFailure.invalidPayload("Field 'credentials' must be a JSON object.")
        }
        if let other = credentials.keys.sorted().first(where: { $0 != "password" }) {
            throw EmulatorFailure.invalidPayload("Credential type '\(other)' is not supported.")
        }
        guard let password = credentials["password"] else { return false }
        guard let secret = password["config"]?["password"]?.stringValue else {
            throw EmulatorFailure.invalidPayload(
                "A password credential is {\"password\": {\"config\": {\"password\": \"…\"}}}.")
        }
        guard secret.count >= 8 else {
            throw EmulatorFailure.invalidPayload("The password must be at least 8 characters long.")
        }
        return true
    }

    /// Checks `metadata_public`: an object or `null`.
    static func checkMetadata(_ value: JSONValue?) throws -> [String: JSONValue]? {
        guard let value, !value.isNull else { return nil }
        guard let object = value.objectValue else {
            throw EmulatorFailure.invalidPayload("Field 'metadata_public' must be a JSON object.")
        }
        return object
    }

    private static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, text.count <= 320 else {
            return false
        }
        return !text.contains { $0.isWhitespace }
    }
}
