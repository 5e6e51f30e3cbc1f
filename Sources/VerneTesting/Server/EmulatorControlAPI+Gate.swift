import Foundation
import VerneCore

extension EmulatorControlAPI {
    /// Gate set-up routes; each needs `Authorization: Bearer <key>` to pick the tenant.
    ///
    /// | route | body | answer |
    /// | --- | --- | --- |
    /// | `POST /_emulator/sessions` | `{"identity_id", "aal"?}` | `201` `{"session_token", "session_id", …}` |
    /// | `POST /_emulator/social-login-codes` | `{"identity_id", "provider"?}` | `201` `{"code"}` |
    /// | `POST /_emulator/signing-keys/rotate` | none | `{"kid", "published": [kid]}` |
    /// | `GET /_emulator/signing-keys` | none | `{"published": [kid]}` (current first) |
    /// | `POST /_emulator/plan` | `{"tier"?, "active_user_limit"?: int or null}` | `{"tier", "active_user_limit"}` |
    ///
    /// - Parameter request: A control request.
    /// - Returns: The reply, or `nil` when the route is not one of these.
    /// - Throws: ``EmulatorFailure`` for a missing key or a bad body.
    func gateRoute(_ request: EmulatorRequest) throws -> EmulatorReply? {
        switch (request.method, request.path) {
        case ("POST", "/_emulator/sessions"):
            let body = try self.body(request)
            let identityID = try Field.requiredString(body.objectValue ?? [:], "identity_id")
            let level = body["aal"]?.stringValue ?? "aal1"
            guard let aal = EmulatorAssuranceLevel(rawValue: level) else {
                throw EmulatorFailure.invalidPayload("Field 'aal' must be 'aal1' or 'aal2'.")
            }
            let session = try setUp {
                try emulator.createSession(forIdentity: identityID, key: try key(request), aal: aal)
            }
            return EmulatorReply(
                status: 201,
                json: [
                    "session_token": .string(session.sessionToken),
                    "session_id": .string(session.sessionID),
                    "identity_id": .string(identityID), "tenant_id": .string(session.tenantID),
                ])
        case ("POST", "/_emulator/social-login-codes"):
            let body = try self.body(request)
            let identityID = try Field.requiredString(body.objectValue ?? [:], "identity_id")
            let provider = body["provider"]?.stringValue ?? "google"
            let code = try setUp {
                try emulator.mintSocialLoginCode(
                    forIdentity: identityID, key: try key(request), provider: provider)
            }
            return EmulatorReply(status: 201, json: ["code": .string(code)])
        case ("POST", "/_emulator/signing-keys/rotate"):
            let key = try key(request)
            let keyID = try setUp { try emulator.rotateSigningKey(forKey: key) }
            let published = try setUp { try emulator.signingKeyIDs(forKey: key) }
            return .ok([
                "kid": .string(keyID), "published": .array(published.map(JSONValue.string)),
            ])
        case ("GET", "/_emulator/signing-keys"):
            let key = try key(request)
            let published = try setUp { try emulator.signingKeyIDs(forKey: key) }
            return .ok(["published": .array(published.map(JSONValue.string))])
        case ("POST", "/_emulator/plan"):
            return try plan(request)
        default:
            return nil
        }
    }

    private func plan(_ request: EmulatorRequest) throws -> EmulatorReply {
        let key = try key(request)
        let body = try self.body(request)
        if let tier = body["tier"] {
            guard let name = tier.stringValue else {
                throw EmulatorFailure.invalidPayload("Field 'tier' must be a string.")
            }
            try setUp { try emulator.setPlan(name, forKey: key) }
        }
        if let limit = body["active_user_limit"] {
            guard limit.isNull || limit.intValue != nil else {
                throw EmulatorFailure.invalidPayload(
                    "Field 'active_user_limit' must be an integer or null.")
            }
            emulator.setActiveUserLimit(limit.intValue, forKey: key)
        }
        let plan = emulator.state.withLock { state in
            state.tenants[state.tenantID(forKey: key)]?.gate.plan ?? GatePlan()
        }
        return .ok([
            "tier": .string(plan.tier),
            "active_user_limit": plan.activeUserLimit.map(JSONValue.integer) ?? .null,
        ])
    }

    private func key(_ request: EmulatorRequest) throws -> String {
        guard let key = request.bearerToken else {
            throw EmulatorFailure.unauthorized(
                "Send the tenant's API key as 'Authorization: Bearer <key>'.")
        }
        try KeyScopes.checkFormat(key)
        return key
    }

    private func setUp<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as EmulatorSetupError {
            throw EmulatorFailure.invalidPayload(error.description)
        }
    }
}
