import Foundation
import VerneCore

/// `POST` and `GET /v1/relay/messages`.
enum RelayMessageRoutes: EmulatorRouteGroup {
    /// The page size when `limit` is left out.
    static let defaultLimit = 20
    /// The largest page; a larger `limit` is clamped to it.
    static let maximumLimit = 100

    static func register(in router: inout EmulatorRouter) {
        router.add("POST", "/v1/relay/messages", access: .apiKey(.relay), handler: send)
        router.add("GET", "/v1/relay/messages", access: .apiKey(.relay), handler: list)
    }

    private static func send(_ call: RouteCall, _ state: inout EmulatorState) throws -> EmulatorReply {
        let body = try call.objectBody()
        let eventType = try Field.requiredString(body, "event_type")
        guard let payload = body["payload"], !payload.isNull else {
            throw EmulatorFailure.invalidPayload("Field 'payload' is required.")
        }
        guard payload.objectValue != nil else {
            throw EmulatorFailure.invalidPayload("Field 'payload' must be a JSON object.")
        }
        let idempotencyKey = try Field.optionalString(body, "idempotency_key")
        let channels = try Field.optionalStrings(body, "channels")

        let message = state.withTenant(call.tenantID) { tenant -> StoredMessage in
            if let idempotencyKey, let record = tenant.relay.idempotency[idempotencyKey],
                call.now.timeIntervalSince(record.createdAt) < RelayState.idempotencyWindow
            {
                let index = tenant.relay.firstIndex(atLeast: record.sequence)
                if index < tenant.relay.messages.count {
                    return tenant.relay.messages[index]
                }
            }

            let message = StoredMessage(
                sequence: tenant.relay.nextSequence, id: EmulatorIDs.make("msg_"),
                eventType: eventType, payload: payload, channels: channels,
                idempotencyKey: idempotencyKey, createdAt: call.now,
                timestamp: EmulatorTime.relay(call.now))
            tenant.relay.nextSequence += 1
            tenant.relay.messages.append(message)
            if let idempotencyKey {
                tenant.relay.idempotency[idempotencyKey] = IdempotencyRecord(
                    sequence: message.sequence, createdAt: call.now)
            }
            return message
        }
        return EmulatorReply(status: 202, json: message.wire)
    }

    private static func list(_ call: RouteCall, _ state: inout EmulatorState) throws -> EmulatorReply {
        let query = call.query
        let limit = try pageLimit(query["limit"])
        let eventType = query["event_type"].flatMap { $0.isEmpty ? nil : $0 }
        let before = try query["cursor"].flatMap { $0.isEmpty ? nil : try MessageCursor.decode($0) }

        let relay = state.tenants[call.tenantID]?.relay ?? RelayState()
        var index = before.map { relay.firstIndex(atLeast: $0) } ?? relay.messages.count
        var page: [StoredMessage] = []
        var hasMore = false
        while index > 0 {
            index -= 1
            let message = relay.messages[index]
            if let eventType, message.eventType != eventType { continue }
            if page.count == limit {
                hasMore = true
                break
            }
            page.append(message)
        }

        let nextCursor: JSONValue =
            hasMore ? .string(MessageCursor.encode(after: page[page.count - 1].sequence)) : .null
        return .ok([
            "data": .array(page.map(\.wire)), "has_more": .bool(hasMore), "next_cursor": nextCursor,
        ])
    }

    /// Reads `limit`: 20 when absent, clamped to 100, at least 1.
    ///
    /// - Parameter text: The query value.
    /// - Returns: The page size.
    /// - Throws: `400 invalid_payload` when it is not a whole number of at least 1.
    static func pageLimit(_ text: String?) throws -> Int {
        guard let text, !text.isEmpty else { return defaultLimit }
        let digitsOnly = text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard digitsOnly else {
            throw EmulatorFailure.invalidPayload("'limit' must be a whole number of at least 1.")
        }
        guard let value = Int(text) else { return maximumLimit }
        guard value >= 1 else {
            throw EmulatorFailure.invalidPayload("'limit' must be a whole number of at least 1.")
        }
        return min(value, maximumLimit)
    }
}
