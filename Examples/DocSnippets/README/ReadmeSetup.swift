// snippet.begin readme-setup
import Foundation
import Verne
// snippet.end

/// The README's first sample: a client made from the environment.
enum ReadmeSetup {
    static func sharedKey() -> Verne {
        // snippet.begin readme-setup
        let environment = ProcessInfo.processInfo.environment
        let verne = Verne(apiKey: environment["VERNE_API_KEY"])
        // snippet.end
        return verne
    }

    static func keyPerService() throws -> Verne {
        let environment = ProcessInfo.processInfo.environment
        // snippet.begin readme-setup-keys
        // One key per service; a service key overrides the shared one for that service.
        let verne = Verne(
            relayKey: environment["VERNE_RELAY_KEY"],
            gateKey: environment["VERNE_GATE_KEY"]
        )

        // Or read VERNE_API_KEY, VERNE_RELAY_KEY, VERNE_GATE_KEY and VERNE_BASE_URL at once.
        let fromEnvironment = try Verne(environment: environment)
        // snippet.end
        print(fromEnvironment)
        return verne
    }
}
