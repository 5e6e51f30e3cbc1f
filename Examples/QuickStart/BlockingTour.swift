import Foundation
import Verne

/// The first README's tour with the blocking client.
enum BlockingTour {
    static func run(_ verne: Verne) throws {
        print("\nBlocking client (Verne)")

        // Relay: send an event, with and without options, then list.
        let message = try verne.relay.messages.send(
            eventType: "user.created", payload: ["id": "usr_123"])
        show("sent", "\(message.id) \(message.eventType) \(message.status.rawValue)")

        let keyed = try verne.relay.messages.send(
            eventType: "order.placed", payload: ["order_id": "999"],
            idempotencyKey: "evt_\(UUID().uuidString.prefix(8))", channels: ["team-a"])
        show("sent with idempotency key and channel", keyed.id)

        let page = try verne.relay.messages.list(limit: 20, eventType: "user.created")
        show("listed", "\(page.items.count) message(s), has more: \(page.hasMore)")

        // Gate: create, read, patch and delete an end user.
        let email = "quickstart-\(UUID().uuidString.prefix(8).lowercased())@example.com"
        let identity = try verne.gate.identities.create(
            traits: ["email": .string(email)], credentials: .password("StrongPassword123!"))
        show("created identity", "\(identity.id) (\(identity.state.rawValue))")

        let fetched = try verne.gate.identities.get(identity.id)
        show("read identity", fetched.traits["email"]?.stringValue ?? "?")

        let patched = try verne.gate.identities.patch(
            identity.id, [.replace("/traits/email", with: .string("new-" + email))])
        show("patched identity", patched.traits["email"]?.stringValue ?? "?")

        // Gate: access tokens and authorization.
        let token = try verne.gate.tokens.create(subject: identity.id, ttl: .seconds(3600))
        show("minted access token", "expires \(token.expiresAt)")

        let info = try verne.gate.tokens.introspect(token.accessToken)
        show("introspected", "active: \(info.active), subject: \(info.subject ?? "-")")

        let decision = try verne.gate.authorize(
            subject: identity.id, action: "relay.messages.read", resource: "tenant:ten_001")
        show("authorized", "allowed: \(decision.allowed), reason: \(decision.reason.rawValue)")

        try verne.gate.identities.delete(identity.id)
        show("deleted identity", identity.id)
    }
}
