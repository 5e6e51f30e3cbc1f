import Foundation

extension VerneAPIError {
    /// Builds an error from any response, whatever the shape of its body.
    ///
    /// The documented envelope is `{"error": {"code", "message", "request_id", …}}`. Other
    /// shapes (`{"error": "…"}`, `{"detail": …}`, `{"message": …}`, a numeric code, no
    /// JSON at all) degrade to code ``Code/unknown`` with the best message available.
    /// This never throws and never traps.
    ///
    /// - Parameters:
    ///   - response: The error response.
    ///   - now: The current time, for an HTTP-date `Retry-After`.
    /// - Returns: The error.
    package static func from(_ response: HTTPResponse, now: Date = Date()) -> VerneAPIError {
        let body = try? JSONCoding.decoder.decode(JSONValue.self, from: response.body)
        let envelope = body?["error"]?.objectValue

        var details: [String: JSONValue] = [:]
        for (key, value) in envelope ?? [:] where !["code", "message", "request_id"].contains(key) {
            details[key] = value
        }

        let requestID =
            envelope?["request_id"]?.stringValue ?? response.headers["X-Request-ID"]
        return VerneAPIError(
            status: response.status,
            code: envelope?["code"]?.stringValue.map(Code.init(rawValue:)) ?? .unknown,
            message: message(in: body, status: response.status),
            requestID: requestID,
            details: details,
            retryAfter: RetryAfter.parse(response.headers, now: now),
            rateLimit: RateLimit(headers: response.headers),
            rawBody: response.body
        )
    }

    /// The most useful sentence in an error body, or `HTTP <status>`; blank sentences are
    /// passed over, so a message is never empty.
    private static func message(in body: JSONValue?, status: Int) -> String {
        func sentence(_ value: JSONValue?) -> String? {
            guard let text = value?.stringValue,
                !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { return nil }
            return text
        }

        if let envelope = body?["error"], let text = sentence(envelope["message"]) ?? sentence(envelope) {
            return text
        }

        if let detail = body?["detail"] {
            if let text = sentence(detail) { return text }
            let messages = (detail.arrayValue ?? []).compactMap { sentence($0["msg"]) }
            if !messages.isEmpty { return messages.joined(separator: "; ") }
        }

        return sentence(body?["message"]) ?? "HTTP \(status)"
    }
}
