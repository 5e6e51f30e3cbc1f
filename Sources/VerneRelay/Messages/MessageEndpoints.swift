import VerneCore

/// `POST /v1/relay/messages`: send one event.
///
/// Always carries an idempotency key, so it is safe to repeat: a repeat returns the
/// original message instead of creating a second one.
public struct SendMessageEndpoint: Endpoint {
    /// The answer: the accepted message.
    public typealias Response = Message

    struct Body: Encodable, Sendable {
        var eventType: String
        var payload: JSONValue
        var idempotencyKey: String
        var channels: [String]?

        enum CodingKeys: String, CodingKey {
            case eventType = "event_type"
            case payload
            case idempotencyKey = "idempotency_key"
            case channels
        }

        /// The same JSON as `encode(to:)` writes, as a value the SDK writes out directly.
        var json: JSONValue {
            var object: [String: JSONValue] = [
                "event_type": .string(eventType),
                "payload": payload,
                "idempotency_key": .string(idempotencyKey),
            ]
            if let channels { object["channels"] = .array(channels.map(JSONValue.string)) }
            return .object(object)
        }
    }

    let content: Body

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - eventType: The event type; must not be empty.
    ///   - payload: The payload; must be a JSON object.
    ///   - idempotencyKey: The key that makes repeats harmless; must not be empty.
    ///   - channels: The channels to restrict delivery to, or `nil` for every endpoint.
    /// - Throws: ``VerneInvalidRequestError`` when an argument makes the send impossible.
    public init(
        eventType: String, payload: JSONValue, idempotencyKey: String, channels: [String]?
    ) throws {
        guard !eventType.isEmpty else {
            throw VerneInvalidRequestError(argument: "eventType", message: "must not be empty")
        }
        guard payload.objectValue != nil else {
            throw VerneInvalidRequestError(
                argument: "payload", message: "must be a JSON object, such as [\"id\": \"usr_123\"]")
        }
        guard !idempotencyKey.isEmpty else {
            throw VerneInvalidRequestError(
                argument: "idempotencyKey", message: "must not be empty")
        }
        content = Body(
            eventType: eventType, payload: payload, idempotencyKey: idempotencyKey,
            channels: channels)
    }

    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `/v1/relay/messages`.
    public var path: EndpointPath { EndpointPath("/v1/relay/messages") }
    /// The event, payload, idempotency key and channels.
    ///
    /// Sent as a ``JSONValue``: the bytes are those of the `Encodable` body, written without
    /// going through an `Encoder`, which is most of the cost of preparing a send.
    public var body: RequestBody? { RequestBody(content.json) }
    /// Safe: the idempotency key makes a repeat return the original message.
    public var repeatability: Repeatability { .safe }
}

/// `GET /v1/relay/messages`: one page of sent events, newest first.
public struct ListMessagesEndpoint: Endpoint {
    /// The answer: a page of messages.
    public typealias Response = Page<Message>

    let limit: Int
    let cursor: String?
    let eventType: String?

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - limit: Page size, from 1; the service clamps it to 100.
    ///   - cursor: The previous page's `nextCursor`, or `nil` for the first page.
    ///   - eventType: Only messages of this type, or `nil` for all.
    /// - Throws: ``VerneInvalidRequestError`` when `limit` is below 1.
    public init(limit: Int, cursor: String?, eventType: String?) throws {
        guard limit >= 1 else {
            throw VerneInvalidRequestError(argument: "limit", message: "must be at least 1")
        }
        self.limit = limit
        self.cursor = cursor
        self.eventType = eventType
    }

    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `/v1/relay/messages`.
    public var path: EndpointPath { EndpointPath("/v1/relay/messages") }

    /// `limit`, then `cursor` and `event_type` when given.
    public var query: QueryItems {
        var items = QueryItems()
        items.add("limit", limit)
        items.add("cursor", cursor)
        items.add("event_type", eventType)
        return items
    }
}
