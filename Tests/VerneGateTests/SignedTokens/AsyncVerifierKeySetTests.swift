import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Async signed token verifier: the key set cache")
struct AsyncVerifierKeySetTests {
    let clock = TestClock()
    let first: TestKey
    let second: TestKey
    let server: KeySetServer
    let verifier: AsyncSignedTokenVerifier

    init() throws {
        first = try TestKey(kid: "key-1")
        second = try TestKey(kid: "key-2")
        server = KeySetServer(keys: [first])
        verifier = try server.asyncVerifier(clock: clock)
    }

    func token(_ key: TestKey) throws -> String {
        try TokenMinter.mint(TokenMinter.claims(at: clock.now), key: key)
    }

    func refusal(_ token: String) async -> VerneTokenError.Reason? {
        await tokenRefusal { _ = try await verifier.verify(token) }
    }

    @Test("a cached set serves many verifications with one fetch")
    func cached() async throws {
        for _ in 0..<20 {
            #expect(await refusal(try token(first)) == nil)
            clock.advance(10)
        }
        #expect(server.fetches == 1)
    }

    @Test("key rotation is followed after one refetch")
    func rotation() async throws {
        #expect(await refusal(try token(first)) == nil)
        server.publish([first, second])
        clock.advance(31)

        #expect(await refusal(try token(second)) == nil)
        #expect(server.fetches == 2)
        #expect(await refusal(try token(second)) == nil)
        #expect(await refusal(try token(first)) == nil)
        #expect(server.fetches == 2)
    }

    @Test("an unknown kid refetches at most every 30 seconds")
    func refetchRateLimit() async throws {
        #expect(await refusal(try token(first)) == nil)
        server.publish([first, second])

        clock.advance(29)
        #expect(await refusal(try token(second)) == .unknownKeyID)
        #expect(server.fetches == 1)

        clock.advance(1)
        #expect(await refusal(try token(second)) == nil)
        #expect(server.fetches == 2)

        let stranger = try TestKey(kid: "key-3")
        #expect(await refusal(try token(stranger)) == .unknownKeyID)
        clock.advance(15)
        #expect(await refusal(try token(stranger)) == .unknownKeyID)
        #expect(server.fetches == 2)
        clock.advance(15)
        #expect(await refusal(try token(stranger)) == .unknownKeyID)
        #expect(server.fetches == 3)
    }

    @Test("concurrent verifications of an unknown kid share one refetch")
    func concurrentRefetch() async throws {
        #expect(await refusal(try token(first)) == nil)
        server.publish([first, second])
        server.setDelay(0.05)
        clock.advance(31)
        let newToken = try token(second)
        let strangerToken = try token(TestKey(kid: "key-3"))

        let reasons = await withTaskGroup(of: VerneTokenError.Reason?.self) { group in
            for index in 0..<40 {
                group.addTask {
                    await tokenRefusal {
                        _ = try await verifier.verify(
                            index.isMultiple(of: 2) ? newToken : strangerToken)
                    }
                }
            }
            var all: [VerneTokenError.Reason?] = []
            for await reason in group { all.append(reason) }
            return all
        }

        #expect(server.fetches == 2)
        #expect(reasons.filter { $0 == nil }.count == 20)
        #expect(reasons.filter { $0 == .unknownKeyID }.count == 20)
    }

    @Test("concurrent first verifications share one fetch")
    func concurrentColdStart() async throws {
        server.setDelay(0.05)
        let good = try token(first)

        let reasons = await withTaskGroup(of: VerneTokenError.Reason?.self) { group in
            for _ in 0..<40 {
                group.addTask { await tokenRefusal { _ = try await verifier.verify(good) } }
            }
            var all: [VerneTokenError.Reason?] = []
            for await reason in group { all.append(reason) }
            return all
        }

        #expect(reasons.count == 40 && reasons.allSatisfy { $0 == nil })
        #expect(server.fetches == 1)
    }

    @Test("with no set and a failing fetch, tokens are refused as jwks_unavailable")
    func unavailable() async throws {
        server.setFailing(true)
        let good = try token(first)

        #expect(await refusal(good) == .jwksUnavailable)
        #expect(await refusal(good) == .jwksUnavailable)
        #expect(server.fetches == 2)

        server.setFailing(false)
        #expect(await refusal(good) == nil)
        #expect(server.fetches == 3)
    }

    @Test("a transport failure is jwks_unavailable too, and says why without secrets")
    func transportFailure() async throws {
        let broken = ClosureTransport { _ in
            throw VerneConnectionError(
                kind: .cannotConnect, message: "refused", mayHaveReachedServer: false)
        }
        var configuration = try server.configuration()
        configuration.retryPolicy = .disabled
        let verifier = try AsyncSignedTokenVerifier(
            tenantID: TokenMinter.tenantID, configuration: configuration, transport: broken,
            now: clock.function)

        do {
            _ = try await verifier.verify(token(first))
            Issue.record("the token was accepted")
        } catch let error as VerneTokenError {
            #expect(error.reason == .jwksUnavailable)
            #expect(error.message.contains("refused"))
        }
    }

    @Test("a stale set whose refresh fails is still used")
    func staleKept() async throws {
        #expect(await refusal(try token(first)) == nil)
        server.setFailing(true)
        clock.advance(301)

        #expect(await refusal(try token(first)) == nil)
        #expect(server.fetches == 2)

        clock.advance(10)
        #expect(await refusal(try token(first)) == nil)
        #expect(server.fetches == 2)

        clock.advance(20)
        #expect(await refusal(try token(first)) == nil)
        #expect(server.fetches == 3)

        server.setFailing(false)
        server.publish([second])
        clock.advance(30)
        #expect(await refusal(try token(first)) == .unknownKeyID)
        #expect(await refusal(try token(second)) == nil)
        #expect(server.fetches == 4)
    }

    @Test("without Cache-Control the set is kept 300 seconds")
    func defaultMaxAge() async throws {
        #expect(await refusal(try token(first)) == nil)
        clock.advance(299)
        #expect(await refusal(try token(first)) == nil)
        #expect(server.fetches == 1)

        clock.advance(1)
        #expect(await refusal(try token(first)) == nil)
        #expect(server.fetches == 2)
    }

    @Test("Cache-Control max-age is honoured, and a removed key stops working after it")
    func maxAgeHonoured() async throws {
        server.publish([first], cacheControl: "public, max-age=60, must-revalidate")
        #expect(await refusal(try token(first)) == nil)

        server.publish([second], cacheControl: "max-age=60")
        clock.advance(59)
        #expect(await refusal(try token(first)) == nil)
        #expect(server.fetches == 1)

        clock.advance(1)
        #expect(await refusal(try token(first)) == .unknownKeyID)
        #expect(server.fetches == 2)
        #expect(await refusal(try token(second)) == nil)
        #expect(server.fetches == 2)
    }

    @Test("a long max-age keeps the set past the default")
    func longMaxAge() async throws {
        server.publish([first], cacheControl: "max-age=3600")
        #expect(await refusal(try token(first)) == nil)
        clock.advance(3599)
        #expect(await refusal(try token(first)) == nil)
        #expect(server.fetches == 1)
    }

    @Test("a set without the kid, fetched first, refuses it as unknown without a second fetch")
    func unknownOnColdStart() async throws {
        #expect(await refusal(try token(second)) == .unknownKeyID)
        #expect(server.fetches == 1)
    }
}
