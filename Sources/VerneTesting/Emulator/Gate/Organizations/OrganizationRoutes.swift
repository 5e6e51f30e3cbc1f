import Foundation
import VerneCore

/// `/v1/gate/organizations` and `/v1/gate/identities/{id}/organizations`.
///
/// Organizations list oldest first; deleting one deletes its roles and memberships. A
/// user's organizations are OrgClaims of their live memberships, oldest first.
enum OrganizationRoutes: EmulatorRouteGroup {
    static func register(in router: inout EmulatorRouter) {
        let access = RouteAccess.apiKey(.gate)
        router.add("POST", "/v1/gate/organizations", access: access, handler: create)
        router.add("GET", "/v1/gate/organizations", access: access, handler: list)
        router.add("GET", "/v1/gate/organizations/{org}", access: access, handler: get)
        router.add("PATCH", "/v1/gate/organizations/{org}", access: access, handler: rename)
        router.add("DELETE", "/v1/gate/organizations/{org}", access: access, handler: delete)
        router.add(
            "GET", "/v1/gate/identities/{id}/organizations", access: access, handler: ofIdentity)
    }

    private static func create(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let name = try OrganizationRules.organizationName(try call.objectBody())
        let organization = state.withTenant(call.tenantID) { tenant -> StoredOrganization in
            let organization = StoredOrganization(
                sequence: tenant.gate.takeSequence(), id: EmulatorIDs.make("org_"), name: name,
                createdAt: call.now, updatedAt: call.now)
            tenant.gate.organizations.organizations[organization.id] = organization
            tenant.gate.audit("organization.created", call, target: target(organization.id))
            return organization
        }
        return EmulatorReply(status: 201, json: organization.wire)
    }

    private static func list(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let all = state.tenants[call.tenantID]?.gate.organizations.ordered ?? []
        return .ok(
            try EmulatorPage.oldestFirst(
                all, kind: "org", query: call.query, sequence: \.sequence, wire: \.wire))
    }

    private static func get(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        .ok(try find(call, state).wire)
    }

    private static func rename(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let name = try OrganizationRules.organizationName(try call.objectBody())
        var organization = try find(call, state)
        let previous = organization.name
        organization.name = name
        organization.updatedAt = call.now
        let renamed = organization
        state.withTenant(call.tenantID) { tenant in
            tenant.gate.organizations.organizations[renamed.id] = renamed
            if previous != name {
                tenant.gate.audit("organization.updated", call, target: target(renamed.id))
            }
        }
        return .ok(renamed.wire)
    }

    private static func delete(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let organization = try find(call, state)
        state.withTenant(call.tenantID) { tenant in
            tenant.gate.organizations.deleteOrganization(organization.id)
            tenant.gate.audit("organization.deleted", call, target: target(organization.id))
        }
        return .noContent
    }

    private static func ofIdentity(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let identity = try IdentityRoutes.findOwned(call, state)
        let store = state.tenants[call.tenantID]?.gate.organizations ?? OrganizationStore()
        let memberships = store.memberships(of: identity.id, at: call.now)
        return .ok(
            try EmulatorPage.oldestFirst(
                memberships, kind: "orgclaim", query: call.query, sequence: \.sequence,
                wire: store.claim))
    }

    /// The audit target for an organization.
    static func target(_ id: String) -> AuditTarget {
        AuditTarget(type: "organization", id: id)
    }

    /// The caller's organization named by the `org` path parameter.
    ///
    /// - Throws: `404 not_found` when the tenant has no such organization.
    static func find(_ call: RouteCall, _ state: EmulatorState) throws -> StoredOrganization {
        let id = call.parameter("org")
        guard let organization = state.tenants[call.tenantID]?.gate.organizations.organizations[id]
        else {
            throw EmulatorFailure.notFound("No organization '\(id)' in this project.")
        }
        return organization
    }
}
