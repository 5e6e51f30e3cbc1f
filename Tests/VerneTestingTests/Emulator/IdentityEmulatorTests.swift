import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Gate identities in the emulator")
struct IdentityEmulatorTests {
    private let password: JSONValue = ["password": ["config": ["password": "StrongPassword123!"]]]

    @Test("create answers 201 with the identity fields, defaults applied, password never echoed")
    func create() throws {
        let harness = EmulatorHarness()
        let answer = try harness.createIdentity("ada@example.com", extra: ["credentials": password])

        #expect(answer.status == 201)
        let identity = try #require(answer.json?.objectValue)
        for field in [
            "id", "schema_id", "state", "traits", "created_at", "updated_at", "state_changed_at",
            "metadata_public", "verifiable_addresses", "recovery_addresses",
        ] {
            #expect(identity[field] != nil, "missing \(field)")
        }
        #expect(identity["schema_id"] == "user")
        #expect(identity["state"] == "active")
        #expect(identity["traits"] == ["email": "ada@example.com"])
        #expect(identity["credentials"] == nil)
        #expect(!String(decoding: answer.body, as: UTF8.self).contains("StrongPassword123!"))
    }

    @Test(
        "the user schema refuses other traits, a missing email and unknown schemas",
        arguments: [
            #"{"traits": {"email": "a@example.com", "nick": "a"}}"#, #"{"traits": {"locale": "fr"}}"#,
            #"{"traits": {"email": 5}}"#, #"{"traits": {"email": "not-an-address"}}"#,
            #"{"traits": {"email": "a@example.com", "locale": 1}}"#, #"{"traits": "x"}"#, #"{}"#,
            #"{"schema_id": "admin", "traits": {"email": "a@example.com"}}"#,
            #"{"state": "asleep", "traits": {"email": "a@example.com"}}"#,
            #"{"traits": {"email": "a@example.com"}, "credentials": {"password": {"config": {"password": "short"}}}}"#,
        ])
    func schemaRules(body: String) throws {
        let answer = try EmulatorHarness().call(.post, "/v1/gate/identities", raw: Data(body.utf8))
        #expect(answer.status == 400)
        #expect(answer.errorCode == "invalid_payload")
    }

    @Test("a second identity with the same email in a tenant is 409, whatever its case")
    func conflict() throws {
        let harness = EmulatorHarness()
        try harness.createIdentity("ada@example.com")
        let again = try harness.createIdentity("Ada@Example.com")

        #expect(again.status == 409)
        #expect(again.errorCode == "conflict")
    }

    @Test("get finds the identity; an unknown id is 404")
    func get() throws {
        let harness = EmulatorHarness()
        let created = try #require(try harness.createIdentity("ada@example.com").json)
        let id = try #require(created["id"]?.stringValue)

        #expect(try harness.call(.get, "/v1/gate/identities/\(id)").json == created)
        #expect(try harness.call(.get, "/v1/gate/identities/nope").errorCode == "not_found")
    }

    @Test("JSON Patch applies, bumps updated_at, and renews the address on an email change")
    func patchApplies() throws {
        let harness = EmulatorHarness()
        let created = try #require(try harness.createIdentity("ada@example.com").json)
        let id = try #require(created["id"]?.stringValue)
        harness.emulator.clock.advance(by: .seconds(5))

        let patched = try harness.call(
            .patch, "/v1/gate/identities/\(id)",
            json: [
                ["op": "replace", "path": "/traits/email", "value": "ada@lovelace.example"],
                ["op": "add", "path": "/traits/locale", "value": "en"],
                ["op": "add", "path": "/metadata_public", "value": ["plan": "pro"]],
            ])

        #expect(patched.status == 200)
        let identity = try #require(patched.json)
        #expect(identity["traits"] == ["email": "ada@lovelace.example", "locale": "en"])
        #expect(identity["metadata_public"] == ["plan": "pro"])
        #expect(identity["updated_at"] != created["updated_at"])
        #expect(identity["verifiable_addresses"]?[0]?["value"] == "ada@lovelace.example")
        #expect(identity["created_at"] == created["created_at"])
    }

    @Test(
        "a patch is atomic: one failing operation leaves the identity unchanged",
        arguments: [
            #"[{"op": "remove", "path": "/traits/locale"}, {"op": "test", "path": "/traits/email", "value": "x@y.z"}]"#,
            #"[{"op": "remove", "path": "/traits/locale"}, {"op": "remove", "path": "/traits/missing"}]"#,
            #"[{"op": "remove", "path": "/traits/locale"}, {"op": "add", "path": "/traits/nick", "value": "n"}]"#,
            #"[{"op": "remove", "path": "/traits/locale"}, {"op": "replace", "path": "/id", "value": "mine"}]"#,
            #"[{"op": "remove", "path": "/traits/locale"}, {"op": "jump", "path": "/traits"}]"#,
            #"[{"op": "remove", "path": "/traits/locale"}, {"op": "replace", "path": "/state", "value": "gone"}]"#,
            #"{"op": "remove", "path": "/traits/locale"}"#,
        ])
    func patchIsAtomic(body: String) throws {
        let harness = EmulatorHarness()
        let created = try #require(
            try harness.call(
                .post, "/v1/gate/identities", json: ["traits": ["email": "a@example.com", "locale": "fr"]]
            ).json)
        let id = try #require(created["id"]?.stringValue)

