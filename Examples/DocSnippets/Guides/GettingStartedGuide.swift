import Foundation
// snippet.begin start-first-call
import Verne
// snippet.end
import VerneTesting

/// The samples of the getting-started guide.
enum GettingStartedGuide {
    static func firstCall() async throws {
        // snippet.begin start-first-call
        let verne = try AsyncVerne()  // VERNE_API_KEY, VERNE_RELAY_KEY, VERNE_GATE_KEY, VERNE_BASE_URL

        let message = try await verne.relay.messages.send(
            eventType: "user.created", payload: ["id": "usr_123"])
        print("Relay accepted", message.id)
        // snippet.end
    }

    static func keys() {
        let environment = ProcessInfo.processInfo.environment
        // snippet.begin start-keys
        // One key for every service its scopes allow…
        let shared = AsyncVerne(apiKey: environment["VERNE_API_KEY"])

        // …or a key per service, overriding the shared one for that service.
        let split = AsyncVerne(
            apiKey: environment["VERNE_API_KEY"], gateKey: environment["VERNE_GATE_KEY"])

        // A client of one service takes its key directly.
        let relay = AsyncRelay(apiKey: environment["VERNE_RELAY_KEY"] ?? "")
        // snippet.end
        print(shared, split, relay)
    }

    static func missingKey() {
        // snippet.begin start-missing-key
        let verne = AsyncVerne(relayKey: "vrn_…")
        do {
            _ = try verne.gate
        } catch let error as VerneConfigurationError {
            print(error.message)  // names the service and the argument to pass
        } catch {
            print(error)
        }
        // snippet.end
    }

    static func baseURL(key: String) throws {
        // snippet.begin start-base-url
        let local = try VerneConfiguration.baseURL("http://127.0.0.1:8080")  // the emulator
        let verne = AsyncVerne(apiKey: key, configuration: local)

        do {
            _ = try BaseURL("http://api.example.com")  // plain http to a real host
        } catch let error as VerneConfigurationError {
            print(error.message)  // https only, except loopback hosts
        }
        // snippet.end
        print(verne)
    }

    static func emulator() async throws {
        // snippet.begin start-emulator
        let emulator = NautilusEmulator()
        let verne = AsyncVerne(apiKey: "vrn_try_it", transport: emulator)

        let identity = try await verne.gate.identities.create(traits: ["email": "ada@example.com"])
        print(try await verne.gate.identities.get(identity.id).state)  // active
        // snippet.end
    }
}
