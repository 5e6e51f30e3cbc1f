import Foundation
import Verne

/// The README's async tour.
enum ReadmeAsync {
    static func tour() async throws {
        // snippet.begin readme-async
        let verne = AsyncVerne(apiKey: ProcessInfo.processInfo.environment["VERNE_API_KEY"])

        let message = try await verne.relay.messages.send(
            eventType: "user.created", payload: ["id": "usr_123"])
        let page = try await verne.relay.messages.list(limit: 10)
        for try await sent in try verne.relay.messages.all(eventType: "user.created") {
            print(sent.id)  // every page, fetched as the loop goes
        }

        let identity = try await verne.gate.identities.create(traits: ["email": "a@example.com"])
        let token = try await verne.gate.tokens.create(subject: identity.id)
        let decision = try await verne.gate.authorize(
            subject: identity.id, action: "relay.messages.read", resource: "tenant:ten_001")
        // snippet.end
        print(message.id, page.items.count, token.expiresAt, decision.allowed)
    }
}
