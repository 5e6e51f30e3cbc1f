import Foundation
import Testing
import Verne
import VerneTesting

/// The first README's operations through the real URLSessionTransport against
/// `verne-emulator`'s server, with both client forms, and their documented errors.
@Suite("The first README over loopback")
struct FirstReadmeTourTests {
    private let key = "vrn_tour_test"

    /// The blocking tour, from a synchronous function as blocking calls must be.
    private static func blockingTour(_ verne: Verne) throws -> [String] {
        var seen: [String] = []

        let first = try verne.relay.messages.send(eventType: "user.created", payload: ["id": "usr_123"])
        let again = try verne.relay.messages.send(
            eventType: "order.placed", payload: ["order_id": "999"], idempotencyKey: "evt_abc",
            channels: ["team-a"])
        let repeated = try verne.relay.messages.send(
            eventType: "order.placed", payload: ["order_id": "999"], idempotencyKey: "evt_abc")
        seen.append(again.id == repeated.id && again.timestamp == repeated.timestamp ? "idempotent" : "duplicate")

        let page = try verne.relay.messages.list(limit: 20, eventType: "user.created")
        seen.append(page.items.map(\.id) == [first.id] ? "listed" : "list mismatch")

        let identity = try verne.gate.identities.create(
            schemaID: "user", traits: ["email": "tour@example.com", "locale": "en"],
            credentials: .password("StrongPassword123!"), state: .active)
        let fetched = try verne.gate.identities.get(identity.id)
        let patched = try verne.gate.identities.patch(
            identity.id, [.replace("/traits/email", with: "new@example.com"), .remove("/traits/locale")])
        seen.append(fetched.traits == identity.traits ? "read" : "read mismatch")
        seen.append(patched.traits == ["email": "new@example.com"] ? "patched" : "patch mismatch")

        let token = try verne.gate.tokens.create(subject: identity.id, scopes: ["gate.tokens.read"], ttl: .seconds(60))
        let info = try verne.gate.tokens.introspect(token.accessToken)
        seen.append(info.active && info.subject == identity.id ? "introspected" : "introspect mismatch")

        let decision = try verne.gate.authorize(
            subject: identity.id, action: "relay.messages.read", resource: "tenant:ten_001")
        seen.append(decision.allowed && decision.reason == .ownedByTenant ? "allowed" : "denied")

        try verne.gate.identities.delete(identity.id)
        let after = try verne.gate.tokens.introspect(token.accessToken)
        seen.append(after.active ? "token alive" : "token inactive")
        return seen
    }

    @Test("The blocking tour works end to end")
    func blocking() async throws {
        let loopback = try LoopbackEmulator()
        let verne = Verne(apiKey: key, configuration: loopback.configuration())

        let seen = try await onThread { try Self.blockingTour(verne) }

        #expect(
            seen == ["idempotent", "listed", "read", "patched", "introspected", "allowed", "token inactive"])
        #expect(loopback.storedMessages(key: key).count == 2)
    }

    @Test("The async tour works end to end, with auto-paging across pages")
    func async() async throws {
        let loopback = try LoopbackEmulator()
        let verne = AsyncVerne(apiKey: key, configuration: loopback.configuration())
        for index in 0..<25 {
            try await verne.relay.messages.send(eventType: "bulk", payload: ["n": .integer(index)])
        }

        var numbers: [Int] = []
        for try await message in try verne.relay.messages.all(eventType: "bulk", pageSize: 10) {
            numbers.append(message.eventType == "bulk" ? 1 : 0)
        }
        let identity = try await verne.gate.identities.create(traits: ["email": "async@example.com"])
        let token = try await verne.gate.tokens.create(subject: identity.id)
        let info = try await verne.gate.tokens.introspect(token.accessToken)
        _ = try await verne.gate.identities.deactivate(identity.id)
        let decision = try await verne.gate.authorize(
            subject: identity.id, action: "relay.messages.read", resource: "tenant:ten_001")

        #expect(numbers.count == 25)
        #expect(numbers.allSatisfy { $0 == 1 })
        #expect(info.active)
        #expect(!decision.allowed)
        #expect(decision.reason == .subjectInactive)
    }

    @Test("Documented errors arrive as typed API errors with a request ID")
    func errors() async throws {
        let loopback = try LoopbackEmulator()
        let gate = AsyncGate(apiKey: key, configuration: loopback.configuration())
        let relay = AsyncRelay(apiKey: "sk_not_verne", configuration: loopback.configuration())
        _ = try await gate.identities.create(traits: ["email": "dup@example.com"])

        typealias Call = @Sendable () async throws -> Void
        let cases: [(Call, Int, VerneAPIError.Code)] = [
            ({ _ = try await gate.identities.create(traits: ["email": "dup@example.com"]) }, 409, .conflict),
            (
                { _ = try await gate.identities.create(traits: ["email": "x@example.com", "colour": "red"]) }, 400,
                .invalidPayload
            ),
            ({ _ = try await gate.identities.get("idn_missing") }, 404, .notFound),
            ({ _ = try await relay.messages.list() }, 401, .unauthorized),
        ]

        for (call, status, code) in cases {
            await #expect {
                try await call()
            } throws: { error in
                guard let error = error as? VerneAPIError else { return false }
                return error.status == status && error.code == code
                    && error.requestID?.hasPrefix("req_") == true
            }
        }
    }
}
