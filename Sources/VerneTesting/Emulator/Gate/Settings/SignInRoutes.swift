import Foundation
import VerneCore

/// Sign-in: the public providers of a tenant, login and registration flows, and the
/// exchange of a social-login code for a session.
///
/// Flows check `state` (1–256 of letters, digits, `-`, `.`, `_`, `~`) and `return_to`
/// (one of the registered return URLs, exactly, when any are registered; the first when
/// left out). A login flow with `aal=aal2` needs a live session of the tenant in
/// `X-Session-Token`. A registration flow is `402 ACTIVE_USER_LIMIT_REACHED` once the
/// tenant has as many active users as its plan allows. A code works once, for 60 seconds,
/// and only for the tenant it was made for (`404` otherwise).
enum SignInRoutes: EmulatorRouteGroup {
    /// How long a flow stays open.
    static let flowLifetime: TimeInterval = 3600

    static func register(in router: inout EmulatorRouter) {
        let access = RouteAccess.apiKey(.gate)
        router.add(
            "GET", "/public/gate/providers/{tenant}", access: .anonymous, handler: publicProviders)
        router.add("GET", "/v1/gate/auth/login", access: access, handler: login)
        router.add("GET", "/v1/gate/auth/registration", access: access, handler: registration)
        router.add("POST", "/v1/gate/auth/oidc/exchange", access: access, handler: exchange)
    }

    private static func publicProviders(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let id = call.parameter("tenant")
        guard let settings = state.tenants[id]?.gate.settings else {
            throw EmulatorFailure.notFound("No tenant '\(id)'.")
        }
        let enabled = GateSettings.supportedProviders.filter(settings.enabledProviders.contains)
        return .ok(["providers": .array(enabled.map(JSONValue.string))])
    }

    private static func login(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let query = call.query
        let aal = query["aal"].flatMap { $0.isEmpty ? nil : $0 } ?? "aal1"
        guard aal == "aal1" || aal == "aal2" else {
            throw EmulatorFailure.invalidPayload("'aal' must be 'aal1' or 'aal2'.")
        }
        let settings = state.tenants[call.tenantID]?.gate.settings ?? GateSettings()
        let returnTo = try self.returnTo(query["return_to"], settings)
        let flowState = try self.flowState(query["state"])
        if aal == "aal2" {
            guard call.sessionToken != nil else {
                throw EmulatorFailure.invalidPayload(
                    "A step-up to aal2 needs the session in X-Session-Token.")
            }
            let found = try state.liveSession(token: call.sessionToken, now: call.now)
            guard found.tenantID == call.tenantID else {
                throw EmulatorFailure.unauthorized("The session is not active.")
            }
        }
        var flow = self.flow("login", call, returnTo: returnTo, state: flowState)
        flow["requested_aal"] = .string(aal)
        flow["refresh"] = .bool(aal == "aal2")
        return .ok(.object(flow))
    }

    private static func registration(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let query = call.query
        let gate = state.tenants[call.tenantID]?.gate ?? GateState()
        let returnTo = try self.returnTo(query["return_to"], gate.settings)
        let flowState = try self.flowState(query["state"])
        if let limit = gate.plan.activeUserLimit {
            let active = gate.identities.values.filter { $0.state == "active" }.count
            guard active < limit else {
                throw EmulatorFailure(
                    status: 402, code: "ACTIVE_USER_LIMIT_REACHED",
                    message:
                        "The plan's active-user limit is reached; upgrade to register more users.",
                    details: [
                        "plan": .string(gate.plan.tier), "limit": .integer(limit),
                        "current": .integer(active),
                    ])
            }
        }
        return .ok(.object(flow("registration", call, returnTo: returnTo, state: flowState)))
    }

    private static func exchange(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let body = try call.objectBody()
        let code = try Field.requiredString(body, "code")
        let stored = state.withTenant(call.tenantID) { tenant in
            tenant.gate.socialLoginCodes.removeValue(forKey: code)
        }
        guard let stored, call.now < stored.expiresAt else {
            throw EmulatorFailure.notFound(
                "No such code: it is unknown, used, expired or of another project.")
        }
        let session = try state.startSession(
            identityID: stored.identityID, tenantID: call.tenantID, aal: "aal1", method: "oidc",
            now: call.now)
        let identity = state.tenants[call.tenantID]?.gate.identities[stored.identityID]
        return .ok([
            "session_token": .string(session.token),
            "session": session.wire(identity: identity, now: call.now),
        ])
    }

    private static func returnTo(_ value: String?, _ settings: GateSettings) throws -> JSONValue {
        guard let value, !value.isEmpty else {
            return settings.returnURLs.first.map(JSONValue.string) ?? .null
        }
        guard settings.returnURLs.isEmpty || settings.returnURLs.contains(value) else {
            throw EmulatorFailure.invalidPayload(
                "'return_to' must be one of the project's return URLs, exactly.")
        }
        return .string(value)
    }

    private static func flowState(_ value: String?) throws -> JSONValue {
        guard let value else { return .null }
        let allowed = value.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || "-._~".utf8.contains(byte)
        }
        guard (1...256).contains(value.utf8.count), allowed else {
            throw EmulatorFailure.invalidPayload(
                "'state' must be 1 to 256 letters, digits, '-', '.', '_' or '~'.")
        }
        return .string(value)
    }

    private static func flow(
        _ type: String, _ call: RouteCall, returnTo: JSONValue, state: JSONValue
    ) -> [String: JSONValue] {
        let id = EmulatorIDs.uuid()
        let action = call.request.origin + "/self-service/\(type)?flow=\(id)"
        return [
            "id": .string(id), "type": "api",
            "issued_at": .string(EmulatorTime.gate(call.now)),
            "expires_at": .string(EmulatorTime.gate(call.now.addingTimeInterval(flowLifetime))),
            "request_url": .string(call.request.origin + call.request.path), "return_to": returnTo,
            "state": state,
            "ui": ["action": .string(action), "method": "POST", "nodes": []],
        ]
    }
}
