import VerneCore

/// The Relay client for blocking code: send an event once, Relay delivers it to every
/// subscribed webhook endpoint.
///
/// Every call blocks the calling thread until its answer arrives. From async code use
/// ``AsyncRelay``.
///
/// ```swift
/// let relay = Relay(apiKey: key)
/// try relay.messages.send(eventType: "user.created", payload: ["id": "usr_123"])
/// ```
public struct Relay: Sendable {
    let engine: BlockingEngine

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - apiKey: A key with the `relay` scope (`vrn_…`).
    ///   - configuration: Base URL, timeouts, retries, logging.
    ///   - transport: A transport that can block; a new ``URLSessionTransport`` by default.
    public init(
        apiKey: String, configuration: VerneConfiguration = VerneConfiguration(),
        transport: any BlockingTransport = URLSessionTransport()
    ) {
        let context = ClientContext(
            service: "Relay", apiKey: APIKey(apiKey), configuration: configuration)
        engine = BlockingEngine(context: context, transport: transport)
    }

    /// Creates a client on an engine that another client set up.
    package init(engine: BlockingEngine) { self.engine = engine }

    /// Sending and listing events.
    public var messages: Messages { Messages(engine: engine) }

    /// This client with per-call settings; it shares the transport and connections.
    ///
    /// - Parameter options: Timeout, deadline, retry policy or extra headers.
    /// - Returns: The client view.
    public func withOptions(_ options: RequestOptions) -> Relay {
        Relay(engine: engine.with(options))
    }
}

extension Relay: CustomStringConvertible {
    /// The base URL and key hint; never the key.
    public var description: String {
        "Relay(baseURL: \(engine.context.configuration.baseURL), "
            + "apiKey: \(engine.context.apiKey?.description ?? "none"))"
    }
}
