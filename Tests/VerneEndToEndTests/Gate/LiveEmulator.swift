import Foundation
import Verne
import VerneTesting

/// An emulator served on a free loopback port, with clients that reach it through the
/// SDK's real `URLSessionTransport`.
struct LiveEmulator {
    /// The API key every client uses; it names the tenant.
    let key = "vrn_end_to_end"
    let server: EmulatorServer

    /// Starts a server on port 0.
    init() throws {
        server = EmulatorServer()
        try server.start(port: 0)
    }

    var emulator: NautilusEmulator { server.emulator }

    /// The key's tenant.
    var tenantID: String { emulator.tenantID(forKey: key) }

    /// The configuration pointing at the server.
    func configuration() throws -> VerneConfiguration {
        VerneConfiguration(baseURL: try BaseURL(server.baseURL!.absoluteString))
    }

    /// A blocking Gate client.
    func gate(key: String? = nil) throws -> Gate {
        Gate(apiKey: key ?? self.key, configuration: try configuration())
    }

    /// An async Gate client.
    func asyncGate(key: String? = nil) throws -> AsyncGate {
        AsyncGate(apiKey: key ?? self.key, configuration: try configuration())
    }

    /// A time on the emulator's clock, `offset` seconds from now.
    func time(_ offset: TimeInterval) -> Date {
        emulator.clock.now.addingTimeInterval(offset)
    }
}

/// The API error a call threw, or `nil` when it threw none or another error.
func apiError(_ body: () throws -> Void) -> VerneAPIError? {
    do {
        try body()
        return nil
    } catch {
        return error as? VerneAPIError
    }
}

/// The API error an async call threw, or `nil` when it threw none or another error.
func apiError(_ body: () async throws -> Void) async -> VerneAPIError? {
    do {
        try await body()
        return nil
    } catch {
        return error as? VerneAPIError
    }
}
