import Foundation
import VerneCore
import VerneGate

/// The API key every test client uses.
let testKey = "vrn_test_9f8a7b6c5d4e"

/// A transport that records every request and answers from a queue of canned responses;
/// the last answer is repeated once the queue runs dry.
final class WireRecorder: Sendable {
    private let state: LockedValue<(requests: [HTTPRequest], answers: [HTTPResponse])>

    init(_ answers: [HTTPResponse]) {
        precondition(!answers.isEmpty, "give at least one answer")
        state = LockedValue((requests: [], answers: answers))
    }

    convenience init(answer: HTTPResponse) { self.init([answer]) }

    /// The requests sent so far, in order.
    var requests: [HTTPRequest] { state.withLock { $0.requests } }

    var transport: ClosureTransport {
        ClosureTransport { [self] request in
            state.withLock { state in
                state.requests.append(request)
                return state.answers.count > 1 ? state.answers.removeFirst() : state.answers[0]
            }
        }
    }

    var configuration: VerneConfiguration {
        VerneConfiguration(retryPolicy: .disabled)
    }

    func gate() -> Gate {
        Gate(apiKey: testKey, configuration: configuration, transport: transport)
    }

    func asyncGate() -> AsyncGate {
        AsyncGate(apiKey: testKey, configuration: configuration, transport: transport)
    }
}

extension HTTPResponse {
    /// A JSON answer.
    static func json(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
    }

    /// `204 No Content`.
    static let noContent = HTTPResponse(status: 204)
}

extension HTTPRequest {
    /// The percent-encoded query, or `nil` when there is none.
    var encodedQuery: String? {
        URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery
    }

    /// The body as text, or `nil` when there is none.
    var bodyText: String? { body.map { String(decoding: $0, as: UTF8.self) } }
}
