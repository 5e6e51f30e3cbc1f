import VerneCore

/// An API error the emulator answers with the documented envelope.
struct EmulatorFailure: Error, Sendable {
    /// The status code.
    var status: Int
    /// The error code, for example `invalid_payload`.
    var code: String
    /// The sentence for `error.message`.
    var message: String
    /// Extra members of `error`.
    var details: [String: JSONValue] = [:]
    /// Extra header fields, such as `Retry-After`.
    var headers: [(String, String)] = []

    /// `400 invalid_payload`.
    static func invalidPayload(_ message: String) -> EmulatorFailure {
        EmulatorFailure(status: 400, code: "invalid_payload", message: message)
    }

    /// `401 unauthorized`.
    static func unauthorized(_ message: String) -> EmulatorFailure {
        EmulatorFailure(status: 401, code: "unauthorized", message: message)
    }

    /// `403 forbidden`.
    static func forbidden(_ message: String) -> EmulatorFailure {
        EmulatorFailure(status: 403, code: "forbidden", message: message)
    }

    /// `404 not_found`.
    static func notFound(_ message: String) -> EmulatorFailure {
        EmulatorFailure(status: 404, code: "not_found", message: message)
    }

    /// `409 conflict`.
    static func conflict(_ message: String) -> EmulatorFailure {
        EmulatorFailure(status: 409, code: "conflict", message: message)
    }

    /// The conventional code of a status the emulator is told to answer.
    static func code(forStatus status: Int) -> String {
        switch status {
        case 400: return "invalid_payload"
        case 401: return "unauthorized"
        case 402: return "payment_required"
        case 403: return "forbidden"
        case 404: return "not_found"
        case 409: return "conflict"
        case 429: return "rate_limited"
        case 502, 503, 504: return "upstream_unavailable"
        default: return status >= 500 ? "internal_error" : "unknown"
        }
    }

    /// The envelope `{"error": {"code", "message", "request_id", …details}}`.
    func envelope(requestID: String) -> JSONValue {
        var error = details
        error["code"] = .string(code)
        error["message"] = .string(message)
        error["request_id"] = .string(requestID)
        return .object(["error": .object(error)])
    }
}
