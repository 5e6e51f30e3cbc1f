import VerneCore

/// The Relay client for async code: send an event once, Relay delivers it to every
/// subscribed webhook endpoint.
///
/// ```swift
/// let relay = AsyncRelay(apiKey: ProcessInfo.processInfo.environment["VERNE_API_KEY"]!)
/// try await relay.messages.send(eventType: "user.created", payload: ["id": "usr_123"])
/// ```
///
/// Make one client and share it: it is `Sendable`, and it keeps its connections open.
public struct AsyncRelay: Sendable {
    let engine: AsyncEngine

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - apiKey: A key with the `relay` scope (`vrn_…`).
    ///   - configuration: Base URL, timeouts, retries, logging.
    ///   - transport: How requests are sent; a new ``URLSessionTransport`` by default.
    public init(
        apiKey: String, configuration: VerneConfiguration = VerneConfiguration(),
        transport: any Transport = URLSessionTransport()
    ) {
        let context = ClientContext(
            service: "Relay", apiKey: APIKey(apiKey), configuration: configuration)
        engine = AsyncEngine(context: context, transport: transport)
    }

    /// Creates a client on an engine that another client set up.
    package init(engine: AsyncEngine) { self.engine = engine }

    /// Sending and listing events.
    public var messages: AsyncMessages { AsyncMessages(engine: engine) }

    /// This client with per-call settings; it shares the transport and connections.
    ///
    /// - Parameter options: Timeout, deadline, retry policy or extra headers.
    /// - Returns: The client view.
    public func withOptions(_ options: RequestOptions) -> AsyncRelay {
        AsyncRelay(engine: engine.with(options))
    }
}

extension AsyncRelay: CustomStringConvertible {
    /// The base URL and key hint; never the key.
    public var description: String {
        "AsyncRelay(baseURL: \(engine.context.configuration.baseURL), "
            + "apiKey: \(engine.context.apiKey?.description ?? "none"))"
    }
}
