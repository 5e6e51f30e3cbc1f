import Foundation
import Verne

/// The samples of the Gate guide, with the async client.
enum GateGuide {
    static func users(gate: AsyncGate) async throws {
        // snippet.begin gate-users
        let identity = try await gate.identities.create(
            traits: ["email": "ada@example.com", "locale": "en"],
            credentials: .password("StrongPassword123!")
        )

        let fetched = try await gate.identities.get(identity.id)
        print(fetched.state, fetched.traits["email"]?.stringValue ?? "-")
        print(fetched.raw["verifiable_addresses"] ?? [])  // every field of the answer, untyped

        try await gate.identities.deactivate(identity.id)  // no sign-in; nothing is deleted
        try await gate.identities.activate(identity.id)
        try await gate.identities.resendVerification(identity.id)
        try await gate.identities.delete(identity.id)  // with its sessions and memberships
        // snippet.end
    }

    static func patch(gate: AsyncGate, id: String) async throws {
        // snippet.begin gate-patch
        try await gate.identities.patch(
            id,
            [
                .test("/traits/email", equals: "ada@example.com"),  // or the whole patch fails
                .replace("/traits/email", with: "ada@lovelace.dev"),
                .add("/traits/locale", value: "en-GB"),
            ])

        // A key holding "/" or "~" stays one key: tokens are escaped for you.
        let pointer = JSONPointer(tokens: ["metadata_public", "legacy/flag"])
        print(pointer)  // /metadata_public/legacy~1flag
        // snippet.end
    }

    static func metadata(gate: AsyncGate, id: String) async throws {
        // snippet.begin gate-metadata
        let metadata = try await gate.identities.updateMetadata(
            of: id, set: ["plan": "pro", "seats": 5], removing: ["trial_ends_at"])
        print(metadata["plan"]?.stringValue ?? "-")

        let current = try await gate.identities.metadata(of: id)  // [:] when nothing is set
        print(current.keys.sorted())
        // snippet.end
    }

    static func sessions(gate: AsyncGate, id: String, sessionToken: String) async throws {
        // snippet.begin gate-sessions
        let sessions = try await gate.sessions.list(identityID: id)  // active ones, not paged
        for session in sessions {
            print(session.id, session.authenticatedAt ?? .distantPast, session.devices.count)
        }
        if let first = sessions.first {
            try await gate.sessions.revoke(sessionID: first.id)  // again later: still a success
        }
        try await gate.sessions.revokeAll(identityID: id)  // "sign out everywhere"
        // snippet.end
        print(sessionToken.isEmpty)
    }

    static func checkSession(gate: AsyncGate, sessionToken: String) async throws -> Bool {
        // snippet.begin gate-session-check
        do {
            let check = try await gate.sessions.check(sessionToken: sessionToken)
            return check.mfaSatisfied  // the one field to gate a route on
        } catch let error as VerneAPIError where error.code == .mfaRequired {
            // Start a step-up to the level the tenant requires.
            let flow = try await gate.loginFlow(aal: .aal2, sessionToken: sessionToken)
            print("step up to", error.requiredAAL ?? "aal2", flow["id"] ?? "-")
            return false
        } catch let error as VerneAPIError where error.status == 401 {
            return false  // a dead, unknown or foreign session
        }
        // snippet.end
    }

    static func tokens(gate: AsyncGate) async throws {
        // snippet.begin gate-tokens
        let token = try await gate.tokens.create(
            subject: "svc_reports", scopes: ["reports:read"], ttl: .seconds(15 * 60))
        print(token)  // AccessToken(accessToken: <redacted>, subject: svc_reports, …)

        let info = try await gate.tokens.introspect(token.accessToken)
        if info.active {
            print(info.subject ?? "-", info.scopes, info.expiresAt ?? .distantPast)
        }
        // snippet.end
    }

