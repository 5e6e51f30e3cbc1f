import Foundation
import VerneCore

/// Who did something, as the audit log names it.
struct AuditActor: Sendable, Equatable {
    /// `api_key`, `end_user`, `system` (`team_member` and `staff` never occur here).
    var type: String
    /// The actor's ID, when it has one.
    var id: String?

    /// The emulator itself, for what no caller asked for (expiry, rotation, rules).
    static let system = AuditActor(type: "system", id: nil)

    /// An end user acting for themselves.
    static func endUser(_ identityID: String) -> AuditActor {
        AuditActor(type: "end_user", id: identityID)
    }

    /// A stable, non-secret ID for an API key: `key_` and the first 16 hex digits of the
    /// key's SHA-256 digest.
    ///
    /// - Parameter key: The API key.
    /// - Returns: The key's ID.
    static func keyID(of key: String) -> String {
        let digest = SHA256Hash.digest(of: Data(key.utf8))
        return "key_" + digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// `{"type", "id"?}`.
    var wire: JSONValue {
        var object: [String: JSONValue] = ["type": .string(type)]
        if let id { object["id"] = .string(id) }
        return .object(object)
    }
}

/// What an audit entry is about: `{"type", "id"}`.
struct AuditTarget: Sendable, Equatable {
    /// `identity`, `session`, `organization`, `role`, `settings`, `lifecycle_rule`,
    /// `signing_key`.
    var type: String
    /// Its ID.
    var id: String
}

/// One entry of a tenant's audit log.
struct AuditEntry: Sendable {
    /// Orders entries and backs the cursors.
    var sequence: Int
    /// `aud_…`.
    var id: String
    /// When it happened.
    var occurredAt: Date
    /// What happened, one of ``AuditActions/known``.
    var action: String
    /// Who did it.
    var actor: AuditActor
    /// What it was done to.
    var target: AuditTarget?
    /// Facts about the change; never personal data such as an email address.
    var details: [String: JSONValue]
    /// The caller's user agent, when known.
    var userAgent: String?

    /// The entry of the wire contract.
    ///
    /// - Parameter projectID: The tenant the entry belongs to.
    /// - Returns: `{"id", "occurred_at", "action", "actor", "target"?, "project_id",
    ///   "details", "user_agent"?}`.
    func wire(projectID: String) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id), "occurred_at": .string(EmulatorTime.gate(occurredAt)),
            "action": .string(action), "actor": actor.wire, "project_id": .string(projectID),
            "details": .object(details),
        ]
        if let target {
            object["target"] = ["type": .string(target.type), "id": .string(target.id)]
        }
        if let userAgent { object["user_agent"] = .string(userAgent) }
        return .object(object)
    }
}

/// The actions the emulator writes; the `action` filter accepts exactly these.
enum AuditActions {
    /// Every action name.
    static let known: Set<String> = [
        "identity.created", "identity.updated", "identity.deleted", "identity.state_changed",
        "identity.metadata_updated", "identity.verification_sent", "identity.login",
        "session.revoked", "session.revoked_all",
        "organization.created", "organization.updated", "organization.deleted",
        "organization.role_created", "organization.role_updated", "organization.role_deleted",
        "organization.member_added", "organization.member_updated", "organization.member_removed",
        "settings.security_updated", "settings.oidc_providers_updated",
        "settings.return_urls_updated", "lifecycle.rule_updated", "lifecycle.rule_deleted",
        "lifecycle.action_done", "signing_key.rotated",
    ]
}
