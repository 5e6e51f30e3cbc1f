import Foundation
import Testing

@testable import VerneCore

@Suite("The client engine")
struct EngineTests {
    @Test("Every request carries the JSON headers, the user agent and the key")
    func headers() throws {
        let log = RequestLog()
        let engine = BlockingEngine(
            context: testContext(), transport: scriptedTransport([json(200, "{}")], log: log))

        _ = try engine.run(EchoEndpoint())

        let request = try #require(log.all.first)
        #expect(request.headers["Authorization"] == "Bearer vrn_test_secret_123")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.headers["Accept"] == "application/json")
        #expect(request.headers["User-Agent"]?.hasPrefix("verne-swift/\(VerneSDK.version)") == true)
        #expect(request.headers["X-Session-Token"] == nil)
    }

    @Test("Session-token calls carry the token and no key; anonymous calls carry neither")
    func authenticationKinds() throws {
        let log = RequestLog()
        let engine = BlockingEngine(
            context: testContext(), transport: scriptedTransport([json(200, "{}")], log: log))

        _ = try engine.run(EchoEndpoint(authentication: .sessionToken("ory_st_abc")))
        _ = try engine.run(EchoEndpoint(authentication: .anonymous))
        _ = try engine.run(EchoEndpoint(authentication: .apiKeyAndSessionToken("ory_st_def")))

        let requests = log.all
        #expect(requests[0].headers["X-Session-Token"] == "ory_st_abc")
        #expect(requests[0].headers["Authorization"] == nil)
        #expect(requests[1].headers["Authorization"] == nil)
        #expect(requests[1].headers["X-Session-Token"] == nil)
        #expect(requests[2].headers["Authorization"] == "Bearer vrn_test_secret_123")
        #expect(requests[2].headers["X-Session-Token"] == "ory_st_def")
        #expect(!requests[0].url.absoluteString.contains("ory_st"))
    }

    @Test("A call without a key fails before sending, naming the service")
    func missingKey() {
        let log = RequestLog()
        let engine = BlockingEngine(
            context: testContext(key: nil), transport: scriptedTransport([json(200, "{}")], log: log))

        #expect {
            try engine.run(EchoEndpoint())
        } throws: { error in
            (error as? VerneConfigurationError)?.message.contains("No API key for Relay") == true
        }
        #expect(log.count == 0)
    }

    @Test("A 204 or empty body answers NoContent; a success that is not JSON is a response error")
    func emptyAndInvalidBodies() async throws {
        struct Delete: Endpoint {
            typealias Response = NoContent
            var method: HTTPMethod { .delete }
            var path: EndpointPath { EndpointPath("/v1/x") }
        }
        let engine = AsyncEngine(
            context: testContext(),
            transport: scriptedTransport([HTTPResponse(status: 204), json(200, "<html>")]))

        _ = try await engine.run(Delete())

        await #expect(throws: VerneResponseError.self) { try await engine.run(EchoEndpoint()) }
    }

    @Test("Per-call headers cannot replace the credentials")
    func optionHeaders() throws {
        let log = RequestLog()
        let engine = BlockingEngine(
            context: testContext(), transport: scriptedTransport([json(200, "{}")], log: log)
        ).with(RequestOptions(headers: ["Authorization": "Bearer other", "X-Trace": "t1"]))

        _ = try engine.run(EchoEndpoint())

        #expect(log.all[0].headers["Authorization"] == "Bearer vrn_test_secret_123")
        #expect(log.all[0].headers["X-Trace"] == "t1")
    }

    @Test("Request and header descriptions never show the key or session token")
    func redaction() throws {
        let context = testContext()
        let request = try context.makeRequest(EchoEndpoint(authentication: .apiKeyAndSessionToken("ory_st_zzz")))
        var dumped = ""
        dump(request, to: &dumped)
        dump(context.apiKey, to: &dumped)

        for text in [request.description, "\(request.headers)", dumped, "\(context.apiKey!)"] {
            #expect(!text.contains("vrn_test_secret_123"))
            #expect(!text.contains("ory_st_zzz"))
        }
    }
}

@Suite("Response metadata")
struct ResponseMetadataTests {
    @Test("Observers see the request ID, rate limits and attempt count of a success")
    func observed() throws {
        let seen = RequestLog()
        let captured = LockedValue<[ResponseMetadata]>([])
        var configuration = VerneConfiguration(retryPolicy: quickRetries)
        configuration.onResponse = { metadata in captured.withLock { $0.append(metadata) } }
        let context = ClientContext(service: "Relay", apiKey: APIKey("vrn_x"), configuration: configuration)
        let transport = scriptedTransport(
            [
                json(503, "{}"),
                json(200, "{}", headers: ["X-Request-ID": "req_ok", "X-RateLimit-Remaining": "7"]),
            ], log: seen)
        let perCall = LockedValue(0)
        let engine = BlockingEngine(context: context, transport: transport)
            .with(RequestOptions(onResponse: { _ in perCall.withLock { $0 += 1 } }))

        _ = try engine.run(EchoEndpoint())

        let metadata = try #require(captured.withLock { $0.first })
        #expect(metadata.requestID == "req_ok")
        #expect(metadata.rateLimit?.remaining == 7)
        #expect(metadata.attempts == 2)
        #expect(perCall.withLock { $0 } == 1)
    }
}
