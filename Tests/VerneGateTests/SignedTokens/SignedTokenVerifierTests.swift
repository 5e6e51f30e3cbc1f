import Dispatch
import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Blocking signed token verifier")
struct SignedTokenVerifierTests {
    let clock = TestClock()
    let first: TestKey
    let second: TestKey
    let server: KeySetServer
    let verifier: SignedTokenVerifier

    init() throws {
        first = try TestKey(kid: "key-1")
        second = try TestKey(kid: "key-2")
        server = KeySetServer(keys: [first])
        verifier = try server.blockingVerifier(clock: clock)
    }

    func token(
        _ key: TestKey, _ change: (inout [String: JSONValue]) -> Void = { _ in }
    ) throws -> String {
        var claims = TokenMinter.claims(at: clock.now)
        change(&claims)
        return try TokenMinter.mint(claims, key: key)
    }

    func refusal(_ token: String) -> VerneTokenError.Reason? {
        do {
            _ = try verifier.verify(token)
            return nil
        } catch let error as VerneTokenError {
            return error.reason
        } catch {
            return VerneTokenError.Reason(rawValue: "unexpected: \(error)")
        }
    }

    @Test("a good token verifies and its claims are typed")
    func goodToken() throws {
        let claims = try verifier.verify(token(first))

        #expect(claims.subject == "usr_123")
        #expect(claims.issuer == TokenMinter.issuer)
        #expect(server.fetches == 1)
    }

    @Test("each refusal reason")
    func refusals() throws {
        let now = Int(clock.now.timeIntervalSince1970)
        let foreign = try TokenMinter.mint(
            TokenMinter.claims(at: clock.now, issuer: "https://gate.example.com/auth/ten_beta"),
            key: first)
        let noneToken =
            TokenMinter.encode(["alg": "none", "kid": "key-1"]) + "."
            + TokenMinter.encode(.object(TokenMinter.claims(at: clock.now))) + "."

        #expect(refusal("not.a token") == .malformed)
        #expect(refusal(noneToken) == .unsupportedAlgorithm)
        #expect(refusal(try token(TestKey(kid: "key-1"))) == .badSignature)
        #expect(refusal(foreign) == .wrongIssuer)
        #expect(refusal(try token(first) { $0["exp"] = .integer(now - 60) }) == .expired)
        #expect(refusal(try token(first) { $0["nbf"] = .integer(now + 60) }) == .notYetValid)
        #expect(refusal(try token(first) { $0["sub"] = nil }) == .missingClaim)
        #expect(refusal(try token(first) { $0["exp"] = nil }) == .missingClaim)
        #expect(refusal(try token(second)) == .unknownKeyID)
    }

    @Test("jwks_unavailable with no set, then recovery")
    func unavailable() throws {
        server.setFailing(true)
        #expect(refusal(try token(first)) == .jwksUnavailable)

        server.setFailing(false)
        #expect(refusal(try token(first)) == nil)
    }

    @Test("rotation is followed after one refetch, at most every 30 seconds")
    func rotation() throws {
        #expect(refusal(try token(first)) == nil)
        server.publish([second])

        clock.advance(5)
        #expect(refusal(try token(second)) == .unknownKeyID)
        clock.advance(25)
        #expect(refusal(try token(second)) == nil)
        #expect(server.fetches == 2)
    }

    @Test("a stale set whose refresh fails is still used")
    func staleKept() throws {
        #expect(refusal(try token(first)) == nil)
        server.setFailing(true)
        clock.advance(400)

        #expect(refusal(try token(first)) == nil)
        #expect(server.fetches == 2)
    }

    @Test("threads that need the set at once share one fetch")
    func concurrentThreads() throws {
        server.setDelay(0.05)
        let good = try token(first)
        let stranger = try token(TestKey(kid: "key-9"))
        let results = LockedValue<[VerneTokenError.Reason?]>([])

        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let reason = refusal(index.isMultiple(of: 2) ? good : stranger)
            results.withLock { $0.append(reason) }
        }

        let reasons = results.withLock { $0 }
        #expect(server.fetches == 1)
        #expect(reasons.filter { $0 == nil }.count == 8)
        #expect(reasons.filter { $0 == .unknownKeyID }.count == 8)
    }

    @Test("concurrent unknown kids after the interval cause one refetch")
    func concurrentRefetch() throws {
        #expect(refusal(try token(first)) == nil)
        server.publish([first, second])
        server.setDelay(0.05)
        clock.advance(31)
        let fresh = try token(second)
        let results = LockedValue<[VerneTokenError.Reason?]>([])

        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let reason = refusal(fresh)
            results.withLock { $0.append(reason) }
        }

        #expect(server.fetches == 2)
        #expect(results.withLock { $0.allSatisfy { $0 == nil } })
    }
}
