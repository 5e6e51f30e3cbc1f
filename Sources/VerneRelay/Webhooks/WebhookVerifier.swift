import Foundation
import VerneCore

/// Checks the signatures of webhook deliveries, per Standard Webhooks (the scheme of
/// Svix-based senders such as Relay).
///
/// A delivery carries `webhook-id`, `webhook-timestamp` and `webhook-signature` (or the
/// same headers named `svix-…`). The signature is HMAC-SHA256, keyed with the endpoint's
/// secret, over `<id>.<timestamp>.<body>`: pass the body exactly as received, before any
/// JSON decoding. The header may list several space-separated `v1,<base64>` signatures
/// (during a secret rotation); one match is enough. Signatures are compared in constant
/// time, and the timestamp must be within ``tolerance`` of now, both ways, which stops
/// replays.
///
/// ```swift
/// let verifier = try WebhookVerifier(secret: environment["RELAY_WEBHOOK_SECRET"]!)
/// let delivery = try verifier.verify(payload: body, headers: headers)
/// let event = try delivery.decodePayload()
/// ```
///
/// Printing a verifier never shows its secret.
public struct WebhookVerifier: Sendable {
    /// How far a timestamp may be from now, in either direction; 5 minutes by default.
    public let tolerance: Duration

    private let key: [UInt8]
    private let now: @Sendable () -> Date

    /// Creates a verifier for one endpoint's secret.
    ///
    /// - Parameters:
    ///   - secret: The endpoint's signing secret: base64, with or without the `whsec_`
    ///     prefix.
    ///   - tolerance: How far a timestamp may be from now; 5 minutes by default.
    ///   - now: The clock; the system's by default. Tests inject a fixed time.
    /// - Throws: ``WebhookVerificationError`` with
    ///   ``WebhookVerificationError/Reason/invalidSecret`` when the secret is empty or not
    ///   base64.
    public init(
        secret: String, tolerance: Duration = .seconds(300),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        var encoded = Substring(secret)
        if encoded.hasPrefix("whsec_") { encoded = encoded.dropFirst("whsec_".count) }
        guard let key = Self.decodeBase64(encoded), !key.isEmpty else {
            throw WebhookVerificationError(
                reason: .invalidSecret,
                message: "The webhook secret must be base64, optionally after \"whsec_\".")
        }
        self.key = key
        self.tolerance = tolerance
        self.now = now
    }

    /// Checks a delivery.
    ///
    /// - Parameters:
    ///   - payload: The request body exactly as received.
    ///   - headers: The request headers; names are matched without regard to case.
    /// - Returns: The delivery's ID, timestamp and body.
    /// - Throws: ``WebhookVerificationError`` saying why the delivery must be refused.
    public func verify(payload: Data, headers: HTTPHeaders) throws -> VerifiedWebhook {
        let id = try Self.header("id", in: headers)
        let timestampText = try Self.header("timestamp", in: headers)
        let signatures = try Self.header("signature", in: headers)

        let timestamp = try checkTimestamp(timestampText)

        let expected = authenticationCode(id: id, timestamp: timestampText, payload: payload)
        guard Self.anySignature(in: signatures, matches: expected) else {
            throw WebhookVerificationError(
                reason: .noMatchingSignature,
                message: "No v1 signature in the signature header matches the payload.")
        }
        return VerifiedWebhook(id: id, timestamp: timestamp, payload: payload)
    }

    /// Signs a delivery the way a sender does, to test a receiver.
    ///
    /// - Parameters:
    ///   - id: The message ID.
    ///   - timestamp: The signing time; whole seconds are used.
    ///   - payload: The body.
    /// - Returns: The `webhook-signature` value, `v1,<base64>`.
    public func sign(id: String, timestamp: Date, payload: Data) -> String {
        let seconds = String(Int64(timestamp.timeIntervalSince1970.rounded(.down)))
        let code = authenticationCode(id: id, timestamp: seconds, payload: payload)
        return "v1," + Data(code).base64EncodedString()
    }

    /// The three headers of a signed delivery, to test a receiver.
    ///
    /// - Parameters:
    ///   - id: The message ID.
    ///   - timestamp: The signing time; whole seconds are used.
    ///   - payload: The body.
    /// - Returns: `webhook-id`, `webhook-timestamp` and `webhook-signature`.
    public func signedHeaders(id: String, timestamp: Date, payload: Data) -> HTTPHeaders {
        [
            "webhook-id": id,
            "webhook-timestamp": String(Int64(timestamp.timeIntervalSince1970.rounded(.down))),
            "webhook-signature": sign(id: id, timestamp: timestamp, payload: payload),
        ]
    }

    private func authenticationCode(id: String, timestamp: String, payload: Data) -> [UInt8] {
        var content = Data("\(id).\(timestamp).".utf8)
        content.append(payload)
        return HMACSHA256.authenticationCode(for: content, key: key)
    }

    /// Parses the timestamp and checks it against the tolerance.
    private func checkTimestamp(_ text: String) throws -> Date {
        guard !text.isEmpty, text.utf8.count <= 15,
            text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let seconds = Int64(text)
        else {
            throw WebhookVerificationError(
                reason: .invalidTimestamp,
                message: "The timestamp header is not whole seconds since 1970.")
        }

        let timestamp = Date(timeIntervalSince1970: TimeInterval(seconds))
        let offset = timestamp.timeIntervalSince(now())
        let limit = tolerance.seconds
        if offset < -limit {
            throw WebhookVerificationError(
                reason: .timestampTooOld,
                message: "The delivery was signed too long ago; it may be a replay.")
        }
        if offset > limit {
            throw WebhookVerificationError(
                reason: .timestampTooNew, message: "The delivery's timestamp is in the future.")
        }
        return timestamp
    }

    /// A header by its Standard Webhooks name, or its Svix twin.
    private static func header(_ suffix: String, in headers: HTTPHeaders) throws -> String {
        guard let value = headers["webhook-" + suffix] ?? headers["svix-" + suffix],
            !value.isEmpty
        else {
            throw WebhookVerificationError(
                reason: .missingHeader, message: "The webhook-\(suffix) header is missing.")
        }
        return value
    }

    /// Whether any `v1` entry of a signature header matches; every entry is looked at.
    private static func anySignature(in header: String, matches expected: [UInt8]) -> Bool {
        var matched = false
        for entry in header.split(separator: " ", omittingEmptySubsequences: true) {
            guard let comma = entry.firstIndex(of: ","), entry[..<comma] == "v1",
                let signature = decodeBase64(entry[entry.index(after: comma)...])
            else { continue }
            if ConstantTime.equals(signature, expected) { matched = true }
        }
        return matched
    }

    /// Standard base64, padding optional.
    private static func decodeBase64(_ text: Substring) -> [UInt8]? {
        var padded = String(text)
        guard !padded.contains("=") || padded.count % 4 == 0 else { return nil }
        padded += String(repeating: "=", count: (4 - padded.count % 4) % 4)
        return Data(base64Encoded: padded).map { [UInt8]($0) }
    }
}

extension WebhookVerifier: CustomStringConvertible {
    /// The tolerance; never the secret.
    public var description: String {
        "WebhookVerifier(secret: <redacted>, tolerance: \(tolerance))"
    }
}

extension WebhookVerifier: CustomReflectable {
    /// A mirror that hides the secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["secret": "<redacted>", "tolerance": tolerance])
    }
}
