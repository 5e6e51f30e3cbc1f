import Foundation
import Testing
import Verne
import VerneTesting

/// Signed tokens minted by the emulator and verified offline by the SDK, over loopback.
@Suite("Gate end to end: signed tokens")
struct SignedTokenEndToEndTests {
    /// A user with a role, signed in.
    private func signedIn(
        _ live: LiveEmulator
    ) throws -> (identityID: String, orgID: String, session: EmulatorSession) {
        let gate = try live.gate()
        let ada = try gate.identities.create(traits: ["email": "ada@example.com"])
        let org = try gate.organizations.create(name: "Acme")
        let role = try gate.organizations.roles(in: org.id).create(
            name: "admin", permissions: ["invoices:write"])
        _ = try gate.organizations.members(of: org.id).add(identityID: ada.id, roleID: role.id)
        return (ada.id, org.id, try live.emulator.createSession(forIdentity: ada.id, key: live.key))
    }

    @Test(
        "async: mint with createSigned, verify with verifySigned and a verifier, follow a key rotation"
    )
    func asyncVerification() async throws {
        let live = try LiveEmulator()
        defer { live.server.stop() }
        let user = try signedIn(live)
        let gate = try live.asyncGate()
        let clock = live.emulator.clock
        let verifier = try AsyncSignedTokenVerifier(
            tenantID: live.tenantID, configuration: try live.configuration(), now: { clock.now })

        let signed = try await gate.tokens.createSigned(sessionToken: user.session.sessionToken)
        let viaClient = try await gate.tokens.verifySigned(signed.token, tenantID: live.tenantID)
        let claims = try await verifier.verify(signed.token)

        #expect(signed.session["id"]?.stringValue == user.session.sessionID)
        #expect(viaClient.subject == user.identityID)
        #expect(claims.issuer == live.server.baseURL!.absoluteString + "/auth/" + live.tenantID)
        #expect(claims.sessionID == user.session.sessionID && claims.tenantID == live.tenantID)
        #expect(claims.email == "ada@example.com" && claims.role == "authenticated")
        #expect(
            claims.orgs.map(\.id) == [user.orgID]
                && claims.orgs.first?.permissions == ["invoices:write"])
        #expect(claims.expiresAt.timeIntervalSince(claims.issuedAt ?? .distantPast) == 900)

        let newKeyID = try live.emulator.rotateSigningKey(forKey: live.key)
        clock.advance(by: .seconds(31))
        let rotated = try await gate.tokens.createSigned(sessionToken: user.session.sessionToken)
        let afterRotation = try await verifier.verify(rotated.token)
        let older = try await verifier.verify(signed.token)

        #expect(afterRotation.subject == user.identityID)
        #expect(older.tokenID == claims.tokenID)
        #expect(try live.emulator.signingKeyIDs(forKey: live.key).first == newKeyID)

        clock.advance(by: .seconds(16 * 60))
        await #expect(throws: VerneTokenError.self) { try await verifier.verify(rotated.token) }
    }

    @Test(
        "blocking: mint, verify with the client and a verifier; other tenants' and dead sessions' tokens fail"
    )
    func blockingVerification() throws {
        let live = try LiveEmulator()
        defer { live.server.stop() }
        let user = try signedIn(live)
        let gate = try live.gate()
        let clock = live.emulator.clock
        let verifier = try SignedTokenVerifier(
            tenantID: live.tenantID, configuration: try live.configuration(), now: { clock.now })

        let signed = try gate.tokens.createSigned(sessionToken: user.session.sessionToken)
        let claims = try verifier.verify(signed.token)
        let viaClient = try gate.tokens.verifySigned(signed.token, tenantID: live.tenantID)

        #expect(claims.subject == user.identityID && viaClient.subject == user.identityID)
        #expect(claims.orgs.first?.role == "admin")

        let strangerKey = "vrn_stranger"
        let stranger = try live.gate(key: strangerKey)
        let eve = try stranger.identities.create(traits: ["email": "eve@example.com"])
        let eveSession = try live.emulator.createSession(forIdentity: eve.id, key: strangerKey)
        let foreign = try stranger.tokens.createSigned(sessionToken: eveSession.sessionToken)
        #expect(throws: VerneTokenError.self) { try verifier.verify(foreign.token) }
        let tampered = signed.token.dropLast(4) + (signed.token.hasSuffix("AAAA") ? "BBBB" : "AAAA")
        #expect(throws: VerneTokenError.self) { try verifier.verify(String(tampered)) }

        _ = try gate.identities.deactivate(user.identityID)
        let dead = apiError {
            _ = try gate.tokens.createSigned(sessionToken: user.session.sessionToken)
        }
        #expect(dead?.status == 401)
        #expect(try verifier.verify(signed.token).subject == user.identityID)

        let newKeyID = try live.emulator.rotateSigningKey(forKey: live.key)
        _ = try gate.identities.activate(user.identityID)
        clock.advance(by: .seconds(31))
        let rotated = try gate.tokens.createSigned(sessionToken: user.session.sessionToken)
        #expect(try verifier.verify(rotated.token).subject == user.identityID)
        #expect(try live.emulator.signingKeyIDs(forKey: live.key).first == newKeyID)
    }
}
