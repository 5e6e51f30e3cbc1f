import Foundation
import Testing
import Verne
import VerneTesting

/// A team adopts Gate with the blocking client, over loopback HTTP.
@Suite("Gate end to end: the blocking client's story")
struct GateStoryTests {
    @Test(
        "organizations, roles, members, permission checks, and deadlines that expire with the clock"
    )
    func organizations() throws {
        let live = try LiveEmulator()
        defer { live.server.stop() }
        let gate = try live.gate()
        let ada = try gate.identities.create(traits: ["email": "ada@example.com"])
        let bob = try gate.identities.create(traits: ["email": "bob@example.com"])

        let org = try gate.organizations.create(name: "Acme")
        let roles = gate.organizations.roles(in: org.id)
        let admin = try roles.create(
            name: "admin", permissions: ["invoices:write", "invoices:read", "invoices:read"])
        let viewer = try roles.create(name: "viewer", permissions: ["invoices:read"])
        let members = gate.organizations.members(of: org.id)
        try members.add(identityID: ada.id, roleID: admin.id)
        let temporary = try members.add(
            identityID: bob.id, roleID: viewer.id, expiresAt: live.time(3600))

        #expect(admin.permissions == ["invoices:read", "invoices:write"])
        #expect(temporary.expiresAt != nil)
        #expect(
            try gate.organizations.can(
                orgID: org.id, identityID: ada.id, permission: "invoices:write"))
        #expect(
            try !gate.organizations.can(
                orgID: org.id, identityID: bob.id, permission: "invoices:write"))
        let decision = try gate.organizations.authorize(
            orgID: org.id, identityID: bob.id, permission: "invoices:read")
        #expect(decision.reason == .memberWithPermission && decision.role == "viewer")
        #expect(
            apiError { _ = try members.add(identityID: ada.id, roleID: viewer.id) }?.code
                == .conflict)
        #expect(apiError { try roles.delete(admin.id) }?.code == .conflict)
        #expect(apiError { _ = try roles.create(name: "Bad Name") }?.code == .invalidPayload)
        #expect(throws: VerneInvalidRequestError.self) {
            try gate.organizations.can(orgID: org.id, identityID: ada.id, permission: "*")
        }

        let kept = try members.update(identityID: bob.id, roleID: viewer.id)
        let cleared = try members.update(identityID: bob.id, deadline: .remove)
        let set = try members.update(identityID: bob.id, deadline: .set(live.time(1800)))
        #expect(kept.expiresAt != nil && cleared.expiresAt == nil && set.expiresAt != nil)

        live.emulator.clock.advance(by: .seconds(1801))
        let expired = try gate.organizations.authorize(
            orgID: org.id, identityID: bob.id, permission: "invoices:read")
        #expect(expired.reason == .notAMember && !expired.allowed)
        #expect(try members.all().collect().map(\.identityID) == [ada.id])
        #expect(try gate.identities.organizations(of: ada.id).data.map(\.id) == [org.id])

        try roles.update(admin.id, permissions: ["invoices:read"])
        #expect(
            try !gate.organizations.can(
                orgID: org.id, identityID: ada.id, permission: "invoices:write"))
        #expect(try gate.organizations.rename(org.id, to: "Acme Ltd").name == "Acme Ltd")
        try gate.organizations.delete(org.id)
        #expect(apiError { _ = try gate.organizations.get(org.id) }?.status == 404)
        let gone = try gate.organizations.authorize(
            orgID: org.id, identityID: ada.id, permission: "invoices:read")
        #expect(gone.reason == .noSuchOrganization)
    }

    @Test("tokens and sessions follow the user: deactivation, reactivation, revocation")
    func sessionsAndTokens() throws {
        let live = try LiveEmulator()
        defer { live.server.stop() }
        let gate = try live.gate()
        let ada = try gate.identities.create(traits: ["email": "ada@example.com"])
        let org = try gate.organizations.create(name: "Acme")
        let role = try gate.organizations.roles(in: org.id).create(
            name: "member", permissions: ["docs:read"])
        try gate.organizations.members(of: org.id).add(identityID: ada.id, roleID: role.id)
        let token = try gate.tokens.create(subject: ada.id)
        let phone = try live.emulator.createSession(forIdentity: ada.id, key: live.key)
        let laptop = try live.emulator.createSession(forIdentity: ada.id, key: live.key)

        let introspected = try gate.tokens.introspect(token.accessToken)
        let checked = try gate.sessions.check(sessionToken: phone.sessionToken)
        #expect(introspected.active && introspected.orgs?.map(\.id) == [org.id])
        #expect(checked.active && checked.mfaSatisfied && checked.identityID == ada.id)
        #expect(checked.orgs?.first?.permissions == ["docs:read"])
        #expect(
            try Set(gate.sessions.list(identityID: ada.id).map(\.id)) == [
                phone.sessionID, laptop.sessionID,
            ])

        try gate.identities.deactivate(ada.id)
        #expect(try !gate.tokens.introspect(token.accessToken).active)
        #expect(
            apiError { _ = try gate.sessions.check(sessionToken: phone.sessionToken) }?.status
                == 401)
        #expect(
            try gate.organizations.authorize(
                orgID: org.id, identityID: ada.id, permission: "docs:read"
            ).reason
                == .subjectInactive)
        try gate.identities.activate(ada.id)
        #expect(try gate.tokens.introspect(token.accessToken).active)

        try gate.sessions.revoke(sessionID: phone.sessionID)
        try gate.sessions.revoke(sessionID: phone.sessionID)
        #expect(
            apiError { _ = try gate.sessions.check(sessionToken: phone.sessionToken) }?.code
                == .unauthorized)
        #expect(try gate.sessions.check(sessionToken: laptop.sessionToken).active)
        try gate.sessions.revokeAll(identityID: ada.id)
        try gate.sessions.revokeAll(identityID: ada.id)
        #expect(try gate.sessions.list(identityID: ada.id).isEmpty)
        #expect(apiError { try gate.sessions.revokeAll(identityID: "nobody") }?.code == .forbidden)

        try gate.identities.delete(ada.id)
        #expect(try !gate.tokens.introspect(token.accessToken).active)
    }

    @Test("the audit log records the story, newest first, filtered and auto-paged")
    func auditLog() throws {
        let live = try LiveEmulator()
        defer { live.server.stop() }
        let gate = try live.gate()
        let ada = try gate.identities.create(traits: ["email": "ada@example.com"])
        live.emulator.clock.advance(by: .seconds(10))
        let start = live.time(-1)
        let org = try gate.organizations.create(name: "Acme")
        let role = try gate.organizations.roles(in: org.id).create(name: "admin")
        try gate.organizations.members(of: org.id).add(identityID: ada.id, roleID: role.id)
        _ = try live.emulator.createSession(forIdentity: ada.id, key: live.key)
        try gate.sessions.revokeAll(identityID: ada.id)

        let everything = try gate.auditLog.all(pageSize: 2).collect()
        let added = try gate.auditLog.list(action: "organization.member_added")
        let byUser = try gate.auditLog.list(actorType: .endUser)
        let since = try gate.auditLog.list(from: start, to: live.time(60))

        #expect(
            everything.map(\.action) == [
                "session.revoked_all", "identity.login", "organization.member_added",
                "organization.role_created",
                "organization.created", "identity.created",
            ])
        #expect(added.data.first?.target?.id == ada.id)
        #expect(added.data.first?.details["organization_id"]?.stringValue == org.id)
        #expect(byUser.data.map(\.action) == ["identity.login"])
        #expect(byUser.data.first?.actor.id == ada.id)
        #expect(since.data.count == 5)
        #expect(everything.allSatisfy { $0.projectID == live.tenantID })
        #expect(
            apiError { _ = try gate.auditLog.list(action: "identity.vanished") }?.code
                == .invalidPayload)
        #expect(throws: VerneInvalidRequestError.self) {
            try gate.auditLog.list(from: live.time(10), to: live.time(0))
        }
    }
}
