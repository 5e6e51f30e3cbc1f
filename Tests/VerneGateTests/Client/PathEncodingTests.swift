import Foundation
import Testing
import VerneCore
import VerneGate

/// An operation that places a caller's ID in its path.
struct IDCase: Sendable, CustomTestStringConvertible {
    let name: String
    let argument: String
    let answer: HTTPResponse
    /// The expected path for an already-encoded ID.
    let path: @Sendable (String) -> String
    let blocking: @Sendable (Gate, String) throws -> Void
    let async: @Sendable (AsyncGate, String) async throws -> Void

    var testDescription: String { name }
}

@Suite("Every ID is one percent-encoded path segment")
struct PathEncodingTests {
    static let identity = HTTPResponse.json(Fixture.identity)

    static let cases: [IDCase] = [
        IDCase(
            name: "identities.get", argument: "identityID", answer: identity,
            path: { "/v1/gate/identities/\($0)" },
            blocking: { _ = try $0.identities.get($1) },
            async: { _ = try await $0.identities.get($1) }),
        IDCase(
            name: "identities.patch", argument: "identityID", answer: identity,
            path: { "/v1/gate/identities/\($0)" },
            blocking: { try $0.identities.patch($1, [.remove("/traits/locale")]) },
            async: { try await $0.identities.patch($1, [.remove("/traits/locale")]) }),
        IDCase(
            name: "identities.delete", argument: "identityID", answer: .noContent,
            path: { "/v1/gate/identities/\($0)" },
            blocking: { try $0.identities.delete($1) },
            async: { try await $0.identities.delete($1) }),
        IDCase(
            name: "identities.setState", argument: "identityID", answer: identity,
            path: { "/v1/gate/identities/\($0)/state" },
            blocking: { try $0.identities.deactivate($1) },
            async: { try await $0.identities.activate($1) }),
        IDCase(
            name: "identities.resendVerification", argument: "identityID", answer: .noContent,
            path: { "/v1/gate/identities/\($0)/resend-verification" },
            blocking: { try $0.identities.resendVerification($1) },
            async: { try await $0.identities.resendVerification($1) }),
        IDCase(
            name: "identities.metadata", argument: "identityID", answer: .json(Fixture.metadata),
            path: { "/v1/gate/identities/\($0)/metadata" },
            blocking: { _ = try $0.identities.metadata(of: $1) },
            async: { _ = try await $0.identities.metadata(of: $1) }),
        IDCase(
            name: "identities.updateMetadata", argument: "identityID",
            answer: .json(Fixture.metadata),
            path: { "/v1/gate/identities/\($0)/metadata" },
            blocking: { try $0.identities.updateMetadata(of: $1, removing: ["a"]) },
            async: { try await $0.identities.updateMetadata(of: $1, set: ["a": 1]) }),
        IDCase(
            name: "identities.organizations", argument: "identityID",
            answer: .json(Fixture.orgClaimPage),
            path: { "/v1/gate/identities/\($0)/organizations" },
            blocking: { _ = try $0.identities.organizations(of: $1) },
            async: { _ = try await $0.identities.organizations(of: $1) }),
        IDCase(
            name: "sessions.list", argument: "identityID", answer: .json("[]"),
            path: { "/v1/gate/identities/\($0)/sessions" },
            blocking: { _ = try $0.sessions.list(identityID: $1) },
            async: { _ = try await $0.sessions.list(identityID: $1) }),
        IDCase(
            name: "sessions.revokeAll", argument: "identityID", answer: .noContent,
            path: { "/v1/gate/identities/\($0)/sessions" },
            blocking: { try $0.sessions.revokeAll(identityID: $1) },
            async: { try await $0.sessions.revokeAll(identityID: $1) }),
        IDCase(
            name: "sessions.revoke", argument: "sessionID", answer: .noContent,
            path: { "/v1/gate/sessions/\($0)" },
            blocking: { try $0.sessions.revoke(sessionID: $1) },
            async: { try await $0.sessions.revoke(sessionID: $1) }),
        IDCase(
            name: "enabledProviders", argument: "tenantID", answer: .json(#"{"providers": []}"#),
            path: { "/public/gate/providers/\($0)" },
            blocking: { _ = try $0.enabledProviders(tenantID: $1) },
            async: { _ = try await $0.enabledProviders(tenantID: $1) }),
        IDCase(
            name: "organizations.get", argument: "orgID", answer: .json(Fixture.organization),
            path: { "/v1/gate/organizations/\($0)" },
            blocking: { _ = try $0.organizations.get($1) },
            async: { _ = try await $0.organizations.get($1) }),
        IDCase(
            name: "organizations.rename", argument: "orgID", answer: .json(Fixture.organization),
            path: { "/v1/gate/organizations/\($0)" },
            blocking: { try $0.organizations.rename($1, to: "n") },
            async: { try await $0.organizations.rename($1, to: "n") }),
        IDCase(
            name: "organizations.delete", argument: "orgID", answer: .noContent,
            path: { "/v1/gate/organizations/\($0)" },
            blocking: { try $0.organizations.delete($1) },
            async: { try await $0.organizations.delete($1) }),
        IDCase(
            name: "roles.create (organization)", argument: "orgID", answer: .json(Fixture.role),
            path: { "/v1/gate/organizations/\($0)/roles" },
            blocking: { _ = try $0.organizations.roles(in: $1).create(name: "r") },
            async: { _ = try await $0.organizations.roles(in: $1).create(name: "r") }),
        IDCase(
            name: "roles.list (organization)", argument: "orgID",
            answer: .json(Fixture.page(Fixture.role)),
            path: { "/v1/gate/organizations/\($0)/roles" },
            blocking: { _ = try $0.organizations.roles(in: $1).list() },
            async: { _ = try await $0.organizations.roles(in: $1).list() }),
        IDCase(
            name: "roles.get (role)", argument: "roleID", answer: .json(Fixture.role),
            path: { "/v1/gate/organizations/org_1/roles/\($0)" },
            blocking: { _ = try $0.organizations.roles(in: "org_1").get($1) },
            async: { _ = try await $0.organizations.roles(in: "org_1").get($1) }),
        IDCase(
            name: "roles.update (role)", argument: "roleID", answer: .json(Fixture.role),
            path: { "/v1/gate/organizations/org_1/roles/\($0)" },
            blocking: { try $0.organizations.roles(in: "org_1").update($1, name: "n") },
            async: { try await $0.organizations.roles(in: "org_1").update($1, name: "n") }),
        IDCase(
            name: "roles.delete (role)", argument: "roleID", answer: .noContent,
            path: { "/v1/gate/organizations/org_1/roles/\($0)" },
            blocking: { try $0.organizations.roles(in: "org_1").delete($1) },
            async: { try await $0.organizations.roles(in: "org_1").delete($1) }),
        IDCase(
            name: "members.add (organization)", argument: "orgID", answer: .json(Fixture.member),
            path: { "/v1/gate/organizations/\($0)/members" },
            blocking: { try $0.organizations.members(of: $1).add(identityID: "i", roleID: "r") },
            async: { try await $0.organizations.members(of: $1).add(identityID: "i", roleID: "r") }),
        IDCase(
            name: "members.list (organization)", argument: "orgID",
            answer: .json(Fixture.page(Fixture.member)),
            path: { "/v1/gate/organizations/\($0)/members" },
            blocking: { _ = try $0.organizations.members(of: $1).list() },
            async: { _ = try await $0.organizations.members(of: $1).list() }),
        IDCase(
            name: "members.update (member)", argument: "identityID", answer: .json(Fixture.member),
            path: { "/v1/gate/organizations/org_1/members/\($0)" },
            blocking: {
                try $0.organizations.members(of: "org_1").update(identityID: $1, deadline: .remove)
            },
            async: {
                try await $0.organizations.members(of: "org_1").update(identityID: $1, roleID: "r")
            }),
        IDCase(
            name: "members.remove (member)", argument: "identityID", answer: .noContent,
            path: { "/v1/gate/organizations/org_1/members/\($0)" },
            blocking: { try $0.organizations.members(of: "org_1").remove(identityID: $1) },
            async: { try await $0.organizations.members(of: "org_1").remove(identityID: $1) }),
        IDCase(
            name: "lifecycle.setRule", argument: "kind", answer: .json(Fixture.lifecycleRule),
            path: { "/v1/gate/lifecycle/rules/\($0)" },
            blocking: { try $0.lifecycle.setRule(LifecycleRuleKind(rawValue: $1), enabled: true) },
            async: {
                try await $0.lifecycle.setRule(LifecycleRuleKind(rawValue: $1), enabled: true)
            }),
        IDCase(
            name: "lifecycle.deleteRule", argument: "kind", answer: .noContent,
            path: { "/v1/gate/lifecycle/rules/\($0)" },
            blocking: { try $0.lifecycle.deleteRule(LifecycleRuleKind(rawValue: $1)) },
            async: { try await $0.lifecycle.deleteRule(LifecycleRuleKind(rawValue: $1)) }),
        IDCase(
            name: "lifecycle.preview", argument: "kind", answer: .json(Fixture.lifecyclePreview),
            path: { "/v1/gate/lifecycle/rules/\($0)/preview" },
            blocking: { _ = try $0.lifecycle.preview(LifecycleRuleKind(rawValue: $1)) },
            async: { _ = try await $0.lifecycle.preview(LifecycleRuleKind(rawValue: $1)) }),
    ]

    @Test("an ID with / and ? stays one segment", arguments: cases)
    func encoded(_ testCase: IDCase) async throws {
        let recorder = WireRecorder(answer: testCase.answer)
        try testCase.blocking(recorder.gate(), "a/b?c")
        try await testCase.async(recorder.asyncGate(), "a/b?c")

        let expected = testCase.path("a%2Fb%3Fc")
        #expect(recorder.requests.map(\.path) == [expected, expected])
        #expect(recorder.requests.allSatisfy { !$0.url.absoluteString.contains("?c") })
    }

    @Test(
        "other reserved characters are encoded too",
        arguments: ["a b", "a#b", "a%2F", "é", "a+b&c=d"])
    func reserved(_ id: String) async throws {
        let recorder = WireRecorder(answer: .json(Fixture.identity))
        _ = try await recorder.asyncGate().identities.get(id)

        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%")
        let segment = try #require(recorder.requests.first?.path.split(separator: "/").last)
        #expect(segment.allSatisfy { allowed.contains($0) })
        #expect(segment.removingPercentEncoding == id)
    }

    @Test("an empty ID, . or .. is refused with nothing sent", arguments: cases)
    func refused(_ testCase: IDCase) async throws {
        for id in ["", ".", ".."] {
            try await RefusalCase(
                name: testCase.name, argument: testCase.argument,
                blocking: { try testCase.blocking($0, id) },
                async: { try await testCase.async($0, id) }
            ).check()
        }
    }
}
