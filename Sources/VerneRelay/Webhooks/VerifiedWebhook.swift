import Foundation
import VerneCore

/// A webhook delivery whose signature and timestamp checked out.
public struct VerifiedWebhook: Sendable, Hashable {
    /// The message ID from `webhook-id`; use it to ignore a delivery seen before.
    public var id: String
    /// When the sender signed the delivery, from `webhook-timestamp`.
    public var timestamp: Date
    /// The body exactly as received.
    public var payload: Data

    /// Creates a verified delivery.
    ///
    /// - Parameters:
    ///   - id: The message ID.
    ///   - timestamp: The signing time.
    ///   - payload: The body.
    public init(id: String, timestamp: Date, payload: Data) {
        self.id = id
        self.timestamp = timestamp
        self.payload = payload
    }

    /// Decodes the body as JSON.
    ///
    /// - Parameter type: The type to decode, for example ``JSONValue``.
    /// - Returns: The decoded body.
    /// - Throws: `DecodingError` when the body is not JSON of that shape.
    public func decodePayload<T: Decodable>(as type: T.Type = JSONValue.self) throws -> T {
        try JSONDecoder().decode(type, from: payload)
    }
}
