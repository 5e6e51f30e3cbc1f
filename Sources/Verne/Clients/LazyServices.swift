import VerneCore

/// The service clients of an umbrella client, each made on first use and then kept.
final class LazyServices<RelayClient: Sendable, GateClient: Sendable>: Sendable {
    let keys: ServiceKeys
    private let makeRelay: @Sendable (String) -> RelayClient
    private let makeGate: @Sendable (String) -> GateClient
    private let made = LockedValue<(relay: RelayClient?, gate: GateClient?)>((nil, nil))

    init(
        keys: ServiceKeys, relay: @escaping @Sendable (String) -> RelayClient,
        gate: @escaping @Sendable (String) -> GateClient
    ) {
        self.keys = keys
        makeRelay = relay
        makeGate = gate
    }

    func relay() throws -> RelayClient {
        if let relay = made.withLock({ $0.relay }) { return relay }

        let relay = makeRelay(try keys.key(for: "Relay", override: keys.relay))
        return made.withLock { made in
            if let existing = made.relay { return existing }
            made.relay = relay
            return relay
        }
    }

    func gate() throws -> GateClient {
        if let gate = made.withLock({ $0.gate }) { return gate }

        let gate = makeGate(try keys.key(for: "Gate", override: keys.gate))
        return made.withLock { made in
            if let existing = made.gate { return existing }
            made.gate = gate
            return gate
        }
    }

    /// Which keys are set, never their values.
    var keySummary: String {
        "sharedKey: \(keys.shared != nil), relayKey: \(keys.relay != nil), "
            + "gateKey: \(keys.gate != nil)"
    }
}
