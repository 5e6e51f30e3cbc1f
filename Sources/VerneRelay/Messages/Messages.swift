import VerneCore

/// Relay's messages, for blocking code: send events and list what was sent.
///
/// Every method blocks the calling thread until the answer arrives; from async code use
/// ``AsyncMessages`` instead.
public struct Messages: Sendable {
    let engine: BlockingEngine

    /// Sends an event to every endpoint subscribed to its type.
    ///
    /// The call carries an idempotency key: yours, or one the SDK makes once for this call.
    /// Every retry reuses it, so an answer lost on the way never turns into a second event.
    ///
    /// - Parameters:
    ///   - eventType: The event type, for example `user.created`.
    ///   - payload: The event's data; a JSON object.
    ///   - idempotencyKey: Your key for this event.
    ///   - channels: Deliver only to endpoints subscribed to these channels.
    /// - Returns: The accepted message.
    /// - Throws: ``VerneInvalidRequestError`` before sending when an argument is unusable;
    ///   ``VerneAPIError`` and other ``VerneError``s.
    @discardableResult
    @available(*, noasync, message: "Use AsyncRelay from async code")
    public func send(
        eventType: String, payload: JSONValue, idempotencyKey: String? = nil,
        channels: [String]? = nil
    ) throws -> Message {
        let endpoint = try SendMessageEndpoint(
            eventType: eventType, payload: payload,
            idempotencyKey: idempotencyKey ?? engine.context.configuration.idempotencyKeys.next(),
            channels: channels)
        return try engine.run(endpoint)
    }

    /// Sends an event whose payload is any `Encodable` value that encodes to an object.
    ///
    /// - Parameters:
    ///   - eventType: The event type.
    ///   - payload: The event's data.
    ///   - idempotencyKey: Your key for this event.
    ///   - channels: Deliver only to endpoints subscribed to these channels.
    /// - Returns: The accepted message.
    /// - Throws: ``VerneInvalidRequestError`` when the payload is not an object, or a
    ///   ``VerneError`` from the call.
    @discardableResult
    @available(*, noasync, message: "Use AsyncRelay from async code")
    public func send<Payload: Encodable & Sendable>(
        eventType: String, payload: Payload, idempotencyKey: String? = nil,
        channels: [String]? = nil
    ) throws -> Message {
        try send(
            eventType: eventType, payload: try MessagePayload.json(payload),
            idempotencyKey: idempotencyKey, channels: channels)
    }

    /// Lists sent events, newest first, one page at a time.
    ///
    /// - Parameters:
    ///   - limit: Page size; 20 by default, at most 100.
    ///   - cursor: The previous page's ``Page/nextCursor``, or `nil` for the first page.
    ///   - eventType: Only events of this type.
    /// - Returns: One page.
    /// - Throws: A ``VerneError``.
    @available(*, noasync, message: "Use AsyncRelay from async code")
    public func list(
        limit: Int = 20, cursor: String? = nil, eventType: String? = nil
    ) throws
        -> Page<Message>
    {
        try engine.run(ListMessagesEndpoint(limit: limit, cursor: cursor, eventType: eventType))
    }

    /// Every sent event, newest first, fetched page by page as you iterate.
    ///
    /// - Parameters:
    ///   - eventType: Only events of this type.
    ///   - pageSize: Items per request; 100 by default.
    /// - Returns: The items.
    public func all(eventType: String? = nil, pageSize: Int = 100) -> BlockingPages<Message> {
        let engine = engine
        return BlockingPages { cursor in
            try engine.run(
                ListMessagesEndpoint(limit: pageSize, cursor: cursor, eventType: eventType))
        }
    }
}
