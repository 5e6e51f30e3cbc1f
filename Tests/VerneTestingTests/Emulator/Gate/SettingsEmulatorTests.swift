import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Settings in the emulator")
struct SettingsEmulatorTests {
    @Test("security settings default to off; PUT replaces both and answers 204")
    func security() throws {
        let harness = EmulatorHarness()
        let path = "/v1/gate/settings/security"
        let before = try harness.call(.get, path).json
        let put = try harness.call(
            .put, path, json: ["passwordless_enabled": true, "mfa_enabled": true])

        #expect(before == ["passwordless_enabled": false, "mfa_enabled": false])
        #expect(put.status == 204)
        #expect(put.body.isEmpty)
        #expect(
            try harness.call(.get, path).json == [
                "passwordless_enabled": true, "mfa_enabled": true,
            ])
    }

    @Test(
        "both security fields are required booleans",
        arguments: [
            #"{"mfa_enabled": true}"#, #"{"passwordless_enabled": true}"#,
            #"{"passwordless_enabled": "yes", "mfa_enabled": true}"#, "{}",
        ])
    func securityRefusals(body: String) throws {
        let harness = EmulatorHarness()
        #expect(
            try harness.call(.put, "/v1/gate/settings/security", raw: Data(body.utf8)).status == 400
        )
    }

    @Test("providers: every supported one is listed; PUT changes the given ones only")
    func providers() throws {
        let harness = EmulatorHarness()
        let path = "/v1/gate/settings/oidc-providers"
        let before = try harness.call(.get, path).json?["providers"]?.arrayValue
        let first = try harness.call(
            .put, path,
            json: [
                "providers": [
                    ["provider": "google", "enabled": true],
                    ["provider": "github", "enabled": true],
                ]
            ])
        let second = try harness.call(
            .put, path, json: ["providers": [["provider": "github", "enabled": false]]])

        let enabled = { (answer: Answer) in
            answer.json?["providers"]?.arrayValue?.filter { $0["enabled"] == true }.compactMap {
                $0["provider"]?.stringValue
            }
        }
        #expect(
            before?.compactMap { $0["provider"]?.stringValue } == [
                "apple", "github", "google", "microsoft",
            ])
        #expect(before?.allSatisfy { $0["enabled"] == false } == true)
        #expect(enabled(first) == ["github", "google"])
        #expect(enabled(second) == ["google"])
        let unknown = try harness.call(
            .put, path, json: ["providers": [["provider": "myspace", "enabled": true]]])
        #expect(unknown.errorCode == "invalid_payload")
    }

    @Test("the public providers route needs no key and lists the tenant's enabled providers")
    func publicProviders() throws {
        let harness = EmulatorHarness()
        try harness.call(
            .put, "/v1/gate/settings/oidc-providers",
            json: ["providers": [["provider": "apple", "enabled": true]]])
        let tenant = harness.emulator.tenantID(forKey: "vrn_test")

        let anonymous = try harness.with(key: nil).call(.get, "/public/gate/providers/\(tenant)")

        #expect(anonymous.status == 200)
        #expect(anonymous.json == ["providers": ["apple"]])
        #expect(
            try harness.with(key: nil).call(.get, "/public/gate/providers/ten_none").status == 404)
    }

    @Test("return URLs are replaced and answered as they will be matched")
    func returnURLs() throws {
        let harness = EmulatorHarness()
        let path = "/v1/gate/settings/return-urls"
        let urls: JSONValue = [
            "https://app.example.com/auth/callback", "http://localhost:3000/cb",
            "http://127.0.0.1:8080/cb",
        ]

        let put = try harness.call(.put, path, json: ["return_urls": urls])
        let emptied = try harness.call(.put, path, json: ["return_urls": []])

        #expect(put.json == ["return_urls": urls])
        #expect(emptied.json == ["return_urls": []])
        #expect(try harness.call(.get, path).json == ["return_urls": []])
    }

    @Test(
        "a return URL must be https or loopback http, without query, fragment, @ or wildcard",
        arguments: [
            "http://app.example.com/cb", "https://app.example.com/cb?x=1",
            "https://app.example.com/cb#top",
            "https://user@app.example.com/cb", "https://*.example.com/cb", "ftp://example.com",
            "not a url",
            "/relative",
        ])
    func returnURLRefusals(url: String) throws {
        let harness = EmulatorHarness()
        let answer = try harness.call(
            .put, "/v1/gate/settings/return-urls", json: ["return_urls": [.string(url)]])
        #expect(answer.errorCode == "invalid_payload")
    }

    @Test("at most 10 return URLs")
    func returnURLLimit() throws {
        let harness = EmulatorHarness()
        let urls = (0...10).map { JSONValue.string("https://app.example.com/cb\($0)") }
        let path = "/v1/gate/settings/return-urls"
        #expect(
            try harness.call(.put, path, json: ["return_urls": .array(Array(urls.prefix(10)))])
                .status == 200)
        #expect(try harness.call(.put, path, json: ["return_urls": .array(urls)]).status == 400)
    }
}
