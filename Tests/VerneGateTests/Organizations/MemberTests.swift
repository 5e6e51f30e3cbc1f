import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Organizations: members")
struct MemberTests {
    /// 2027-01-01T00:00:00Z.
    static let newYear = instant(1_798_761_600)

    static let cases: [WireCase] = [
        WireCase(
            name: "add without a deadline",
            answer: .json(Fixture.member, status: 201),
            wire: Wire(
                method: .post, path: "/v1/gate/organizations/org_1/members",
                body: #"{"identity_id":"idn_123","role_id":"rol_1"}"#),
            blocking: {
                try $0.organizations.members(of: "org_1").add(
                    identityID: "idn_123", roleID: "rol_1")
            },
            async: {
                try await $0.organizations.members(of: "org_1").add(
                    identityID: "idn_123", roleID: "rol_1")
            }),
        WireCase(
            name: "add with a deadline",
            answer: .json(Fixture.member, status: 201),
            wire: Wire(
                method: .post, path: "/v1/gate/organizations/org_1/members",
                body:
                    #"{"expires_at":"2027-01-01T00:00:00Z","identity_id":"idn_123","role_id":"rol_1"}"#
            ),
            blocking: {
                try $0.organizations.members(of: "org_1")
                    .add(identityID: "idn_123", roleID: "rol_1", expiresAt: newYear)
            },
            async: {
                try await $0.organizations.members(of: "org_1")
                    .add(identityID: "idn_123", roleID: "rol_1", expiresAt: newYear)
            }),
        WireCase(
            name: "list",
            answer: .json(Fixture.page(Fixture.member)),
            wire: Wire(
                method: .get, path: "/v1/gate/organizations/org_1/members", query: "cursor=c1"),
            blocking: { _ = try $0.organizations.members(of: "org_1").list(cursor: "c1") },
            async: { _ = try await $0.organizations.members(of: "org_1").list(cursor: "c1") }),
        WireCase(
            name: "update the role, keeping the deadline: expires_at left out",
            answer: .json(Fixture.member),
            wire: Wire(
                method: .patch, path: "/v1/gate/organizations/org_1/members/idn_123",
                body: #"{"role_id":"rol_2"}"#),
            blocking: {
                try $0.organizations.members(of: "org_1").update(
                    identityID: "idn_123", roleID: "rol_2")
            },
            async: {
                try await $0.organizations.members(of: "org_1")
                    .update(identityID: "idn_123", roleID: "rol_2", deadline: .keep)
            }),
        WireCase(
            name: "remove the deadline: expires_at null",
            answer: .json(Fixture.member),
            wire: Wire(
                method: .patch, path: "/v1/gate/organizations/org_1/members/idn_123",
                body: #"{"expires_at":null}"#),
            blocking: {
                try $0.organizations.members(of: "org_1").update(
                    identityID: "idn_123", deadline: .remove)
            },
            async: {
                try await $0.organizations.members(of: "org_1").update(
                    identityID: "idn_123", deadline: .remove)
            }),
        WireCase(
            name: "set the deadline: expires_at a time",
            answer: .json(Fixture.member),
            wire: Wire(
                method: .patch, path: "/v1/gate/organizations/org_1/members/idn_123",
                body: #"{"expires_at":"2027-01-01T00:00:00Z"}"#),
            blocking: {
                try $0.organizations.members(of: "org_1").update(
                    identityID: "idn_123", deadline: .set(newYear))
            },
            async: {
                try await $0.organizations.members(of: "org_1")
                    .update(identityID: "idn_123", deadline: .set(newYear))
            }),
        WireCase(
            name: "change role and deadline together",
            answer: .json(Fixture.member),
            wire: Wire(
                method: .patch, path: "/v1/gate/organizations/org_1/members/idn_123",
                body: #"{"expires_at":null,"role_id":"rol_2"}"#),
            blocking: {
                try $0.organizations.members(of: "org_1")
                    .update(identityID: "idn_123", roleID: "rol_2", deadline: .remove)
            },
            async: {
                try await $0.organizations.members(of: "org_1")
                    .update(identityID: "idn_123", roleID: "rol_2", deadline: .remove)
            }),
        WireCase(
            name: "remove the member",
            answer: .noContent,
            wire: Wire(method: .delete, path: "/v1/gate/organizations/org_1/members/idn_123"),
            blocking: { try $0.organizations.members(of: "org_1").remove(identityID: "idn_123") },
            async: { try await $0.organizations.members(of: "org_1").remove(identityID: "idn_123") }
        ),
    ]

    @Test("sends the documented request", arguments: cases)
    func wireForm(_ testCase: WireCase) async throws {
        try await testCase.check()
    }

    static let refusals: [RefusalCase] = [
        RefusalCase(
            name: "an update that changes nothing", argument: "deadline",
            blocking: { try $0.organizations.members(of: "org_1").update(identityID: "idn_123") },
            async: {
                try await $0.organizations.members(of: "org_1").update(
                    identityID: "idn_123", deadline: .keep)
            }),
        RefusalCase(
            name: "an empty role in an update", argument: "roleID",
            blocking: {
                try $0.organizations.members(of: "org_1").update(identityID: "idn_123", roleID: "")
            },
            async: {
                try await $0.organizations.members(of: "org_1").update(
                    identityID: "idn_123", roleID: "")
            }),
        RefusalCase(
            name: "an empty identity when adding", argument: "identityID",
            blocking: {
                try $0.organizations.members(of: "org_1").add(identityID: "", roleID: "rol_1")
            },
            async: {
                try await $0.organizations.members(of: "org_1").add(identityID: "", roleID: "rol_1")
            }),
        RefusalCase(
            name: "an empty role when adding", argument: "roleID",
            blocking: {
                try $0.organizations.members(of: "org_1").add(identityID: "i", roleID: "")
            },
            async: {
                try await $0.organizations.members(of: "org_1").add(identityID: "i", roleID: "")
            }),
        RefusalCase(
            name: "a member ID of ..", argument: "identityID",
            blocking: { try $0.organizations.members(of: "org_1").remove(identityID: "..") },
            async: {
                try await $0.organizations.members(of: "org_1").update(
                    identityID: "..", deadline: .remove)
            }),
    ]

    @Test("refuses unusable arguments before sending", arguments: refusals)
    func refusal(_ testCase: RefusalCase) async throws {
        try await testCase.check()
    }

    @Test("the three deadline states are three different values")
    func deadlineStates() {
        let states: Set<MemberDeadlineChange> = [.keep, .remove, .set(Self.newYear)]
        #expect(states.count == 3)
        #expect(MemberDeadlineChange.set(Self.newYear) != .set(march17))
    }

    @Test("a membership decodes, with or without a deadline")
    func member() throws {
        let add = try AddMemberEndpoint(
            orgID: "org_1", identityID: "i", roleID: "r", expiresAt: nil)
        let member = try decode(add, Fixture.member)
        #expect(
            member
                == Member(
                    organizationID: "org_1", identityID: "idn_123", roleID: "rol_1",
                    expiresAt: Self.newYear, createdAt: march17, updatedAt: march17))

        let open = try decode(
            add,
            #"{"organization_id": "o", "identity_id": "i", "role_id": "r", "expires_at": null, "#
                + #""created_at": "2026-03-17T12:00:00Z", "updated_at": "2026-03-17T12:00:00Z"}"#)
        #expect(open.expiresAt == nil)
    }

    @Test("a membership with only its identity and role decodes, as the reference client allows")
    func memberWithoutOptionalMembers() throws {
        let add = try AddMemberEndpoint(
            orgID: "org_1", identityID: "i", roleID: "r", expiresAt: nil)
        let member = try decode(add, #"{"identity_id": "idn_1", "role_id": "rol_1"}"#)
        #expect(
            member
                == Member(
                    organizationID: "", identityID: "idn_1", roleID: "rol_1", expiresAt: nil))

        #expect(throws: VerneResponseError.self) {
            _ = try decode(add, #"{"identity_id": "idn_1"}"#)
        }
    }
}
