import Foundation

/// An answer arrived but could not be read as the operation's result.
public struct VerneResponseError: VerneError {
    /// The HTTP status of the answer.
    public var status: Int
    /// What was wrong with it.
    public var reason: String
    /// The body exactly as received.
    public var rawBody: Data
    /// The request ID from the response headers, if any.
    public var requestID: String?

    /// Creates a response error.
    ///
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - reason: What was wrong with the answer.
    ///   - rawBody: The body as received.
    ///   - requestID: The request ID, if any.
    public init(status: Int, reason: String, rawBody: Data, requestID: String? = nil) {
        self.status = status
        self.reason = Redactor.redact(reason)
        self.rawBody = rawBody
        self.requestID = requestID
    }

    /// The status and reason in one line.
    public var description: String {
        "Verne response error: HTTP \(status) answer could not be read (\(reason))"
    }
}
