import Foundation
import Testing
import VerneCore
import VerneGate

/// The credentials a request must carry.
enum ExpectedAuth: Sendable, Equatable {
    /// `Authorization: Bearer <key>` and no session token.
    case apiKey
    /// Neither header.
    case anonymous
    /// The API key and `X-Session-Token`.
    case apiKeyAndSession(String)
}

/// The exact wire form of one request.
struct Wire: Sendable {
    var method: HTTPMethod
    var path: String
    var query: String? = nil
    var body: String? = nil
    var auth: ExpectedAuth = .apiKey
}

/// Checks a request against its expected wire form, headers included.
func expectWire(
    _ request: HTTPRequest, _ wire: Wire, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(request.method == wire.method, sourceLocation: sourceLocation)
    #expect(request.url.host == "api.vernesoft.com", sourceLocation: sourceLocation)
    #expect(request.path == wire.path, sourceLocation: sourceLocation)
    #expect(request.encodedQuery == wire.query, sourceLocation: sourceLocation)
    #expect(request.bodyText == wire.body, sourceLocation: sourceLocation)
    #expect(request.headers["Content-Type"] == "application/json", sourceLocation: sourceLocation)
    #expect(request.headers["Accept"] == "application/json", sourceLocation: sourceLocation)

    switch wire.auth {
    case .apiKey:
        #expect(
            request.headers["Authorization"] == "Bearer " + testKey, sourceLocation: sourceLocation)
        #expect(!request.headers.contains("X-Session-Token"), sourceLocation: sourceLocation)
    case .anonymous:
        #expect(!request.headers.contains("Authorization"), sourceLocation: sourceLocation)
        #expect(!request.headers.contains("X-Session-Token"), sourceLocation: sourceLocation)
    case .apiKeyAndSession(let token):
        #expect(
            request.headers["Authorization"] == "Bearer " + testKey, sourceLocation: sourceLocation)
        #expect(request.headers["X-Session-Token"] == token, sourceLocation: sourceLocation)
        #expect(!request.url.absoluteString.contains(token), sourceLocation: sourceLocation)
    }
}

/// One operation called through both clients, with the wire form both must produce.
struct WireCase: Sendable, CustomTestStringConvertible {
    let name: String
    let answer: HTTPResponse
    let wire: Wire
    let blocking: @Sendable (Gate) throws -> Void
    let async: @Sendable (AsyncGate) async throws -> Void

    var testDescription: String { name }

    /// Runs the blocking call, then the async one, and checks both requests.
    func check(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let recorder = WireRecorder(answer: answer)
        try blocking(recorder.gate())
        try await self.async(recorder.asyncGate())

        let requests = recorder.requests
        #expect(requests.count == 2, sourceLocation: sourceLocation)
        for request in requests { expectWire(request, wire, sourceLocation: sourceLocation) }
    }
}

/// One call that must be refused before anything is sent, through both clients.
struct RefusalCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// The argument the error must name.
    let argument: String
    let blocking: @Sendable (Gate) throws -> Void
    let async: @Sendable (AsyncGate) async throws -> Void

    var testDescription: String { name }

    func check(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let recorder = WireRecorder(answer: .json("{}"))

        let blockingError = #expect(
            throws: VerneInvalidRequestError.self, sourceLocation: sourceLocation
        ) {
            try blocking(recorder.gate())
        }
        let asyncError = await #expect(
            throws: VerneInvalidRequestError.self, sourceLocation: sourceLocation
        ) {
            try await self.async(recorder.asyncGate())
        }

        #expect(blockingError?.argument == argument, sourceLocation: sourceLocation)
        #expect(asyncError?.argument == argument, sourceLocation: sourceLocation)
        #expect(recorder.requests.isEmpty, sourceLocation: sourceLocation)
    }
}

/// Decodes a fixture through an endpoint's own decoding, as the clients do.
func decode<E: Endpoint>(_ endpoint: E, _ json: String, status: Int = 200) throws -> E.Response {
    try endpoint.decode(.json(json, status: status))
}

/// An instant from seconds since 1970.
func instant(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

/// 2026-03-17T12:00:00Z.
let march17 = instant(1_773_748_800)
