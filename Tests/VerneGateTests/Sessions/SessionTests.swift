import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Sessions")
struct SessionTests {
    static let cases: [WireCase] = [
        WireCase(
            name: "list a user's sessions",
            answer: .json("[\(Fixture.session)]"),
            wire: Wire(method: .get, path: "/v1/gate/identities/idn_123/sessions"),
            blocking: { _ = try $0.sessions.list(identityID: "idn_123") },
            async: { _ = try await $0.sessions.list(identityID: "idn_123") }),
        WireCase(
            name: "revoke all of them",
            answer: .noContent,
            wire: Wire(method: .delete, path: "/v1/gate/identities/idn_123/sessions"),
            blocking: { try $0.sessions.revokeAll(identityID: "idn_123") },
            async: { try await $0.sessions.revokeAll(identityID: "idn_123") }),
        WireCase(
            name: "revoke one",
            answer: .noContent,
            wire: Wire(method: .delete, path: "/v1/gate/sessions/ses_1"),
            blocking: { try $0.sessions.revoke(sessionID: "ses_1") },
            async: { try await $0.sessions.revoke(sessionID: "ses_1") }),
        WireCase(
            name: "check, with the key and the token in X-Session-Token",
            answer: .json(Fixture.sessionCheck),
            wire: Wire(
                method: .get, path: "/v1/gate/auth/session",
                auth: .apiKeyAndSession("ory_st_secret")),
            blocking: { _ = try $0.sessions.check(sessionToken: "ory_st_secret") },
            async: { _ = try await $0.sessions.check(sessionToken: "ory_st_secret") }),
    ]

    @Test("sends the documented request", arguments: cases)
    func wireForm(_ testCase: WireCase) async throws {
        try await testCase.check()
    }

    @Test("revoking all is a success also on an empty 200 answer")
    func revokeAllWithEmptyAnswer() async throws {
        try await WireCase(
            name: "revoke all, empty 200",
            answer: HTTPResponse(status: 200),
            wire: Wire(method: .delete, path: "/v1/gate/identities/idn_123/sessions"),
            blocking: { try $0.sessions.revokeAll(identityID: "idn_123") },
            async: { try await $0.sessions.revokeAll(identityID: "idn_123") }
        ).check()
    }

    @Test("an empty session token is refused before sending")
    func emptyToken() async throws {
        try await RefusalCase(
            name: "empty token", argument: "sessionToken",
            blocking: { _ = try $0.sessions.check(sessionToken: "") },
            async: { _ = try await $0.sessions.check(sessionToken: "") }
        ).check()
    }

    @Test("403 mfa_required surfaces the required level, in both clients")
    func mfaRequired() async throws {
        let answer = HTTPResponse.json(
            #"{"error": {"code": "mfa_required", "message": "A second factor is required.", "#
                + #""request_id": "req_1", "required_aal": "aal2", "current_aal": "aal1"}}"#,
            status: 403)
        let recorder = WireRecorder(answer: answer)

        let blocking = #expect(throws: VerneAPIError.self) {
            try recorder.gate().sessions.check(sessionToken: "ory_st_x")
        }
        let async = await #expect(throws: VerneAPIError.self) {
            try await recorder.asyncGate().sessions.check(sessionToken: "ory_st_x")
        }

        for error in [blocking, async] {
            #expect(error?.status == 403)
            #expect(error?.code == .mfaRequired)
            #expect(error?.requiredAAL == "aal2")
            #expect(error?.currentAAL == "aal1")
            #expect(error?.requestID == "req_1")
            #expect(error.map { AssuranceLevel(rawValue: $0.requiredAAL ?? "") } == .aal2)
        }
        #expect(recorder.requests.count == 2)
    }

    @Test("a session is typed, with nanosecond times, and stays raw")
    func session() throws {
        let sessions = try decode(ListSessionsEndpoint(identityID: "x"), "[\(Fixture.session)]")
        let session = try #require(sessions.first)

        #expect(session.id == "ses_1")
        #expect(session.active == true)
        let authenticated = try #require(session.authenticatedAt)
        #expect(abs(authenticated.timeIntervalSince(march17) - 0.000_000_001) < 0.000_001)
        #expect(session.expiresAt == march17.addingTimeInterval(86_400))
        #expect(session.issuedAt == march17)
        #expect(session.authenticatorAssuranceLevel == .aal2)
        #expect(session.authenticationMethods.first?["method"] == "password")
        #expect(session.devices.first?["ip_address"] == "203.0.113.7")
        #expect(session.identity?["id"] == "idn_123")
        #expect(session.raw["extra"] == 1)
        #expect(try JSONValue(encoding: session)["extra"] == 1)
    }

    @Test("an empty session list decodes")
    func emptyList() throws {
        #expect(try decode(ListSessionsEndpoint(identityID: "x"), "[]").isEmpty)
    }

    @Test("a session check decodes, unknown members ignored")
    func sessionCheck() throws {
        let check = try decode(CheckSessionEndpoint(sessionToken: "t"), Fixture.sessionCheck)

        #expect(check.active)
        #expect(check.aal == .aal2)
        #expect(check.mfaRequired)
        #expect(check.mfaSatisfied)
        #expect(check.identityID == "idn_123")
        #expect(check.orgs == [OrgClaim(id: "org_1", role: "admin", permissions: [])])
        #expect(!check.orgsTruncated)
    }

    @Test("a session check missing its flags fails closed")
    func sessionCheckFailsClosed() throws {
        let check = try decode(CheckSessionEndpoint(sessionToken: "t"), #"{"aal": "aal1"}"#)
        #expect(!check.active)
        #expect(!check.mfaSatisfied)
        #expect(check.aal == .aal1)
    }
}
