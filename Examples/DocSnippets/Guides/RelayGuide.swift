import Foundation
import Verne

/// The samples of the Relay guide.
enum RelayGuide {
    static func send(relay: AsyncRelay) async throws {
        // snippet.begin relay-send
        let message = try await relay.messages.send(
            eventType: "invoice.paid",
            payload: [
                "invoice_id": "inv_42",
                "amount": 1999,
                "currency": "EUR",
                "lines": [["sku": "A1", "quantity": 2]],
            ]
        )
        print(message.id, message.eventType, message.timestamp)
        // snippet.end
    }

    // snippet.begin relay-send-encodable
    struct InvoicePaid: Encodable, Sendable {
        var invoiceID: String
        var amount: Int

        enum CodingKeys: String, CodingKey {
            case invoiceID = "invoice_id"
            case amount
        }
    }

    // snippet.end
    static func sendEncodable(relay: AsyncRelay) async throws {
        // snippet.begin relay-send-encodable
        try await relay.messages.send(
            eventType: "invoice.paid", payload: InvoicePaid(invoiceID: "inv_42", amount: 1999))
        // snippet.end
    }

    static func idempotency(relay: AsyncRelay, invoiceID: String) async throws {
        // snippet.begin relay-idempotency
        // The key names the event, so sending it twice (a job that ran again, a queue
        // message delivered twice) makes one event: the second call returns the first message.
        let key = "invoice-paid-\(invoiceID)"
        let payload: JSONValue = ["invoice_id": .string(invoiceID)]

        let first = try await relay.messages.send(
            eventType: "invoice.paid", payload: payload, idempotencyKey: key)
        let again = try await relay.messages.send(
            eventType: "invoice.paid", payload: payload, idempotencyKey: key)
        assert(first.id == again.id && first.timestamp == again.timestamp)
        // snippet.end
    }

    static func keyGenerator(key: String) {
        // snippet.begin relay-idempotency-generator
        var configuration = VerneConfiguration()
        configuration.idempotencyKeys = IdempotencyKeyGenerator { "billing-" + UUID().uuidString }
        let relay = AsyncRelay(apiKey: key, configuration: configuration)
        // snippet.end
        print(relay)
    }

    static func channels(relay: AsyncRelay) async throws {
        // snippet.begin relay-channels
        try await relay.messages.send(
            eventType: "deploy.finished",
            payload: ["service": "billing", "version": "2.4.1"],
            channels: ["ops", "team-billing"]
        )
        // snippet.end
    }

    static func listByHand(relay: AsyncRelay) async throws {
        // snippet.begin relay-list-loop
        var cursor: String?
        repeat {
            let page = try await relay.messages.list(
                limit: 100, cursor: cursor, eventType: "user.created")
            for message in page.items {
                print(message.id, message.timestamp)
            }
            cursor = page.hasMore ? page.nextCursor : nil
        } while cursor != nil
        // snippet.end
    }

    static func autoPaging(relay: AsyncRelay) async throws {
        // snippet.begin relay-all
        for try await message in relay.messages.all(eventType: "user.created") {
            print(message.id)
        }

        for try await page in relay.messages.all(pageSize: 50).pages {
            print("a page of", page.items.count)
        }
        // snippet.end
    }

    static func blockingPaging(relay: Relay) throws {
        // snippet.begin relay-all-blocking
        let recent = try relay.messages.all().collect(limit: 250)
        print(recent.count)

        var iterator = relay.messages.all(eventType: "user.created").makeIterator()
        while let message = try iterator.next() {
            print(message.id)
        }
        // snippet.end
    }

    static func quota(relay: AsyncRelay) async throws {
        // snippet.begin relay-quota
        do {
            try await relay.messages.send(eventType: "user.created", payload: ["id": "usr_123"])
        } catch let error as VerneAPIError where error.code == .relayMessageLimitReached {
            // The month's quota is spent; Retry-After points at the 1st of next month.
            print("Relay quota reached; it resets in", error.retryAfter ?? .zero)
        }
        // snippet.end
    }
}