    static func organizations(gate: AsyncGate, userID: String) async throws {
        // snippet.begin gate-organizations
        let org = try await gate.organizations.create(name: "Acme")
        let roles = gate.organizations.roles(in: org.id)
        let admin = try await roles.create(name: "admin", permissions: ["invoices:write"])
        let viewer = try await roles.create(name: "viewer", permissions: ["invoices:read"])

        let members = gate.organizations.members(of: org.id)
        try await members.add(identityID: userID, roleID: admin.id)

        let decision = try await gate.organizations.authorize(
            orgID: org.id, identityID: userID, permission: "invoices:write")
        print(decision.allowed, decision.reason, decision.role ?? "-")  // true member_with_permission

        try await members.update(identityID: userID, roleID: viewer.id)  // deadline kept
        let endOfQuarter = Date(timeIntervalSinceNow: 90 * 24 * 3600)
        try await members.update(identityID: userID, deadline: .set(endOfQuarter))
        try await members.update(identityID: userID, deadline: .remove)  // never ends

        let mayWrite = try await gate.organizations.can(
            orgID: org.id, identityID: userID, permission: "invoices:write")
        print(mayWrite)  // false: viewers read invoices only
        // snippet.end
    }

    static func organizationLists(gate: AsyncGate, userID: String, orgID: String) async throws {
        // snippet.begin gate-organization-lists
        for try await org in gate.organizations.all() {
            print(org.id, org.name)
        }
        for try await member in gate.organizations.members(of: orgID).all() {
            print(member.identityID, member.roleID, member.expiresAt ?? .distantFuture)
        }
        for try await claim in gate.identities.allOrganizations(of: userID) {
            print(claim.id, claim.role, claim.permissions)  // the user's side of it
        }
        let roles = gate.organizations.roles(in: orgID)
        if let role = try await roles.list(limit: 1).items.first {
            try await roles.update(role.id, permissions: ["invoices:read", "invoices:export"])
        }  // the new list replaces the old one
        // snippet.end
    }

    static func settings(gate: AsyncGate) async throws {
        // snippet.begin gate-settings
        let security = try await gate.settings.security()
        try await gate.settings.replaceSecurity(
            passwordlessEnabled: security.passwordlessEnabled, mfaEnabled: true)  // both required

        try await gate.settings.updateOIDCProviders([
            OIDCProvider(provider: "google", enabled: true)  // providers left out are unchanged
        ])
        try await gate.settings.replaceReturnURLs([
            "https://app.example.com/auth/callback", "http://localhost:8080/auth/callback",
        ])
        // snippet.end
    }

    static func signIn(gate: AsyncGate, tenantID: String, code: String) async throws {
        // snippet.begin gate-sign-in
        // Which social-login buttons to show (a public call: no key is sent).
        let providers = try await gate.enabledProviders(tenantID: tenantID)

        // Start a flow; `state` comes back unchanged on the redirect, so check it there.
        let login = try await gate.loginFlow(state: "csrf-4f1c9a")
        let registration = try await gate.registrationFlow(
            returnTo: "https://app.example.com/auth/callback", state: "csrf-4f1c9a")
        print(providers, login["ui"]?["action"] ?? "-", registration["id"] ?? "-")

        // After a social login, your return URL receives a one-time code.
        let exchange = try await gate.exchangeSocialLoginCode(code)
        print(exchange.session.id)  // keep exchange.sessionToken on your server
        // snippet.end
    }

    static func auditLog(gate: AsyncGate) async throws {
        // snippet.begin gate-audit-log
        let lastWeek = Date(timeIntervalSinceNow: -7 * 24 * 3600)
        for try await entry in gate.auditLog.all(actorType: .apiKey, from: lastWeek) {
            print(entry.occurredAt, entry.action, entry.actor.id ?? "-", entry.target?.id ?? "-")
        }
        // snippet.end
    }

    static func lifecycle(gate: AsyncGate) async throws {
        // snippet.begin gate-lifecycle
        let preview = try await gate.lifecycle.preview(
            .deleteUnverified, params: ["delete_after_days": 30, "warn_before_days": 7])
        print("would delete", preview.matchingNow, "accounts now")

        try await gate.lifecycle.setRule(
            .deleteUnverified, enabled: true,
            params: ["delete_after_days": 30, "warn_before_days": 7])

        let rules = try await gate.lifecycle.rules()
        print(rules.tier, rules.rule(.deleteUnverified)?.pending ?? 0)

        for try await action in gate.lifecycle.allActions(status: .pending) {
            print(action.step, action.identityID, action.dueAt)
        }
        // snippet.end
    }
}
