import Foundation
import VerneCore

/// One tenant's Relay data.
struct RelayState: Sendable {
    /// Sent events, oldest first (ascending ``StoredMessage/sequence``).
    var messages: [StoredMessage] = []
    /// The message each idempotency key produced, with when it was sent.
    var idempotency: [String: IdempotencyRecord] = [:]
    /// The sequence number of the next message.
    var nextSequence = 1

    /// How long an idempotency key keeps answering with its first message.
    static let idempotencyWindow: TimeInterval = 12 * 3600

    /// The position of the first message whose sequence number is at least `sequence`.
    func firstIndex(atLeast sequence: Int) -> Int {
        var low = 0
        var high = messages.count
        while low < high {
            let middle = (low + high) / 2
            if messages[middle].sequence < sequence { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// A sent event as Relay keeps it.
struct StoredMessage: Sendable {
    /// Orders messages and backs the cursors.
    var sequence: Int
    /// `msg_…`.
    var id: String
    /// The event type.
    var eventType: String
    /// The payload object.
    var payload: JSONValue
    /// The channels given, or `nil`.
    var channels: [String]?
    /// The idempotency key given, or `nil`.
    var idempotencyKey: String?
    /// When Relay accepted it.
    var createdAt: Date
    /// `timestamp` as written on the wire.
    var timestamp: String

    /// The Message object of the wire contract.
    var wire: JSONValue {
        .object([
            "id": .string(id), "event_type": .string(eventType), "status": "accepted",
            "timestamp": .string(timestamp),
        ])
    }

    /// Everything kept, for the emulator's state dump.
    var stored: JSONValue {
        var object = wire.objectValue ?? [:]
        object["payload"] = payload
        object["channels"] = channels.map { .array($0.map(JSONValue.string)) } ?? .null
        object["idempotency_key"] = idempotencyKey.map(JSONValue.string) ?? .null
        return .object(object)
    }
}

/// Which message an idempotency key produced, and when.
struct IdempotencyRecord: Sendable {
    /// The message's sequence number.
    var sequence: Int
    /// When the key was first used.
    var createdAt: Date
}

/// Opaque list cursors: the base64url form of `m1:<sequence>`.
enum MessageCursor {
    /// The cursor that continues after (that is, older than) a message.
    static func encode(after sequence: Int) -> String {
        Data("m1:\(sequence)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The sequence number a cursor continues after.
    ///
    /// - Parameter cursor: A cursor from `next_cursor`.
    /// - Returns: The sequence number.
    /// - Throws: `400 invalid_payload` when the cursor was not made by the emulator.
    static func decode(_ cursor: String) throws -> Int {
        var text = cursor.replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text),
            let plain = String(data: data, encoding: .utf8), plain.hasPrefix("m1:"),
            let sequence = Int(plain.dropFirst(3)), sequence > 0
        else { throw EmulatorFailure.invalidPayload("Invalid cursor.") }
        return sequence
    }
}
