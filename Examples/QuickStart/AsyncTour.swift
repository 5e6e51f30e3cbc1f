import Foundation
import Verne

/// The same tour with the async client, then an API error caught and printed.
enum AsyncTour {
    static func run(_ verne: AsyncVerne) async throws {
        print("\nAsync client (AsyncVerne)")

        let message = try await verne.relay.messages.send(
            eventType: "user.created", payload: ["id": "usr_123"])
        show("sent", message.id)

        let page = try await verne.relay.messages.list(limit: 10)
        show("listed", "\(page.items.count) message(s)")

        var count = 0
        for try await _ in try verne.relay.messages.all(eventType: "user.created") { count += 1 }
        show("auto-paged", "\(count) user.created message(s)")

        let email = "async-\(UUID().uuidString.prefix(8).lowercased())@example.com"
        let identity = try await verne.gate.identities.create(traits: ["email": .string(email)])
        let token = try await verne.gate.tokens.create(subject: identity.id)
        let info = try await verne.gate.tokens.introspect(token.accessToken)
        show("identity and token", "\(identity.id), active: \(info.active)")

        let decision = try await verne.gate.authorize(
            subject: identity.id, action: "relay.messages.read", resource: "tenant:ten_001")
        show("authorized", "allowed: \(decision.allowed)")

        do {
            try await verne.relay.messages.send(eventType: "ping", payload: ["bad": .double(.nan)])
        } catch let error as VerneInvalidRequestError {
            show("refused before sending", error.description)
        }

        do {
            _ = try await verne.gate.identities.create(traits: ["email": .string(email)])
        } catch let error as VerneAPIError {
            show(
                "API error caught",
                "\(error.status) \(error.code.rawValue): \(error.message) "
                    + "(request ID \(error.requestID ?? "-"))")
        }

        try await verne.gate.identities.delete(identity.id)
    }
}
