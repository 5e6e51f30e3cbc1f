import Foundation
import VerneCore

/// The keys of an umbrella client: one shared key, and per-service keys that override it.
struct ServiceKeys: Sendable {
    let shared: String?
    let relay: String?
    let gate: String?
    let client: String

    /// The key for a service, or a configuration error naming the service and the fix.
    func key(for service: String, override: String?) throws -> String {
        guard let key = override ?? shared, !key.isEmpty else {
            throw VerneConfigurationError(
                "No API key for \(service). Pass apiKey: \"vrn_…\" to \(client)(…), or "
                    + "\(service.lowercased())Key: \"vrn_…\" to use a separate key for \(service).")
        }
        return key
    }

    /// Keys read from `VERNE_API_KEY`, `VERNE_RELAY_KEY` and `VERNE_GATE_KEY`.
    static func environment(client: String, _ environment: [String: String]) -> ServiceKeys {
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        return ServiceKeys(
            shared: value("VERNE_API_KEY"), relay: value("VERNE_RELAY_KEY"),
            gate: value("VERNE_GATE_KEY"), client: client)
    }
}

extension VerneConfiguration {
    /// The configuration with `VERNE_BASE_URL` applied when it is set.
    static func applying(
        _ environment: [String: String], to base: VerneConfiguration
    ) throws
        -> VerneConfiguration
    {
        var configuration = base
        if let url = environment["VERNE_BASE_URL"], !url.isEmpty {
            configuration.baseURL = try BaseURL(url)
        }
        return configuration
    }
}

extension ServiceKeys: CustomReflectable {
    /// A mirror that says which keys are set, never their values, so `dump` stays safe.
    var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "shared": shared.map { APIKey($0).description } ?? "none",
                "relay": relay.map { APIKey($0).description } ?? "none",
                "gate": gate.map { APIKey($0).description } ?? "none",
            ])
    }
}
