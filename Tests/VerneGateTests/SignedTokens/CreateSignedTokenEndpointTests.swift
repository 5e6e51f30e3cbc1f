import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Minting a signed token")
struct CreateSignedTokenEndpointTests {
    static let sessionToken = "ory_st_secretsessiontoken123"

    @Test("GET whoami with tokenize_as, the session token and no API key")
    func requestShape() throws {
        let endpoint = try CreateSignedTokenEndpoint(sessionToken: Self.sessionToken)
        let context = ClientContext(
            service: "Gate", apiKey: APIKey("vrn_test_key"), configuration: VerneConfiguration())

        let request = try context.makeRequest(endpoint)

        #expect(request.method == .get)
        #expect(
            request.url.absoluteString
                == "https://api.vernesoft.com/auth/sessions/whoami?tokenize_as=gate_jwt")
        #expect(request.headers["X-Session-Token"] == Self.sessionToken)
        #expect(request.headers["Authorization"] == nil)
        #expect(endpoint.repeatability == .safe)
    }

    @Test("the answer splits into the token and the session")
    func decodes() throws {
        let endpoint = try CreateSignedTokenEndpoint(sessionToken: Self.sessionToken)
        let body = Data(
            #"{"id":"ses_1","active":true,"identity":{"id":"usr_1"},"tokenized":"eyJa.eyJb.c2ln"}"#
                .utf8)

        let signed = try endpoint.decode(HTTPResponse(status: 200, body: body))

        #expect(signed.token == "eyJa.eyJb.c2ln")
        #expect(signed.session == ["id": "ses_1", "active": true, "identity": ["id": "usr_1"]])
    }

    @Test(
        "an answer without tokenized is a response error",
        arguments: [
            #"{"id":"ses_1"}"#, #"{"id":"ses_1","tokenized":null}"#,
            #"{"id":"ses_1","tokenized":""}"#, "[]",
        ])
    func missingTokenized(body: String) throws {
        let endpoint = try CreateSignedTokenEndpoint(sessionToken: Self.sessionToken)

        #expect(throws: VerneResponseError.self) {
            try endpoint.decode(HTTPResponse(status: 200, body: Data(body.utf8)))
        }
    }

    @Test("an empty session token is refused before anything is sent")
    func emptySessionToken() {
        #expect(throws: VerneInvalidRequestError.self) {
            try CreateSignedTokenEndpoint(sessionToken: "")
        }
    }

    @Test("descriptions never show the session token or the signed token")
    func redaction() throws {
        let endpoint = try CreateSignedTokenEndpoint(sessionToken: Self.sessionToken)
        let signed = SignedToken(
            token: "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", session: ["id": "ses_1"])
        var dumped = ""
        dump(endpoint, to: &dumped)
        dump(signed, to: &dumped)

        for text in [
            String(describing: endpoint), String(reflecting: endpoint), String(describing: signed),
            String(reflecting: signed), dumped,
        ] {
            #expect(!text.contains(Self.sessionToken))
            #expect(!text.contains("eyJzdWIiOiJ4In0"))
        }
        #expect(String(describing: signed).contains("ses_1"))
    }
}

@Suite("Signed token claims")
struct SignedTokenClaimsTests {
    @Test("typed claims of unexpected types are left empty and stay raw")
    func lenientOptionalClaims() throws {
        let raw: [String: JSONValue] = [
            "iss": "i", "sub": "s", "exp": 1.5, "email": 5,
            "orgs": [["id": "o"], "x", ["role": "r"]],
            "orgs_truncated": "yes", "iat": "now",
        ]

        let claims = try SignedTokenClaims(raw: raw)

        #expect(claims.expiresAt == Date(timeIntervalSince1970: 1.5))
        #expect(claims.email == nil && claims.raw["email"] == 5)
        #expect(claims.orgs == [OrgClaim(id: "o", role: "", permissions: [])])
        #expect(claims.orgsTruncated == false)
        #expect(claims.issuedAt == nil)
    }

    @Test("iss, sub and exp are required")
    func required() {
        for missing in ["iss", "sub", "exp"] {
            var raw: [String: JSONValue] = ["iss": "i", "sub": "s", "exp": 10]
            raw[missing] = nil
            #expect(throws: VerneTokenError.self) { try SignedTokenClaims(raw: raw) }
        }
    }
}
