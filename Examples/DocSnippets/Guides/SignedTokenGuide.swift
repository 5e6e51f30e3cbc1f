import Foundation
import Verne

/// The samples of the Gate guide's section on signed tokens.
enum SignedTokenGuide {
    static func mint(gate: AsyncGate, sessionToken: String, tenantID: String) async throws {
        // snippet.begin gate-signed-token-mint
        let signed = try await gate.tokens.createSigned(sessionToken: sessionToken)
        print(signed)  // the session's ID; never the token
        // Hand signed.token to the services that act for this user.

        let claims = try await gate.tokens.verifySigned(signed.token, tenantID: tenantID)
        print(claims.subject, claims.expiresAt)
        // snippet.end
    }

    static func verify(token: String, tenantID: String) async throws {
        // snippet.begin gate-signed-token-verify
        // One verifier per tenant, made once and shared: it caches the tenant's keys.
        let verifier = try AsyncSignedTokenVerifier(tenantID: tenantID)  // ten_…

        do {
            let claims = try await verifier.verify(token)
            print("signed in as", claims.subject, claims.email ?? "-")
            for org in claims.orgs {
                print(org.id, org.role, org.permissions)  // as old as the token
            }
        } catch let error as VerneTokenError {
            switch error.reason {
            case .expired:
                print("ask the client for a fresh token")
            case .jwksUnavailable:
                print("the keys could not be fetched; try again later")
            default:
                print("refused:", error.reason)  // forged, foreign, malformed…
            }
        }
        // snippet.end
    }

    static func blocking(token: String, tenantID: String) throws {
        // snippet.begin gate-signed-token-blocking
        let verifier = try SignedTokenVerifier(tenantID: tenantID, leeway: .seconds(5))
        let claims = try verifier.verify(token)
        print(claims.subject, claims.expiresAt, claims.raw["sid"] ?? "-")
        // snippet.end
    }
}
