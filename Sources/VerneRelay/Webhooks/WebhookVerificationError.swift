import VerneCore

/// A webhook delivery failed verification, or a verifier was given an unusable secret.
///
/// Answer a failed delivery with a `4xx` and do not act on it. Neither ``message`` nor
/// ``description`` ever contains the secret or a signature.
public struct WebhookVerificationError: VerneError {
    /// Why verification failed; an open set, so new reasons never break a `switch`.
    public struct Reason: WireString {
        /// The reason's name, for example `no_matching_signature`.
        public let rawValue: String

        /// Creates a reason from its name.
        ///
        /// - Parameter rawValue: The name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A `webhook-id`, `webhook-timestamp` or `webhook-signature` header (or its
        /// `svix-` twin) is absent or empty.
        public static let missingHeader: Reason = "missing_header"
        /// The timestamp is not a whole number of seconds written in ASCII digits.
        public static let invalidTimestamp: Reason = "invalid_timestamp"
        /// The timestamp is further in the past than the tolerance: a replay or a stale
        /// delivery.
        public static let timestampTooOld: Reason = "timestamp_too_old"
        /// The timestamp is further in the future than the tolerance.
        public static let timestampTooNew: Reason = "timestamp_too_new"
        /// No `v1` signature of the header matches the payload.
        public static let noMatchingSignature: Reason = "no_matching_signature"
        /// The secret is empty or not base64 (after an optional `whsec_` prefix).
        public static let invalidSecret: Reason = "invalid_secret"
    }

    /// Why verification failed.
    public var reason: Reason
    /// A sentence that says what was wrong; never the secret.
    public var message: String

    /// Creates a webhook verification error.
    ///
    /// - Parameters:
    ///   - reason: Why verification failed.
    ///   - message: What was wrong.
    public init(reason: Reason, message: String) {
        self.reason = reason
        self.message = message
    }

    /// The reason and message in one line.
    public var description: String {
        "Verne webhook verification error \(reason.rawValue): \(message)"
    }
}
