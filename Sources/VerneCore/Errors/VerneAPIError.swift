import Foundation

/// The service answered a request with an error status.
///
/// Branch on ``status`` and ``code``. Codes are an open set of strings: compare with the
/// static members of ``Code`` you handle and treat the rest by status.
///
/// ```swift
/// do {
///     try await relay.messages.send(eventType: "ping", payload: [:])
/// } catch let error as VerneAPIError where error.code == .rateLimited {
///     print("slow down; retry after \(error.retryAfter ?? .seconds(1))")
/// }
/// ```
public struct VerneAPIError: VerneError {
    /// The HTTP status, for example `400`.
    public var status: Int
    /// The machine-readable code; ``Code/unknown`` when the body had none.
    public var code: Code
    /// A sentence that explains the failure.
    public var message: String
    /// The request ID to quote to support, when the answer carried one.
    public var requestID: String?
    /// The members of the error envelope other than `code`, `message` and `request_id`,
    /// for example `required_aal` on `403 mfa_required` or `limit` on a `402`.
    public var details: [String: JSONValue]
    /// How long the service asked the caller to wait, from `Retry-After`.
    public var retryAfter: Duration?
    /// The rate-limit figures the answer carried, if any.
    public var rateLimit: RateLimit?
    /// The response body exactly as received, for diagnosis.
    public var rawBody: Data
    /// How many attempts the client made before giving up; `1` when it did not retry.
    public var attempts: Int

    /// Creates an API error.
    ///
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - code: The machine-readable code.
    ///   - message: A sentence that explains the failure.
    ///   - requestID: The request ID, if any.
    ///   - details: Extra members of the error envelope.
    ///   - retryAfter: The wait the service asked for, if any.
    ///   - rateLimit: Rate-limit figures, if any.
    ///   - rawBody: The body as received.
    ///   - attempts: How many attempts were made.
    public init(
        status: Int, code: Code, message: String, requestID: String? = nil,
        details: [String: JSONValue] = [:], retryAfter: Duration? = nil,
        rateLimit: RateLimit? = nil, rawBody: Data = Data(), attempts: Int = 1
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.requestID = requestID
        self.details = details
        self.retryAfter = retryAfter
        self.rateLimit = rateLimit
        self.rawBody = rawBody
        self.attempts = attempts
    }

    /// The status, code, message and request ID in one line.
    public var description: String {
        var text = "Verne API error \(status) \(code.rawValue): \(Redactor.redact(message))"
        if let requestID { text += " (request ID \(requestID))" }
        if attempts > 1 { text += " after \(attempts) attempts" }
        return text
    }
}

extension VerneAPIError {
    /// A machine-readable error code; an open set, so new codes never break a `switch`.
    public struct Code: WireString {
        /// The code as the service wrote it.
        public let rawValue: String

        /// Creates a code from its wire form.
        ///
        /// - Parameter rawValue: The code, for example `invalid_payload`.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The body did not carry a code in the documented shape.
        public static let unknown: Code = "unknown"
        /// `400`: the request was malformed; the message says what.
        public static let invalidPayload: Code = "invalid_payload"
        /// `401`: no key, a revoked or invalid key, or a dead session.
        public static let unauthorized: Code = "unauthorized"
        /// `403`: the key lacks the scope, or the thing is not yours.
        public static let forbidden: Code = "forbidden"
        /// `403`: the feature is outside the plan.
        public static let planRequired: Code = "plan_required"
        /// `403`: the session owes a second factor; see ``VerneAPIError/requiredAAL``.
        public static let mfaRequired: Code = "mfa_required"
        /// `403`: the account is disabled.
        public static let accountDisabled: Code = "account_disabled"
        /// `404`: no such thing in the key's project.
        public static let notFound: Code = "not_found"
        /// `409`: already exists, or still in use.
        public static let conflict: Code = "conflict"
        /// `409`: a cap was reached.
        public static let limitReached: Code = "limit_reached"
        /// `429`: too many requests; wait ``VerneAPIError/retryAfter``.
        public static let rateLimited: Code = "rate_limited"
        /// `429`: Relay's monthly quota is spent; waiting a few seconds will not lift it.
        public static let relayMessageLimitReached: Code = "RELAY_MESSAGE_LIMIT_REACHED"
        /// `402`: the plan's active-user limit is reached.
        public static let activeUserLimitReached: Code = "ACTIVE_USER_LIMIT_REACHED"
        /// `402`: an upgrade is required.
        public static let upgradeRequired: Code = "UPGRADE_REQUIRED"
        /// `402`: billing is blocked.
        public static let billingHardBlocked: Code = "BILLING_HARD_BLOCKED"
        /// `402`: the subscription is past due.
        public static let subscriptionPastDue: Code = "SUBSCRIPTION_PAST_DUE"
        /// `402`: payment is required.
        public static let paymentRequired: Code = "payment_required"
        /// `5xx`: a service the API depends on is unavailable.
        public static let upstreamUnavailable: Code = "upstream_unavailable"
        /// `5xx`: the service failed.
        public static let internalError: Code = "internal_error"
    }

    /// The assurance level the service requires, from `details.required_aal` on
    /// `403 mfa_required`, for example `aal2`.
    public var requiredAAL: String? { details["required_aal"]?.stringValue }

    /// The assurance level the session has, from `details.current_aal`, when given.
    public var currentAAL: String? { details["current_aal"]?.stringValue }
}
