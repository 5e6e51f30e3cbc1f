import Foundation
import Testing
import Verne
import VerneTesting

/// The same team's story with the async client, over loopback HTTP.
@Suite("Gate end to end: the async client's story")
struct AsyncGateStoryTests {
    @Test("organizations, roles, members, checks, expiring deadlines, paging")
    func organizations() async throws {
        let live = try LiveEmulator()
        defer { live.server.stop() }
        let gate = try live.asyncGate()
        let ada = try await gate.identities.create(traits: ["email": "ada@example.com"])
        let bob = try await gate.identities.create(traits: ["email": "bob@example.com"])
        for index in 0..<3 { _ = try await gate.organizations.create(name: "Org \(index)") }

        let org = try await gate.organizations.create(name: "Acme")
        let roles = gate.organizations.roles(in: org.id)
        let editor = try await roles.create(
            name: "editor", permissions: ["docs:read", "docs:write"])
        let members = gate.organizations.members(of: org.id)
        _ = try await members.add(identityID: ada.id, roleID: editor.id)
        _ = try await members.add(identityID: bob.id, roleID: editor.id, expiresAt: live.time(600))

        var names: [String] = []
        for try await organization in gate.organizations.all(pageSize: 2) {
            names.append(organization.name)
        }
        #expect(names == ["Org 0", "Org 1", "Org 2", "Acme"])
        #expect(
            try await gate.organizations.can(
                orgID: org.id, identityID: bob.id, permission: "docs:write"))
        let missing = await apiError {
            _ = try await members.add(identityID: "nobody", roleID: editor.id)
        }
        #expect(missing?.code == .notFound)
        #expect(await apiError { try await roles.delete(editor.id) }?.code == .conflict)

        live.emulator.clock.advance(by: .seconds(601))
        let expired = try await gate.organizations.authorize(
            orgID: org.id, identityID: bob.id, permission: "docs:read")
        #expect(expired.reason == .notAMember)
        var remaining: [String] = []
        for try await member in members.all() { remaining.append(member.identityID) }
        #expect(remaining == [ada.id])

        _ = try await roles.update(editor.id, name: "reader", permissions: ["docs:read"])
        let decision = try await gate.organizations.authorize(
            orgID: org.id, identityID: ada.id, permission: "docs:write")
        #expect(decision.reason == .memberWithoutPermission && decision.role == "reader")
        #expect(try await gate.identities.organizations(of: ada.id).data.first?.role == "reader")
        try await members.remove(identityID: ada.id)
        try await roles.delete(editor.id)
        try await gate.organizations.delete(org.id)
        #expect(await apiError { _ = try await gate.organizations.get(org.id) }?.code == .notFound)
    }

    @Test(
        "deactivating a user stops tokens and sessions; revocation ends sessions; the audit log tells it"
    )
    func sessionsTokensAudit() async throws {
        let live = try LiveEmulator()
        defer { live.server.stop() }
        let gate = try live.asyncGate()
        let ada = try await gate.identities.create(traits: ["email": "ada@example.com"])
        let token = try await gate.tokens.create(subject: ada.id, scopes: ["docs:read"])
        let session = try live.emulator.createSession(forIdentity: ada.id, key: live.key)

        #expect(try await gate.tokens.introspect(token.accessToken).scopes == ["docs:read"])
        #expect(
            try await gate.sessions.check(sessionToken: session.sessionToken).identityID == ada.id)
        _ = try await gate.identities.deactivate(ada.id)
        #expect(try await !gate.tokens.introspect(token.accessToken).active)
        #expect(
            await apiError {
                _ = try await gate.sessions.check(sessionToken: session.sessionToken)
            }?.status == 401)
        _ = try await gate.identities.activate(ada.id)
        #expect(try await gate.sessions.list(identityID: ada.id).map(\.id) == [session.sessionID])

        try await gate.sessions.revokeAll(identityID: ada.id)
        try await gate.sessions.revokeAll(identityID: ada.id)
        #expect(
            await apiError {
                _ = try await gate.sessions.check(sessionToken: session.sessionToken)
            }?.status == 401)
        #expect(
            await apiError { try await gate.sessions.revoke(sessionID: "nope") }?.code == .notFound)

        var actions: [String] = []
        for try await entry in gate.auditLog.all(pageSize: 1) { actions.append(entry.action) }
        let states = try await gate.auditLog.list(
            action: "identity.state_changed", targetID: ada.id)
        #expect(
            actions == [
                "session.revoked_all", "identity.state_changed", "identity.state_changed",
                "identity.login",
                "identity.created",
            ])
        #expect(states.data.map { $0.details["state"]?.stringValue } == ["active", "inactive"])
        #expect(states.data.allSatisfy { $0.actor.type == .apiKey })
    }

    @Test("with MFA required a one-factor session owes a step-up; an aal2 session passes")
    func mfa() async throws {
        let live = try LiveEmulator()
        defer { live.server.stop() }
        let gate = try live.asyncGate()
        let ada = try await gate.identities.create(traits: ["email": "ada@example.com"])
        let weak = try live.emulator.createSession(forIdentity: ada.id, key: live.key)
        try await gate.settings.replaceSecurity(passwordlessEnabled: false, mfaEnabled: true)

        let owed = await apiError {
            _ = try await gate.sessions.check(sessionToken: weak.sessionToken)
        }
        let stepUp = try await gate.loginFlow(aal: .aal2, sessionToken: weak.sessionToken)
        let strong = try live.emulator.createSession(forIdentity: ada.id, key: live.key, aal: .aal2)
        let passed = try await gate.sessions.check(sessionToken: strong.sessionToken)

        #expect(owed?.code == .mfaRequired)
        #expect(owed?.requiredAAL == "aal2")
        #expect(stepUp["requested_aal"] == "aal2")
        #expect(passed.aal == .aal2 && passed.mfaRequired && passed.mfaSatisfied)
        #expect(try await gate.settings.security().mfaEnabled)
    }
}