        let answer = try harness.call(.patch, "/v1/gate/identities/\(id)", raw: Data(body.utf8))

        #expect(answer.status == 400)
        #expect(answer.errorCode == "invalid_payload")
        #expect(try harness.call(.get, "/v1/gate/identities/\(id)").json == created)
    }

    @Test("each of the six operations, with ~0 and ~1 escapes")
    func everyOperation() throws {
        let harness = EmulatorHarness()
        let id = try #require(try harness.createIdentity("a@example.com").json?["id"]?.stringValue)
        let operations: JSONValue = [
            ["op": "add", "path": "/metadata_public", "value": ["a/b": 1, "m~n": ["x"]]],
            ["op": "test", "path": "/metadata_public/a~1b", "value": 1.0],
            ["op": "add", "path": "/metadata_public/m~0n/-", "value": "y"],
            ["op": "copy", "from": "/metadata_public/a~1b", "path": "/metadata_public/copied"],
            ["op": "move", "from": "/metadata_public/m~0n", "path": "/metadata_public/moved"],
            ["op": "replace", "path": "/metadata_public/moved/0", "value": "z"],
            ["op": "remove", "path": "/metadata_public/a~1b"],
            ["op": "replace", "path": "/state", "value": "inactive"],
        ]

        let answer = try harness.call(.patch, "/v1/gate/identities/\(id)", json: operations)

        #expect(answer.status == 200)
        #expect(answer.json?["metadata_public"] == ["copied": 1, "moved": ["z", "y"]])
        #expect(answer.json?["state"] == "inactive")
    }

    @Test("a patch to another identity's email is 409")
    func patchConflict() throws {
        let harness = EmulatorHarness()
        try harness.createIdentity("taken@example.com")
        let id = try #require(try harness.createIdentity("free@example.com").json?["id"]?.stringValue)

        let answer = try harness.call(
            .patch, "/v1/gate/identities/\(id)",
            json: [["op": "replace", "path": "/traits/email", "value": "taken@example.com"]])
        #expect(answer.status == 409)
    }

    @Test("delete answers 204, then the identity and its tokens are gone, and the email is free")
    func deleteCascades() throws {
        let harness = EmulatorHarness()
        let id = try #require(try harness.createIdentity("a@example.com").json?["id"]?.stringValue)
        let token = try #require(
            try harness.call(.post, "/v1/gate/tokens", json: ["subject": .string(id)]).json?["access_token"])

        let deleted = try harness.call(.delete, "/v1/gate/identities/\(id)")

        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
        #expect(try harness.call(.get, "/v1/gate/identities/\(id)").status == 404)
        #expect(try harness.call(.delete, "/v1/gate/identities/\(id)").status == 404)
        let introspection = try harness.call(.post, "/v1/gate/tokens/introspect", json: ["access_token": token])
        #expect(introspection.json == ["active": false])
        #expect(try harness.createIdentity("a@example.com").status == 201)
    }

    @Test("the state route switches between active and inactive and stamps state_changed_at")
    func stateRoute() throws {
        let harness = EmulatorHarness()
        let created = try #require(try harness.createIdentity("a@example.com").json)
        let id = try #require(created["id"]?.stringValue)
        harness.emulator.clock.advance(by: .seconds(3))

        let inactive = try harness.call(.patch, "/v1/gate/identities/\(id)/state", json: ["state": "inactive"])
        let wrong = try harness.call(.patch, "/v1/gate/identities/\(id)/state", json: ["state": "paused"])

        #expect(inactive.json?["state"] == "inactive")
        #expect(inactive.json?["state_changed_at"] != created["state_changed_at"])
        #expect(wrong.status == 400)
    }

    @Test("metadata merges, with null removing a key")
    func metadata() throws {
        let harness = EmulatorHarness()
        let id = try #require(try harness.createIdentity("a@example.com").json?["id"]?.stringValue)
        let path = "/v1/gate/identities/\(id)/metadata"

        #expect(try harness.call(.get, path).json == ["metadata_public": [:]])
        try harness.call(.patch, path, json: ["plan": "pro", "seats": 3])
        let merged = try harness.call(.patch, path, json: ["seats": nil, "trial": false])
        #expect(merged.json == ["metadata_public": ["plan": "pro", "trial": false]])
    }
}
