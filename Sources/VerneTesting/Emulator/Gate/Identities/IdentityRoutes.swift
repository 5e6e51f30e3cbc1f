import Foundation
import VerneCore

/// `/v1/gate/identities`: create, get, JSON Patch, delete and set state.
enum IdentityRoutes: EmulatorRouteGroup {
    static func register(in router: inout EmulatorRouter) {
        let access = RouteAccess.apiKey(.gate)
        router.add("POST", "/v1/gate/identities", access: access, handler: create)
        router.add("GET", "/v1/gate/identities/{id}", access: access, handler: get)
        router.add("PATCH", "/v1/gate/identities/{id}", access: access, handler: patch)
        router.add("DELETE", "/v1/gate/identities/{id}", access: access, handler: delete)
        router.add("PATCH", "/v1/gate/identities/{id}/state", access: access, handler: setState)
    }

    /// The members of the wire Identity that a JSON Patch may not change.
    private static let fixedMembers = [
        "id", "created_at", "updated_at", "state_changed_at", "verifiable_addresses",
        "recovery_addresses",
    ]

    /// The members a JSON Patch may change.
    private static let patchableMembers: Set<String> = [
        "schema_id", "state", "traits", "metadata_public",
    ]

    private static func create(_ call: RouteCall, _ state: inout EmulatorState) throws -> EmulatorReply {
        let body = try call.objectBody()
        let schemaID = try UserSchema.checkSchemaID(body["schema_id"])
        let traits = try UserSchema.checkTraits(body["traits"])
        let identityState = try UserSchema.checkState(body["state"])
        let hasPassword = try UserSchema.checkCredentials(body["credentials"])
        let metadata = try UserSchema.checkMetadata(body["metadata_public"])

        let identity = try state.withTenant(call.tenantID) { tenant throws -> StoredIdentity in
            try tenant.gate.checkEmailFree(traits, for: nil)
            let identity = StoredIdentity(
                id: EmulatorIDs.uuid(), schemaID: schemaID, state: identityState, traits: traits,
                metadataPublic: metadata, hasPassword: hasPassword, createdAt: call.now,
                updatedAt: call.now, stateChangedAt: call.now, addressID: EmulatorIDs.uuid(),
                addressSetAt: call.now)
            tenant.gate.store(identity)
            tenant.gate.audit(
                "identity.created", call, target: target(identity.id),
                details: ["schema_id": .string(schemaID), "state": .string(identityState)])
            for kind in ["delete_unverified", "remind_unverified", "delete_inactive"] {
                tenant.gate.scheduleLifecycle(kind, forIdentity: identity.id, at: call.now)
            }
            return identity
        }
        state.identityOwners[identity.id] = call.tenantID
        return EmulatorReply(status: 201, json: identity.wire)
    }

    private static func get(_ call: RouteCall, _ state: inout EmulatorState) throws -> EmulatorReply {
        .ok(try find(call, state).wire)
    }

    private static func patch(_ call: RouteCall, _ state: inout EmulatorState) throws -> EmulatorReply {
        let operations = try call.jsonBody()
        var identity = try find(call, state)
        let original = identity.wire

        let patched: JSONValue
        do {
            patched = try JSONPatch.apply(operations, to: original)
        } catch {
            throw EmulatorFailure.invalidPayload("JSON Patch refused: \(error.message)")
        }
        guard let members = patched.objectValue else {
            throw EmulatorFailure.invalidPayload("The patched identity must be a JSON object.")
        }
        for name in fixedMembers where !JSONPatch.equal(members[name] ?? .null, original[name] ?? .null) {
            throw EmulatorFailure.invalidPayload("Field '\(name)' cannot be changed.")
        }
        let known = patchableMembers.union(fixedMembers)
        if let unknown = members.keys.sorted().first(where: { !known.contains($0) }) {
            throw EmulatorFailure.invalidPayload("Field '\(unknown)' is not part of an identity.")
        }

        identity.schemaID = try UserSchema.checkSchemaID(members["schema_id"])
        guard members["state"].map({ !$0.isNull }) ?? false else {
            throw EmulatorFailure.invalidPayload("Field 'state' is required.")
        }
        let newState = try UserSchema.checkState(members["state"])
        let traits = try UserSchema.checkTraits(members["traits"])
        identity.metadataPublic = try UserSchema.checkMetadata(members["metadata_public"])

        let changed = identity
        return try state.withTenant(call.tenantID) { tenant throws -> EmulatorReply in
            try tenant.gate.checkEmailFree(traits, for: changed.id)
            var updated = changed
            updated.setTraits(traits, at: call.now)
            let stateChanged = updated.state != newState
            updated.setState(newState, at: call.now)
            updated.updatedAt = call.now
            tenant.gate.store(updated)
            tenant.gate.audit("identity.updated", call, target: target(updated.id))
            if stateChanged {
                tenant.gate.audit(
                    "identity.state_changed", call, target: target(updated.id), details: ["state": .string(newState)])
            }
            return .ok(updated.wire)
        }
    }

    private static func delete(_ call: RouteCall, _ state: inout EmulatorState) throws -> EmulatorReply {
        let identity = try find(call, state)
        state.withTenant(call.tenantID) { tenant in
            tenant.gate.remove(identity: identity.id, at: call.now)
            tenant.gate.audit("identity.deleted", call, target: target(identity.id))
        }
        state.identityOwners[identity.id] = nil
        return .noContent
    }

    private static func setState(_ call: RouteCall, _ state: inout EmulatorState) throws -> EmulatorReply {
        let body = try call.objectBody()
        guard body["state"].map({ !$0.isNull }) ?? false else {
            throw EmulatorFailure.invalidPayload("Field 'state' is required.")
        }
        let newState = try UserSchema.checkState(body["state"])
        var identity = try find(call, state)
        let changed = identity.state != newState
        identity.setState(newState, at: call.now)
        identity.updatedAt = call.now
        let updated = identity
        state.withTenant(call.tenantID) { tenant in
            tenant.gate.store(updated)
            if changed {
                tenant.gate.audit(
                    "identity.state_changed", call, target: target(updated.id), details: ["state": .string(newState)])
            }
        }
        return .ok(updated.wire)
    }

    /// The audit target for an identity.
    static func target(_ id: String) -> AuditTarget {
        AuditTarget(type: "identity", id: id)
    }

    /// The caller's identity named in the path, where another tenant's identity is
    /// `403 forbidden` and an unknown one `404 not_found`.
    ///
    /// - Parameters:
    ///   - call: The call.
    ///   - state: The state.
    ///   - parameter: The path parameter holding the ID.
    /// - Throws: `403` or `404`.
    static func findOwned(
        _ call: RouteCall, _ state: EmulatorState, parameter: String = "id"
    ) throws -> StoredIdentity {
        let id = call.parameter(parameter)
        if let identity = state.tenants[call.tenantID]?.gate.identities[id] { return identity }
        if state.identityOwners[id] != nil {
            throw EmulatorFailure.forbidden("Identity '\(id)' is not one of this project's end users.")
        }
        throw EmulatorFailure.notFound("No identity '\(id)' in this project.")
    }

    /// The caller's identity named in the path.
    ///
    /// - Throws: `404 not_found` when the tenant has no such identity.
    static func find(_ call: RouteCall, _ state: EmulatorState) throws -> StoredIdentity {
        let id = call.parameter("id")
        guard let identity = state.tenants[call.tenantID]?.gate.identities[id] else {
            throw EmulatorFailure.notFound("No identity '\(id)' in this project.")
        }
        return identity
    }
}
