import Foundation
import VerneCore
import VerneGate
import VerneRelay

/// One client for every Nautilus service this SDK covers, for blocking code.
///
/// Give it one API key for every service, or a key per service (a per-service key
/// overrides the shared one for that service). Each service client is made on first use;
/// all of them share one transport, so connections are reused across services.
///
/// ```swift
/// let verne = Verne(apiKey: key)
/// try verne.relay.messages.send(eventType: "user.created", payload: ["id": "usr_123"])
/// ```
public final class Verne: Sendable {
    private let services: LazyServices<Relay, Gate>
    private let configuration: VerneConfiguration

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - apiKey: A key for every service its scopes allow (`vrn_…`).
    ///   - relayKey: A key for Relay alone, overriding `apiKey`.
    ///   - gateKey: A key for Gate alone, overriding `apiKey`.
    ///   - configuration: Base URL, timeouts, retries, logging.
    ///   - transport: How requests are sent; a new ``URLSessionTransport`` by default.
    public init(
        apiKey: String? = nil, relayKey: String? = nil, gateKey: String? = nil,
        configuration: VerneConfiguration = VerneConfiguration(),
        transport: any BlockingTransport = URLSessionTransport()
    ) {
        self.configuration = configuration
        services = LazyServices(
            keys: ServiceKeys(shared: apiKey, relay: relayKey, gate: gateKey, client: "Verne"),
            relay: { Relay(apiKey: $0, configuration: configuration, transport: transport) },
            gate: { Gate(apiKey: $0, configuration: configuration, transport: transport) })
    }

    /// Creates a client from `VERNE_API_KEY`, `VERNE_RELAY_KEY`, `VERNE_GATE_KEY` and
    /// `VERNE_BASE_URL`.
    ///
    /// - Parameters:
    ///   - environment: The variables; the process environment by default.
    ///   - configuration: Settings the environment does not give.
    ///   - transport: How requests are sent.
    /// - Throws: ``VerneConfigurationError`` when `VERNE_BASE_URL` is not acceptable.
    public convenience init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        configuration: VerneConfiguration = VerneConfiguration(),
        transport: any BlockingTransport = URLSessionTransport()
    ) throws {
        let keys = ServiceKeys.environment(client: "Verne", environment)
        self.init(
            apiKey: keys.shared, relayKey: keys.relay, gateKey: keys.gate,
            configuration: try .applying(environment, to: configuration), transport: transport)
    }

    /// The Relay client, made on first use.
    ///
    /// - Throws: ``VerneConfigurationError`` when no key for Relay was given.
    public var relay: Relay {
        get throws { try services.relay() }
    }

    /// The Gate client, made on first use.
    ///
    /// - Throws: ``VerneConfigurationError`` when no key for Gate was given.
    public var gate: Gate {
        get throws { try services.gate() }
    }
}

extension Verne: CustomStringConvertible {
    /// The base URL and which keys are set; never a key.
    public var description: String {
        "Verne(baseURL: \(configuration.baseURL), \(services.keySummary))"
    }
}
