import Foundation
import VerneCore

/// Writes an `HTTPResponse` as HTTP/1.1 bytes.
enum HTTPResponseEncoder {
    /// The response's bytes, with `Content-Length` and `Connection` set by the server.
    ///
    /// - Parameters:
    ///   - response: The response.
    ///   - keepAlive: Whether the connection stays open.
    ///   - omitBody: Whether to leave the body out (an answer to `HEAD`).
    /// - Returns: The bytes to send.
    static func encode(_ response: HTTPResponse, keepAlive: Bool, omitBody: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(192 + response.body.count)
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        out.append(contentsOf: String(response.status).utf8)
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: reason(response.status).utf8)
        out.append(contentsOf: "\r\n".utf8)

        for field in response.headers
        where !field.name.caseInsensitiveEquals("Content-Length")
            && !field.name.caseInsensitiveEquals("Connection")
            && !field.name.caseInsensitiveEquals("Transfer-Encoding")
        {
            out.append(contentsOf: field.name.utf8)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: field.value.utf8)
            out.append(contentsOf: "\r\n".utf8)
        }

        let bodyAllowed = response.status != 204 && response.status != 304 && response.status >= 200
        if bodyAllowed {
            out.append(contentsOf: "Content-Length: ".utf8)
            out.append(contentsOf: String(response.body.count).utf8)
            out.append(contentsOf: "\r\n".utf8)
        }
        out.append(contentsOf: (keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n").utf8)
        if bodyAllowed, !omitBody { out.append(contentsOf: response.body) }
        return out
    }

    /// The reason phrase of a status.
    static func reason(_ status: Int) -> String {
        switch status {
        case 100: return "Continue"
        case 200: return "OK"
        case 201: return "Created"
        case 202: return "Accepted"
        case 204: return "No Content"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 402: return "Payment Required"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 409: return "Conflict"
        case 411: return "Length Required"
        case 413: return "Content Too Large"
        case 429: return "Too Many Requests"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Status \(status)"
        }
    }

    /// A protocol-level refusal as the error envelope, closing the connection.
    ///
    /// - Parameters:
    ///   - status: `400`, `411`, `413` or `431`.
    ///   - message: What was wrong.
    /// - Returns: The bytes to send.
    static func refusal(_ status: Int, _ message: String) -> [UInt8] {
        let code: String
        switch status {
        case 411: code = "length_required"
        case 413: code = "payload_too_large"
        case 431: code = "header_too_large"
        default: code = "invalid_payload"
        }
        let requestID = EmulatorIDs.request()
        let failure = EmulatorFailure(status: status, code: code, message: message)
        return encode(EmulatorResponses.failure(failure, requestID: requestID), keepAlive: false)
    }
}
