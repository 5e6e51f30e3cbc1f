import Foundation
import VerneCore

/// What a route answers: a status and an optional JSON body.
struct EmulatorReply: Sendable {
    /// The status code.
    var status: Int
    /// The JSON body, or `nil` for none (`204`).
    var json: JSONValue?
    /// Extra header fields, such as `Cache-Control`.
    var headers: [(String, String)] = []

    /// `200` with a body.
    static func ok(_ json: JSONValue) -> EmulatorReply { EmulatorReply(status: 200, json: json) }

    /// `204 No Content`.
    static let noContent = EmulatorReply(status: 204, json: nil)
}

/// Builds complete HTTP responses with the headers every emulator answer carries.
enum EmulatorResponses {
    /// A JSON response with `Content-Type` and `X-Request-ID`.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - body: The body bytes, or empty.
    ///   - requestID: The request ID to send.
    ///   - extra: Further header fields.
    ///   - contentType: The body's media type.
    /// - Returns: The response.
    static func make(
        status: Int, body: Data, requestID: String, extra: [(String, String)] = [],
        contentType: String = "application/json"
    ) -> HTTPResponse {
        var headers = HTTPHeaders()
        if !body.isEmpty { headers.add(name: "Content-Type", value: contentType) }
        headers.add(name: "X-Request-ID", value: requestID)
        for (name, value) in extra { headers.add(name: name, value: value) }
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// A route's reply as a response.
    static func reply(_ reply: EmulatorReply, requestID: String) -> HTTPResponse {
        let body = reply.json.map(EmulatorJSONWriter.data) ?? Data()
        return make(status: reply.status, body: body, requestID: requestID, extra: reply.headers)
    }

    /// An API failure as the documented envelope.
    static func failure(_ failure: EmulatorFailure, requestID: String) -> HTTPResponse {
        make(
            status: failure.status, body: EmulatorJSONWriter.data(failure.envelope(requestID: requestID)),
            requestID: requestID, extra: failure.headers)
    }
}
