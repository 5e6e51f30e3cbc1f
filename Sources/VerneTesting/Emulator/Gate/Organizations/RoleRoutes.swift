import Foundation
import VerneCore

/// `/v1/gate/organizations/{org}/roles`.
///
/// Names follow `^[a-z0-9][a-z0-9_-]{0,63}$` and are unique per organization
/// (`409 conflict`); an organization has at most 100 roles (`409 limit_reached`);
/// permissions are checked, sorted and de-duplicated, and an update replaces them; a role
/// someone holds cannot be deleted (`409 conflict`).
enum RoleRoutes: EmulatorRouteGroup {
    static func register(in router: inout EmulatorRouter) {
        let access = RouteAccess.apiKey(.gate)
        let roles = "/v1/gate/organizations/{org}/roles"
        router.add("POST", roles, access: access, handler: create)
        router.add("GET", roles, access: access, handler: list)
        router.add("GET", roles + "/{role}", access: access, handler: get)
        router.add("PATCH", roles + "/{role}", access: access, handler: update)
        router.add("DELETE", roles + "/{role}", access: access, handler: delete)
    }

    private static func create(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let body = try call.objectBody()
        guard let nameValue = body["name"], !nameValue.isNull else {
            throw EmulatorFailure.invalidPayload("Field 'name' is required.")
        }
        let name = try OrganizationRules.roleName(nameValue)
        let permissions =
            try body["permissions"].map { $0.isNull ? [] : try OrganizationRules.permissions($0) }
            ?? []
        let organization = try OrganizationRoutes.find(call, state)

        let role = try state.withTenant(call.tenantID) { tenant throws -> StoredRole in
            let existing = tenant.gate.organizations.roles(in: organization.id)
            guard !existing.contains(where: { $0.name == name }) else {
                throw EmulatorFailure.conflict(
                    "A role named '\(name)' already exists in this organization.")
            }
            guard existing.count < OrganizationRules.maximumRoles else {
                throw EmulatorFailure(
                    status: 409, code: "limit_reached",
                    message: "An organization has at most \(OrganizationRules.maximumRoles) roles.",
                    details: ["limit": .integer(OrganizationRules.maximumRoles)])
            }
            let role = StoredRole(
                sequence: tenant.gate.takeSequence(), id: EmulatorIDs.make("role_"),
                organizationID: organization.id, name: name, permissions: permissions,
                createdAt: call.now,
                updatedAt: call.now)
            tenant.gate.organizations.roles[role.id] = role
            tenant.gate.audit(
                "organization.role_created", call, target: target(role.id),
                details: ["organization_id": .string(organization.id), "name": .string(name)])
            return role
        }
        return EmulatorReply(status: 201, json: role.wire)
    }

    private static func list(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let organization = try OrganizationRoutes.find(call, state)
        let roles =
            state.tenants[call.tenantID]?.gate.organizations.roles(in: organization.id) ?? []
        return .ok(
            try EmulatorPage.oldestFirst(
                roles, kind: "role", query: call.query, sequence: \.sequence, wire: \.wire))
    }

    private static func get(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        .ok(try find(call, state).wire)
    }

    private static func update(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let body = try call.objectBody()
        let name = try body["name"].flatMap { $0.isNull ? nil : try OrganizationRules.roleName($0) }
        let permissions = try body["permissions"].flatMap {
            $0.isNull ? nil : try OrganizationRules.permissions($0)
        }
        guard name != nil || permissions != nil else {
            throw EmulatorFailure.invalidPayload("Send 'name', 'permissions' or both.")
        }
        var role = try find(call, state)

        return try state.withTenant(call.tenantID) { tenant throws -> EmulatorReply in
            if let name, name != role.name {
                let taken = tenant.gate.organizations.roles(in: role.organizationID).contains {
                    $0.name == name
                }
                guard !taken else {
                    throw EmulatorFailure.conflict(
                        "A role named '\(name)' already exists in this organization.")
                }
                role.name = name
            }
            if let permissions { role.permissions = permissions }
            role.updatedAt = call.now
            tenant.gate.organizations.roles[role.id] = role
            tenant.gate.audit(
                "organization.role_updated", call, target: target(role.id),
                details: [
                    "organization_id": .string(role.organizationID), "name": .string(role.name),
                ])
            return .ok(role.wire)
        }
    }

    private static func delete(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let role = try find(call, state)
        try state.withTenant(call.tenantID) { tenant throws in
            guard !tenant.gate.organizations.isHeld(role, at: call.now) else {
                throw EmulatorFailure.conflict(
                    "Role '\(role.name)' is held by a member; change their role first.")
            }
            tenant.gate.organizations.roles[role.id] = nil
            let expired = (tenant.gate.organizations.memberships[role.organizationID] ?? [:])
                .filter { $0.value.roleID == role.id }.keys
            for identityID in expired {
                tenant.gate.organizations.memberships[role.organizationID]?[identityID] = nil
            }
            tenant.gate.audit(
                "organization.role_deleted", call, target: target(role.id),
                details: [
                    "organization_id": .string(role.organizationID), "name": .string(role.name),
                ])
        }
        return .noContent
    }

    /// The audit target for a role.
    static func target(_ id: String) -> AuditTarget {
        AuditTarget(type: "role", id: id)
    }

    /// The role named by the `role` path parameter, in the `org` organization.
    ///
    /// - Throws: `404 not_found` for an unknown organization or role.
    static func find(_ call: RouteCall, _ state: EmulatorState) throws -> StoredRole {
        let organization = try OrganizationRoutes.find(call, state)
        let id = call.parameter("role")
        guard
            let role = state.tenants[call.tenantID]?.gate.organizations.role(
                id, in: organization.id)
        else {
            throw EmulatorFailure.notFound("No role '\(id)' in this organization.")
        }
        return role
    }
}
