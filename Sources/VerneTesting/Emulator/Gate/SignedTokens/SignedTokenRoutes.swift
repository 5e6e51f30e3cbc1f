import Foundation
import VerneCore

/// The tenant's public signing keys and the minting of signed tokens, both without an
/// API key.
///
/// - `GET /auth/{tenant}/.well-known/jwks.json`: the published keys (see
///   ``SigningKeyRing``), with `Cache-Control: max-age=300`; an unknown tenant is `404`.
/// - `GET /auth/sessions/whoami?tokenize_as=gate_jwt` with `X-Session-Token`: the session
///   plus `tokenized`, an ES256 JWT that lives 15 minutes, whose `iss` is
///   `<origin the client addressed>/auth/<tenant id>`. A dead session, or one whose user is
///   inactive or deleted, is `401`. Without `tokenize_as` the answer is the session alone.
enum SignedTokenRoutes: EmulatorRouteGroup {
    /// How long a signed token lives.
    static let tokenLifetime = 15 * 60
    /// The `max-age` the key set is served with.
    static let keySetMaxAge = 300

    static func register(in router: inout EmulatorRouter) {
        router.add(
            "GET", "/auth/{tenant}/.well-known/jwks.json", access: .anonymous, handler: keySet)
        router.add("GET", "/auth/sessions/whoami", access: .anonymous, handler: whoami)
    }

    private static func keySet(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let tenantID = call.parameter("tenant")
        guard state.tenants[tenantID] != nil else {
            throw EmulatorFailure.notFound("No tenant '\(tenantID)'.")
        }
        let ring = try state.withTenant(tenantID) { try $0.gate.keyRing() }
        let keys = ring.published(at: call.now).map(\.jwk)
        return EmulatorReply(
            status: 200, json: ["keys": .array(keys)],
            headers: [("Cache-Control", "public, max-age=\(keySetMaxAge)")])
    }

    private static func whoami(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let tokenize = call.query["tokenize_as"]
        guard tokenize == nil || tokenize == "gate_jwt" else {
            throw EmulatorFailure.invalidPayload("'tokenize_as' must be 'gate_jwt'.")
        }
        let (tenantID, session) = try state.liveSession(token: call.sessionToken, now: call.now)
        return try state.withTenant(tenantID) { tenant throws -> EmulatorReply in
            let identity = tenant.gate.identities[session.identityID]
            guard case .object(var answer) = session.wire(identity: identity, now: call.now) else {
                throw EmulatorFailure(
                    status: 500, code: "internal_error",
                    message: "The session could not be written.")
            }
            if tokenize != nil {
                let claims = claims(session, identity, tenant.gate, tenantID: tenantID, call: call)
                answer["tokenized"] = .string(
                    try TokenSigner.sign(claims, with: try tenant.gate.keyRing().current))
            }
            return .ok(.object(answer))
        }
    }

    private static func claims(
        _ session: StoredSession, _ identity: StoredIdentity?, _ gate: GateState, tenantID: String,
        call: RouteCall
    ) -> JSONValue {
        let now = Int(call.now.timeIntervalSince1970.rounded(.down))
        let orgs = gate.organizations.claims(of: session.identityID, at: call.now)
        var claims: [String: JSONValue] = [
            "iss": .string(call.request.origin + "/auth/" + tenantID),
            "sub": .string(session.identityID),
            "iat": .integer(now), "nbf": .integer(now), "exp": .integer(now + tokenLifetime),
            "jti": .string(EmulatorIDs.uuid()), "sid": .string(session.id),
            "tenant_id": .string(tenantID),
            "role": "authenticated", "orgs": orgs.orgs, "orgs_truncated": .bool(orgs.truncated),
        ]
        if let identity {
            claims["schema_id"] = .string(identity.schemaID)
            if let email = identity.traits["email"] { claims["email"] = email }
        }
        return .object(claims)
    }
}
