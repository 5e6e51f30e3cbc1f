// snippet.begin readme-one-service
import Foundation
import VerneRelay
// snippet.end

/// The README's sample of depending on Relay alone.
enum ReadmeOneService {
    static func relayOnly() async throws {
        // snippet.begin readme-one-service
        let relay = AsyncRelay(apiKey: ProcessInfo.processInfo.environment["VERNE_API_KEY"] ?? "")
        try await relay.messages.send(eventType: "user.created", payload: ["id": "usr_123"])
        // snippet.end
    }
}
