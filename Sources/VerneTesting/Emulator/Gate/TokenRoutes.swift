import Foundation
import VerneCore

/// `POST /v1/gate/tokens` and `POST /v1/gate/tokens/introspect`.
enum TokenRoutes: EmulatorRouteGroup {
    /// The lifetime of a token when `ttl_seconds` is left out.
    static let defaultTTL = 3600
    /// The longest lifetime a token may be given.
    static let maximumTTL = 86_400

    static func register(in router: inout EmulatorRouter) {
        router.add("POST", "/v1/gate/tokens", access: .apiKey(.gate), handler: mint)
        router.add("POST", "/v1/gate/tokens/introspect", access: .apiKey(.gate), handler: introspect)
    }

    private static func mint(_ call: RouteCall, _ state: inout EmulatorState) throws -> EmulatorReply {
        let body = try call.objectBody()
        let subject = try Field.requiredString(body, "subject")
        let scopes = try Field.optionalStrings(body, "scopes") ?? []
        let ttl = try Field.optionalInteger(body, "ttl_seconds") ?? defaultTTL
        guard (1...maximumTTL).contains(ttl) else {
            throw EmulatorFailure.invalidPayload(
                "Field 'ttl_seconds' must be between 1 and \(maximumTTL).")
        }

        let token = EmulatorIDs.make("gat_", length: 32)
        let expiresAt = call.now.addingTimeInterval(TimeInterval(ttl))
        state.withTenant(call.tenantID) { tenant in
            let bound = tenant.gate.identities[subject] != nil ? subject : nil
            tenant.gate.tokens[token] = StoredToken(
                subject: subject, scopes: scopes, expiresAt: expiresAt, boundIdentity: bound)
        }
        return .ok([
            "access_token": .string(token), "expires_at": .string(EmulatorTime.relay(expiresAt)),
            "subject": .string(subject), "tenant_id": .string(call.tenantID),
        ])
    }

    private static func introspect(_ call: RouteCall, _ state: inout EmulatorState) throws -> EmulatorReply {
        let body = try call.objectBody()
        guard let token = body["access_token"]?.stringValue else {
            throw EmulatorFailure.invalidPayload("Field 'access_token' is required.")
        }

        let inactive = EmulatorReply.ok(["active": false])
        guard let gate = state.tenants[call.tenantID]?.gate, let stored = gate.tokens[token],
            call.now < stored.expiresAt
        else { return inactive }

        let identity = gate.identities[stored.subject]
        if let bound = stored.boundIdentity, gate.identities[bound] == nil { return inactive }
        if let identity, identity.state != "active" { return inactive }

        var answer: [String: JSONValue] = [
            "active": true, "subject": .string(stored.subject), "tenant_id": .string(call.tenantID),
            "scopes": .array(stored.scopes.map(JSONValue.string)),
            "expires_at": .string(EmulatorTime.relay(stored.expiresAt)),
        ]
        if identity != nil {
            let claims = gate.organizations.claims(of: stored.subject, at: call.now)
            answer["orgs"] = claims.orgs
            answer["orgs_truncated"] = .bool(claims.truncated)
        }
        return .ok(.object(answer))
    }
}
