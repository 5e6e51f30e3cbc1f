import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Identities: wire form")
struct IdentityWireTests {
    static let cases: [WireCase] = [
        WireCase(
            name: "create with defaults",
            answer: .json(Fixture.identity, status: 201),
            wire: Wire(
                method: .post, path: "/v1/gate/identities",
                body: #"{"schema_id":"user","state":"active","traits":{"email":"a@example.com"}}"#),
            blocking: { _ = try $0.identities.create(traits: ["email": "a@example.com"]) },
            async: { _ = try await $0.identities.create(traits: ["email": "a@example.com"]) }),
        WireCase(
            name: "create with a password, a schema and a state",
            answer: .json(Fixture.identity, status: 201),
            wire: Wire(
                method: .post, path: "/v1/gate/identities",
                body: #"{"credentials":{"password":{"config":{"password":"S3cret!"}}},"#
                    + #""schema_id":"staff","state":"inactive","traits":{"email":"a@example.com"}}"#
            ),
            blocking: {
                _ = try $0.identities.create(
                    schemaID: "staff", traits: ["email": "a@example.com"],
                    credentials: .password("S3cret!"), state: .inactive)
            },
            async: {
                _ = try await $0.identities.create(
                    schemaID: "staff", traits: ["email": "a@example.com"],
                    credentials: .password("S3cret!"), state: .inactive)
            }),
        WireCase(
            name: "create with raw credentials",
            answer: .json(Fixture.identity, status: 201),
            wire: Wire(
                method: .post, path: "/v1/gate/identities",
                body: #"{"credentials":{"oidc":{"config":{"providers":[]}}},"schema_id":"user","#
                    + #""state":"active","traits":{"email":"a@example.com"}}"#),
            blocking: {
                _ = try $0.identities.create(
                    traits: ["email": "a@example.com"],
                    credentials: .raw(["oidc": ["config": ["providers": []]]]))
            },
            async: {
                _ = try await $0.identities.create(
                    traits: ["email": "a@example.com"],
                    credentials: Credentials(json: ["oidc": ["config": ["providers": []]]]))
            }),
        WireCase(
            name: "get",
            answer: .json(Fixture.identity),
            wire: Wire(method: .get, path: "/v1/gate/identities/idn_123"),
            blocking: { _ = try $0.identities.get("idn_123") },
            async: { _ = try await $0.identities.get("idn_123") }),
        WireCase(
            name: "patch",
            answer: .json(Fixture.identity),
            wire: Wire(
                method: .patch, path: "/v1/gate/identities/idn_123",
                body: #"[{"op":"test","path":"/traits/email","value":"old@example.com"},"#
                    + #"{"op":"replace","path":"/traits/email","value":"new@example.com"}]"#),
            blocking: {
                try $0.identities.patch(
                    "idn_123",
                    [
                        .test("/traits/email", equals: "old@example.com"),
                        .replace("/traits/email", with: "new@example.com"),
                    ])
            },
            async: {
                try await $0.identities.patch(
                    "idn_123",
                    [
                        .test("/traits/email", equals: "old@example.com"),
                        .replace("/traits/email", with: "new@example.com"),
                    ])
            }),
        WireCase(
            name: "delete",
            answer: .noContent,
            wire: Wire(method: .delete, path: "/v1/gate/identities/idn_123"),
            blocking: { try $0.identities.delete("idn_123") },
            async: { try await $0.identities.delete("idn_123") }),
        WireCase(
            name: "set state",
            answer: .json(Fixture.identity),
            wire: Wire(
                method: .patch, path: "/v1/gate/identities/idn_123/state",
                body: #"{"state":"inactive"}"#),
            blocking: { try $0.identities.setState("idn_123", to: .inactive) },
            async: { try await $0.identities.setState("idn_123", to: .inactive) }),
        WireCase(
            name: "activate",
            answer: .json(Fixture.identity),
            wire: Wire(
                method: .patch, path: "/v1/gate/identities/idn_123/state",
                body: #"{"state":"active"}"#),
            blocking: { try $0.identities.activate("idn_123") },
            async: { try await $0.identities.activate("idn_123") }),
        WireCase(
            name: "deactivate",
            answer: .json(Fixture.identity),
            wire: Wire(
                method: .patch, path: "/v1/gate/identities/idn_123/state",
                body: #"{"state":"inactive"}"#),
            blocking: { try $0.identities.deactivate("idn_123") },
            async: { try await $0.identities.deactivate("idn_123") }),
        WireCase(
            name: "resend verification, without a body",
            answer: .noContent,
            wire: Wire(method: .post, path: "/v1/gate/identities/idn_123/resend-verification"),
            blocking: { try $0.identities.resendVerification("idn_123") },
            async: { try await $0.identities.resendVerification("idn_123") }),
        WireCase(
            name: "read metadata",
            answer: .json(Fixture.metadata),
            wire: Wire(method: .get, path: "/v1/gate/identities/idn_123/metadata"),
            blocking: { _ = try $0.identities.metadata(of: "idn_123") },
            async: { _ = try await $0.identities.metadata(of: "idn_123") }),
        WireCase(
            name: "merge metadata, removal sent as null",
            answer: .json(Fixture.metadata),
            wire: Wire(
                method: .patch, path: "/v1/gate/identities/idn_123/metadata",
                body: #"{"legacy":null,"plan":"pro","seats":5}"#),
            blocking: {
                try $0.identities.updateMetadata(
                    of: "idn_123", set: ["plan": "pro", "seats": 5], removing: ["legacy"])
            },
            async: {
                try await $0.identities.updateMetadata(
                    of: "idn_123", set: ["plan": "pro", "seats": 5], removing: ["legacy"])
            }),
        WireCase(
            name: "organizations of a user, first page",
            answer: .json(Fixture.orgClaimPage),
            wire: Wire(method: .get, path: "/v1/gate/identities/idn_123/organizations"),
            blocking: { _ = try $0.identities.organizations(of: "idn_123") },
            async: { _ = try await $0.identities.organizations(of: "idn_123") }),
        WireCase(
            name: "organizations of a user, with limit and cursor",
            answer: .json(Fixture.orgClaimPage),
            wire: Wire(
                method: .get, path: "/v1/gate/identities/idn_123/organizations",
                query: "limit=10&cursor=c%2B1"),
            blocking: {
                _ = try $0.identities.organizations(of: "idn_123", limit: 10, cursor: "c+1")
            },
            async: {
                _ = try await $0.identities.organizations(of: "idn_123", limit: 10, cursor: "c+1")
            }),
    ]

    @Test("sends the documented request", arguments: cases)
    func wireForm(_ testCase: WireCase) async throws {
        try await testCase.check()
    }

    static let refusals: [RefusalCase] = [
        RefusalCase(
            name: "traits that are not an object", argument: "traits",
            blocking: { _ = try $0.identities.create(traits: "a@example.com") },
            async: { _ = try await $0.identities.create(traits: ["a@example.com"]) }),
        RefusalCase(
            name: "an empty schema", argument: "schemaID",
            blocking: { _ = try $0.identities.create(schemaID: "", traits: [:]) },
            async: { _ = try await $0.identities.create(schemaID: "", traits: [:]) }),
        RefusalCase(
            name: "an empty patch", argument: "operations",
            blocking: { try $0.identities.patch("idn_123", []) },
            async: { try await $0.identities.patch("idn_123", []) }),
        RefusalCase(
            name: "a patch pointer without a leading slash", argument: "path",
            blocking: { try $0.identities.patch("idn_123", [.remove("traits/email")]) },
            async: { try await $0.identities.patch("idn_123", [.move(from: "/a", to: "b")]) }),
        RefusalCase(
            name: "a patch pointer with a bad escape", argument: "path",
            blocking: { try $0.identities.patch("idn_123", [.copy(from: "/a~2", to: "/b")]) },
            async: { try await $0.identities.patch("idn_123", [.add("/a~", value: 1)]) }),
        RefusalCase(
            name: "metadata removal written as a null value", argument: "set",
            blocking: { try $0.identities.updateMetadata(of: "idn_123", set: ["plan": nil]) },
            async: { try await $0.identities.updateMetadata(of: "idn_123", set: ["plan": .null]) }),
        RefusalCase(
            name: "a metadata key both set and removed", argument: "removing",
            blocking: {
                try $0.identities.updateMetadata(
                    of: "idn_123", set: ["plan": "pro"], removing: ["plan"])
            },
            async: {
                try await $0.identities.updateMetadata(
                    of: "idn_123", set: ["plan": "pro"], removing: ["plan"])
            }),
        RefusalCase(
            name: "a page size below 1", argument: "limit",
            blocking: { _ = try $0.identities.organizations(of: "idn_123", limit: 0) },
            async: { _ = try await $0.identities.organizations(of: "idn_123", limit: -1) }),
    ]

    @Test("refuses unusable arguments before sending", arguments: refusals)
    func refusal(_ testCase: RefusalCase) async throws {
        try await testCase.check()
    }
}
