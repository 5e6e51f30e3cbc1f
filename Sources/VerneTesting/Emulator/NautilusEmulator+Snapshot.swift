import Foundation
import VerneCore

extension NautilusEmulator {
    /// Everything the emulator holds, as JSON, for assertions and for the control API's
    /// `GET /_emulator/state`.
    ///
    /// The answer is `{"now", "tenants": [...], "requests": {route: count}, "faults": [...]}`;
    /// each tenant is `{"tenant_id", "messages" (oldest first, with payload, channels and
    /// idempotency key), "identities" (wire form plus `has_password`), "tokens"
    /// (subject, scopes, expiry; never the token itself), "gate"}`, where `gate` holds the
    /// organizations (with roles and every stored membership), sessions (IDs and state;
    /// never their tokens), settings, plan and lifecycle rules. API keys never appear.
    ///
    /// - Parameter key: Only the tenant this key acts for, or `nil` for every tenant.
    /// - Returns: The state.
    public func snapshot(forKey key: String? = nil) -> JSONValue {
        let now = clock.now
        return state.withLock { state -> JSONValue in
            var tenants = state.tenants.values.sorted { $0.id < $1.id }
            if let key {
                let id = state.tenantOfKey[key]
                tenants = tenants.filter { $0.id == id }
            }
            return .object([
                "now": .string(EmulatorTime.gate(now)),
                "tenants": .array(tenants.map { Self.snapshot(of: $0, now: now) }),
                "requests": .object(state.requestCounts.mapValues(JSONValue.integer)),
                "faults": .array(state.faults.pending.map(\.json)),
            ])
        }
    }

    private static func snapshot(of tenant: TenantState, now: Date) -> JSONValue {
        let identities = tenant.gate.identityOrder.compactMap { id -> JSONValue? in
            guard let identity = tenant.gate.identities[id], var wire = identity.wire.objectValue
            else { return nil }
            wire["has_password"] = .bool(identity.hasPassword)
            return .object(wire)
        }
        let tokens = tenant.gate.tokens.values.sorted { $0.expiresAt < $1.expiresAt }.map { token in
            JSONValue.object([
                "subject": .string(token.subject),
                "scopes": .array(token.scopes.map(JSONValue.string)),
                "expires_at": .string(EmulatorTime.relay(token.expiresAt)),
                "expired": .bool(now >= token.expiresAt),
            ])
        }
        return .object([
            "tenant_id": .string(tenant.id),
            "messages": .array(tenant.relay.messages.map(\.stored)),
            "identities": .array(identities),
            "tokens": .array(tokens),
            "gate": gateSnapshot(of: tenant.gate, now: now),
        ])
    }

    private static func gateSnapshot(of gate: GateState, now: Date) -> JSONValue {
        let store = gate.organizations
        let organizations = store.ordered.map { organization -> JSONValue in
            var object = organization.wire.objectValue ?? [:]
            object["roles"] = .array(store.roles(in: organization.id).map(\.wire))
            let members = (store.memberships[organization.id] ?? [:]).values
                .sorted { $0.sequence < $1.sequence }
            object["members"] = .array(
                members.map { member in
                    var wire = member.wire.objectValue ?? [:]
                    wire["expired"] = .bool(!member.isLive(at: now))
                    return .object(wire)
                })
            return .object(object)
        }
        let sessions = gate.sessions.byID.values.sorted { $0.sequence < $1.sequence }.map {
            session -> JSONValue in
            [
                "id": .string(session.id), "identity_id": .string(session.identityID),
                "aal": .string(session.aal), "live": .bool(session.isLive(at: now)),
            ]
        }
        let rules = LifecycleKinds.all.compactMap { gate.lifecycle.rules[$0] }.map {
            rule -> JSONValue in
            ["kind": .string(rule.kind), "enabled": .bool(rule.enabled), "params": .object(rule.params)]
        }
        var settings = gate.settings.securityWire.objectValue ?? [:]
        settings["providers"] = gate.settings.providersWire["providers"]
        settings["return_urls"] = .array(gate.settings.returnURLs.map(JSONValue.string))
        return [
            "organizations": .array(organizations), "sessions": .array(sessions),
            "settings": .object(settings), "tier": .string(gate.plan.tier),
            "active_user_limit": gate.plan.activeUserLimit.map(JSONValue.integer) ?? .null,
            "lifecycle_rules": .array(rules), "audit_entries": .integer(gate.auditLog.count),
        ]
    }
}
