import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Identities: answers")
struct IdentityDecodingTests {
    @Test("an identity is typed, with nanosecond times, and the whole answer stays raw")
    func identity() throws {
        let identity = try decode(GetIdentityEndpoint(identityID: "idn_123"), Fixture.identity)

        #expect(identity.id == "idn_123")
        #expect(identity.schemaID == "user")
        #expect(identity.state == .active)
        #expect(identity.traits["email"] == "user@example.com")
        let created = try #require(identity.createdAt)
        #expect(abs(created.timeIntervalSince(march17) - 0.123456789) < 0.000_001)
        #expect(identity.updatedAt == march17.addingTimeInterval(1))
        #expect(identity.stateChangedAt == march17)
        #expect(identity.metadataPublic == ["plan": "pro"])
        #expect(identity.verifiableAddresses.first?["verified"] == false)
        #expect(identity.recoveryAddresses.first?["via"] == "email")
        #expect(identity.raw["credentials"]?["password"]?["type"] == "password")
        #expect(identity.raw["organization_id"] == .null)
    }

    @Test("only the ID is required; absent members take empty values")
    func minimalIdentity() throws {
        let identity = try decode(GetIdentityEndpoint(identityID: "x"), #"{"id": "idn_9"}"#)

        #expect(identity.id == "idn_9")
        #expect(identity.traits == [:])
        #expect(identity.createdAt == nil)
        #expect(identity.metadataPublic == nil)
        #expect(identity.verifiableAddresses.isEmpty)
        #expect(identity.raw == ["id": "idn_9"])
    }

    @Test("an identity without an ID is an unreadable answer, not a crash")
    func identityWithoutID() throws {
        #expect(throws: VerneResponseError.self) {
            try decode(GetIdentityEndpoint(identityID: "x"), #"{"schema_id": "user"}"#)
        }
    }

    @Test("an unknown state is kept as it came")
    func unknownState() throws {
        let identity = try decode(
            GetIdentityEndpoint(identityID: "x"), #"{"id": "i", "state": "suspended"}"#)
        #expect(identity.state == Identity.State(rawValue: "suspended"))
    }

    @Test("encoding an identity gives back the untyped members too")
    func identityRoundTrip() throws {
        let identity = try decode(GetIdentityEndpoint(identityID: "x"), Fixture.identity)
        let again = try JSONValue(encoding: identity)

        #expect(again["credentials"] == identity.raw["credentials"])
        #expect(again["created_at"] == "2026-03-17T12:00:00.123Z")
        #expect(try again.decode(as: Identity.self).traits == identity.traits)
    }

    @Test("metadata is read out of metadata_public, empty when unset or null")
    func metadata() throws {
        let endpoint = try GetIdentityMetadataEndpoint(identityID: "x")
        #expect(try decode(endpoint, Fixture.metadata) == ["plan": "pro", "seats": 5])
        #expect(try decode(endpoint, #"{"metadata_public": {}}"#).isEmpty)
        #expect(try decode(endpoint, #"{"metadata_public": null}"#).isEmpty)

        let update = try UpdateIdentityMetadataEndpoint(
            identityID: "x", set: ["a": 1], removing: [])
        #expect(try decode(update, Fixture.metadata)["seats"] == 5)
    }

    @Test("a page of organization claims")
    func orgClaims() throws {
        let endpoint = try ListIdentityOrganizationsEndpoint(
            identityID: "x", limit: nil, cursor: nil)
        let page = try decode(endpoint, Fixture.orgClaimPage)

        #expect(
            page.items == [OrgClaim(id: "org_1", role: "admin", permissions: ["invoices:write"])])
        #expect(!page.hasMore)
        #expect(page.nextCursor == nil)
    }
}
