import Foundation
import VerneCore

/// `/v1/gate/identities/{id}/metadata` and `/resend-verification`.
enum IdentityMetadataRoutes: EmulatorRouteGroup {
    static func register(in router: inout EmulatorRouter) {
        let access = RouteAccess.apiKey(.gate)
        router.add("GET", "/v1/gate/identities/{id}/metadata", access: access, handler: read)
        router.add("PATCH", "/v1/gate/identities/{id}/metadata", access: access, handler: merge)
        router.add(
            "POST", "/v1/gate/identities/{id}/resend-verification", access: access,
            handler: resendVerification)
    }

    private static func read(_ call: RouteCall, _ state: inout EmulatorState) throws -> EmulatorReply {
        let identity = try IdentityRoutes.findOwned(call, state)
        return .ok(["metadata_public": .object(identity.metadataPublic ?? [:])])
    }

    private static func merge(_ call: RouteCall, _ state: inout EmulatorState) throws -> EmulatorReply {
        let changes = try call.objectBody()
        var identity = try IdentityRoutes.findOwned(call, state)

        var metadata = identity.metadataPublic ?? [:]
        for (key, value) in changes {
            if value.isNull {
                metadata.removeValue(forKey: key)
            } else {
                metadata[key] = value
            }
        }
        identity.metadataPublic = metadata
        identity.updatedAt = call.now
        let updated = identity
        state.withTenant(call.tenantID) { tenant in
            tenant.gate.store(updated)
            tenant.gate.audit(
                "identity.metadata_updated", call, target: IdentityRoutes.target(updated.id),
                details: ["keys": .array(changes.keys.sorted().map(JSONValue.string))])
        }
        return .ok(["metadata_public": .object(metadata)])
    }

    private static func resendVerification(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let identity = try IdentityRoutes.findOwned(call, state)
        state.withTenant(call.tenantID) { tenant in
            tenant.gate.audit("identity.verification_sent", call, target: IdentityRoutes.target(identity.id))
        }
        return .noContent
    }
}
