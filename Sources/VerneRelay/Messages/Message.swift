import Foundation
import VerneCore

/// An event Relay accepted for delivery.
///
/// ``status`` is always ``Status/accepted``: it records that Relay took the event, not
/// what each subscribed endpoint did with it afterwards.
public struct Message: Sendable, Hashable, Codable, Identifiable {
    /// Relay's status for a message; an open set.
    public struct Status: WireString {
        /// The status as the service wrote it.
        public let rawValue: String

        /// Creates a status.
        ///
        /// - Parameter rawValue: Its wire form.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Relay took the event.
        public static let accepted = Status(rawValue: "accepted")
    }

    /// The message ID, for example `msg_2hV9kLmNpQ`.
    public var id: String
    /// The event type, for example `user.created`.
    public var eventType: String
    /// Always ``Status/accepted``.
    public var status: Status
    /// When Relay accepted the event.
    public var timestamp: Date

    /// Creates a message.
    ///
    /// - Parameters:
    ///   - id: The message ID.
    ///   - eventType: The event type.
    ///   - status: The status.
    ///   - timestamp: When Relay accepted it.
    public init(id: String, eventType: String, status: Status, timestamp: Date) {
        self.id = id
        self.eventType = eventType
        self.status = status
        self.timestamp = timestamp
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case eventType = "event_type"
        case status
        case timestamp
    }
}

extension Message: JSONObjectDecodable {
    /// Reads a message without a `Decoder`: every send decodes one.
    ///
    /// - Parameter object: The answer's members.
    package init?(reading object: JSONObjectReader) {
        guard let id = object.string("id"), let eventType = object.string("event_type"),
            let status = object.string("status"), let timestamp = object.date("timestamp")
        else { return nil }

        self.init(
            id: id, eventType: eventType, status: Status(rawValue: status), timestamp: timestamp)
    }
}
