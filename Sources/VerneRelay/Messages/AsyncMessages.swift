import VerneCore

/// Relay's messages, for async code: send events and list what was sent.
public struct AsyncMessages: Sendable {
    let engine: AsyncEngine

    /// Sends an event to every endpoint subscribed to its type.
    ///
    /// The call carries an idempotency key: yours, or one the SDK makes once for this call.
    /// Every retry reuses it, so an answer lost on the way never turns into a second event.
    /// Sending the same key again within 12 hours returns the original message.
    ///
    /// ```swift
    /// let message = try await relay.messages.send(
    ///     eventType: "user.created", payload: ["id": "usr_123"])
    /// ```
    ///
    /// - Parameters:
    ///   - eventType: The event type, for example `user.created`.
    ///   - payload: The event's data; a JSON object.
    ///   - idempotencyKey: Your key for this event, to make repeats of your own harmless.
    ///   - channels: Deliver only to endpoints subscribed to these channels.
    /// - Returns: The accepted message.
    /// - Throws: ``VerneInvalidRequestError`` before sending when an argument is unusable;
    ///   ``VerneAPIError`` (for example `429 RELAY_MESSAGE_LIMIT_REACHED`) and other
    ///   ``VerneError``s.
    @discardableResult
    public func send(
        eventType: String, payload: JSONValue, idempotencyKey: String? = nil,
        channels: [String]? = nil
    ) async throws -> Message {
        let endpoint = try SendMessageEndpoint(
            eventType: eventType, payload: payload,
            idempotencyKey: idempotencyKey ?? engine.context.configuration.idempotencyKeys.next(),
            channels: channels)
        return try await engine.run(endpoint)
    }

    /// Sends an event whose payload is any `Encodable` value that encodes to an object.
    ///
    /// - Parameters:
    ///   - eventType: The event type.
    ///   - payload: The event's data, for example a struct of your own.
    ///   - idempotencyKey: Your key for this event.
    ///   - channels: Deliver only to endpoints subscribed to these channels.
    /// - Returns: The accepted message.
    /// - Throws: ``VerneInvalidRequestError`` when the payload is not an object; otherwise
    ///   as ``send(eventType:payload:idempotencyKey:channels:)-(_,JSONValue,_,_)``.
    @discardableResult
    public func send<Payload: Encodable & Sendable>(
        eventType: String, payload: Payload, idempotencyKey: String? = nil,
        channels: [String]? = nil
    ) async throws -> Message {
        try await send(
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
    public func list(
        limit: Int = 20, cursor: String? = nil, eventType: String? = nil
    )
        async throws -> Page<Message>
    {
        try await engine.run(
            ListMessagesEndpoint(limit: limit, cursor: cursor, eventType: eventType))
    }

    /// Every sent event, newest first, fetched page by page as you iterate.
    ///
    /// - Parameters:
    ///   - eventType: Only events of this type.
    ///   - pageSize: Items per request; 100 by default.
    /// - Returns: The items as an async sequence.
    public func all(eventType: String? = nil, pageSize: Int = 100) -> PageSequence<Message> {
        let engine = engine
        return PageSequence { cursor in
            try await engine.run(
                ListMessagesEndpoint(limit: pageSize, cursor: cursor, eventType: eventType))
        }
    }
}

/// Turns a caller's payload into the JSON object Relay requires.
enum MessagePayload {
    static func json(_ payload: some Encodable & Sendable) throws -> JSONValue {
        do {
            return try JSONValue(encoding: payload)
        } catch {
            throw VerneInvalidRequestError(
                argument: "payload", message: "cannot be encoded as JSON (\(error))")
        }
    }
}
