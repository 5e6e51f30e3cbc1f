import Foundation
import VerneCore

/// Everything the emulator remembers, guarded by its lock.
struct EmulatorState: Sendable {
    /// Each tenant's data, by tenant ID.
    var tenants: [String: TenantState] = [:]
    /// The tenant each key acts for.
    var tenantOfKey: [String: String] = [:]
    /// The tenant that owns each identity, across all tenants, so Gate can tell
    /// "another tenant's user" from "nobody's".
    var identityOwners: [String: String] = [:]
    /// The tenant that holds each session token.
    ///
    /// A call that carries only the token (`whoami`) finds its tenant here; entries of
    /// deleted sessions are ignored on lookup.
    var sessionTenants: [String: String] = [:]
    /// Requests received, by route label (`POST /v1/relay/messages`) or, for unknown
    /// paths, by method and path.
    var requestCounts: [String: Int] = [:]
    /// The faults waiting for matching requests.
    var faults = FaultBook()

    /// The tenant a key acts for, made on first use.
    ///
    /// - Parameter key: The API key.
    /// - Returns: The tenant ID.
    mutating func tenantID(forKey key: String) -> String {
        if let existing = tenantOfKey[key] { return existing }
        let id = EmulatorIDs.make("ten_", length: 12)
        tenants[id] = TenantState(id: id)
        tenantOfKey[key] = id
        return id
    }

    /// Makes several keys act for one tenant: the first key's tenant (made if needed).
    ///
    /// The data that other keys' former tenants held stays in memory but is no longer
    /// reachable through those keys.
    ///
    /// - Parameter keys: The keys.
    mutating func share(_ keys: [String]) {
        guard let first = keys.first else { return }
        let shared = tenantID(forKey: first)
        for key in keys.dropFirst() { tenantOfKey[key] = shared }
    }

    /// Changes one tenant's data in place.
    ///
    /// - Parameters:
    ///   - id: The tenant ID; it must exist.
    ///   - body: The change.
    /// - Returns: What the change returns.
    @discardableResult
    mutating func withTenant<Result>(
        _ id: String, _ body: (inout TenantState) throws -> Result
    ) rethrows -> Result {
        try body(&tenants[id, default: TenantState(id: id)])
    }
}

/// One tenant's data; grows a member per service area.
struct TenantState: Sendable {
    /// The tenant ID, for example `ten_4f9…`.
    let id: String
    /// Relay's messages and idempotency records.
    var relay = RelayState()
    /// Gate's identities and tokens.
    var gate = GateState()
}

/// Decides what a key may do: `vrn_` keys reach every service; legacy
/// `vrn_<service>_…` keys reach only the service they name.
enum KeyScopes {
    private static let legacyPrefixes: [(String, String)] = [
        ("vrn_relay_", "relay"), ("vrn_gate_", "gate"), ("vrn_clockwork_", "clockwork"),
        ("vrn_passepartout_", "passepartout"),
    ]

    /// Checks a request's key for a service.
    ///
    /// - Parameters:
    ///   - key: The bearer credential, or `nil` when none was sent.
    ///   - service: The service the route belongs to.
    /// - Returns: The key.
    /// - Throws: `401 unauthorized` for a missing or malformed key, `403 forbidden` for a
    ///   legacy key of another service.
    static func check(_ key: String?, for service: EmulatorService) throws -> String {
        guard let key else {
            throw EmulatorFailure.unauthorized(
                "Missing API key: send it as 'Authorization: Bearer <key>'.")
        }
        try checkFormat(key)
        for (prefix, named) in legacyPrefixes where key.hasPrefix(prefix) {
            guard named == service.rawValue else {
                throw EmulatorFailure.forbidden(
                    "This API key has no \(service.rawValue) scope.")
            }
        }
        return key
    }

    /// Checks only that a key looks like a Nautilus key.
    ///
    /// - Parameter key: The key.
    /// - Throws: `401 unauthorized` when it does not start with `vrn_` or is too short.
    static func checkFormat(_ key: String) throws {
        guard key.hasPrefix("vrn_"), key.utf8.count > 4,
            key.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { throw EmulatorFailure.unauthorized("Invalid API key.") }
    }
}
