import Foundation
import VerneCore

/// Requests a test transport saw, safe to share between threads.
final class RequestLog: Sendable {
    private let storage = LockedValue<[HTTPRequest]>([])

    func append(_ request: HTTPRequest) { storage.withLock { $0.append(request) } }

    var all: [HTTPRequest] { storage.withLock { $0 } }

    var count: Int { storage.withLock { $0.count } }
}

/// A transport that answers from a script of responses, one per request, and logs them.
func scriptedTransport(
    _ responses: [HTTPResponse], log: RequestLog = RequestLog()
) -> ClosureTransport {
    ClosureTransport { request in
        let index = log.count
        log.append(request)
        guard index < responses.count else { return responses.last! }
        return responses[index]
    }
}

/// A response with a JSON body written as text.
func json(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
    HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
}

/// A small endpoint for engine tests.
struct EchoEndpoint: Endpoint {
    typealias Response = JSONValue

    var method: HTTPMethod = .get
    var path = EndpointPath("/v1/test")
    var repeatability: Repeatability = .safe
    var authentication: Authentication = .apiKey
}

/// A policy that retries quickly so tests do not wait.
let quickRetries = RetryPolicy(
    maxRetries: 2, initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(2))

/// A context for engine tests.
func testContext(
    key: String? = "vrn_test_secret_123", policy: RetryPolicy = quickRetries
) -> ClientContext {
    ClientContext(
        service: "Relay", apiKey: key.map(APIKey.init),
        configuration: VerneConfiguration(retryPolicy: policy))
}
