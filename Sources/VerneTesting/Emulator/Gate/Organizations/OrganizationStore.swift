import Foundation
import VerneCore

/// An organization as Gate keeps it.
struct StoredOrganization: Sendable {
    var sequence: Int
    /// `org_…`.
    var id: String
    var name: String
    var createdAt: Date
    var updatedAt: Date

    /// `{"id", "name", "created_at", "updated_at"}`.
    var wire: JSONValue {
        [
            "id": .string(id), "name": .string(name),
            "created_at": .string(EmulatorTime.gate(createdAt)),
            "updated_at": .string(EmulatorTime.gate(updatedAt)),
        ]
    }
}

/// A role of one organization.
struct StoredRole: Sendable {
    var sequence: Int
    /// `role_…`.
    var id: String
    var organizationID: String
    var name: String
    /// Sorted, without duplicates.
    var permissions: [String]
    var createdAt: Date
    var updatedAt: Date

    /// `{"id", "organization_id", "name", "permissions", "created_at", "updated_at"}`.
    var wire: JSONValue {
        [
            "id": .string(id), "organization_id": .string(organizationID), "name": .string(name),
            "permissions": .array(permissions.map(JSONValue.string)),
            "created_at": .string(EmulatorTime.gate(createdAt)),
            "updated_at": .string(EmulatorTime.gate(updatedAt)),
        ]
    }
}

/// An end user's membership of an organization.
struct StoredMembership: Sendable {
    var sequence: Int
    var organizationID: String
    var identityID: String
    var roleID: String
    /// When it ends, or `nil` for never.
    var expiresAt: Date?
    var createdAt: Date
    var updatedAt: Date

    /// Whether it still counts: no deadline, or a deadline still ahead.
    func isLive(at now: Date) -> Bool {
        expiresAt.map { now < $0 } ?? true
    }

    /// `{"organization_id", "identity_id", "role_id", "expires_at", "created_at", "updated_at"}`.
    var wire: JSONValue {
        [
            "organization_id": .string(organizationID), "identity_id": .string(identityID),
            "role_id": .string(roleID),
            "expires_at": expiresAt.map { .string(EmulatorTime.gate($0)) } ?? .null,
            "created_at": .string(EmulatorTime.gate(createdAt)),
            "updated_at": .string(EmulatorTime.gate(updatedAt)),
        ]
    }
}

/// One tenant's organizations, roles and memberships.
///
/// A membership past its deadline is kept (the `expire_roles` lifecycle rule removes it)
/// but counts nowhere: not in lists, not in checks, not as holding its role.
struct OrganizationStore: Sendable {
    /// The most organizations an `orgs` claim lists.
    static let claimLimit = 100

    var organizations: [String: StoredOrganization] = [:]
    var roles: [String: StoredRole] = [:]
    /// Memberships by organization ID, then identity ID.
    var memberships: [String: [String: StoredMembership]] = [:]

    /// Every organization, oldest first.
    var ordered: [StoredOrganization] {
        organizations.values.sorted { $0.sequence < $1.sequence }
    }

    /// An organization's roles, oldest first.
    func roles(in orgID: String) -> [StoredRole] {
        roles.values.filter { $0.organizationID == orgID }.sorted { $0.sequence < $1.sequence }
    }

    /// A role of an organization.
    func role(_ roleID: String, in orgID: String) -> StoredRole? {
        roles[roleID].flatMap { $0.organizationID == orgID ? $0 : nil }
    }

    /// An organization's live memberships, oldest first.
    func members(of orgID: String, at now: Date) -> [StoredMembership] {
        (memberships[orgID] ?? [:]).values.filter { $0.isLive(at: now) }
            .sorted { $0.sequence < $1.sequence }
    }

    /// An identity's live membership of an organization.
    func membership(_ identityID: String, in orgID: String, at now: Date) -> StoredMembership? {
        memberships[orgID]?[identityID].flatMap { $0.isLive(at: now) ? $0 : nil }
    }

    /// An identity's live memberships, oldest first.
    func memberships(of identityID: String, at now: Date) -> [StoredMembership] {
        memberships.values.compactMap { $0[identityID] }.filter { $0.isLive(at: now) }
            .sorted { $0.sequence < $1.sequence }
    }

    /// Whether anyone holds a role now.
    func isHeld(_ role: StoredRole, at now: Date) -> Bool {
        members(of: role.organizationID, at: now).contains { $0.roleID == role.id }
    }

    /// The OrgClaim of a membership: `{"id", "role", "permissions"}`.
    func claim(_ membership: StoredMembership) -> JSONValue {
        let role = roles[membership.roleID]
        return [
            "id": .string(membership.organizationID), "role": .string(role?.name ?? ""),
            "permissions": .array((role?.permissions ?? []).map(JSONValue.string)),
        ]
    }

    /// The `orgs` and `orgs_truncated` members for an end user: the first 100 live
    /// memberships, oldest first.
    func claims(of identityID: String, at now: Date) -> (orgs: JSONValue, truncated: Bool) {
        let all = memberships(of: identityID, at: now)
        let shown = all.prefix(Self.claimLimit).map(claim)
        return (.array(Array(shown)), all.count > Self.claimLimit)
    }

    /// Deletes an organization with its roles and memberships.
    mutating func deleteOrganization(_ orgID: String) {
        organizations[orgID] = nil
        roles = roles.filter { $0.value.organizationID != orgID }
        memberships[orgID] = nil
    }

    /// Forgets every membership of a deleted identity.
    mutating func removeMemberships(of identityID: String) {
        for orgID in memberships.keys { memberships[orgID]?[identityID] = nil }
    }
}
