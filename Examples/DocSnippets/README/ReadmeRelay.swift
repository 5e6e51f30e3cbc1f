import Verne

/// The README's Relay tour, with the blocking client.
enum ReadmeRelay {
    static func send(verne: Verne) throws {
        // snippet.begin readme-relay-send
        let message = try verne.relay.messages.send(
            eventType: "user.created",
            payload: ["id": "usr_123"]
        )
        print(message.id, message.timestamp)  // msg_…, when Relay accepted it
        // snippet.end
    }

    static func sendWithOptions(verne: Verne) throws {
        // snippet.begin readme-relay-send-options
        let message = try verne.relay.messages.send(
            eventType: "order.placed",
            payload: ["order_id": "999", "total": 4200, "gift": false],
            idempotencyKey: "evt_abc",  // a repeat within 12 hours returns this same message
            channels: ["team-a"]  // only endpoints subscribed to these channels
        )
        // snippet.end
        print(message.id)
    }

    // snippet.begin readme-relay-encodable
    struct OrderPlaced: Encodable, Sendable {
        var orderID: String
        var total: Int
    }

    // snippet.end
    static func sendEncodable(verne: Verne) throws {
        // snippet.begin readme-relay-encodable
        try verne.relay.messages.send(
            eventType: "order.placed",
            payload: OrderPlaced(orderID: "999", total: 4200)
        )
        // snippet.end
    }

    static func list(verne: Verne) throws {
        // snippet.begin readme-relay-list
        let page = try verne.relay.messages.list(limit: 20, eventType: "user.created")

        print(page.items)  // [Message], newest first (also readable as page.data)
        print(page.hasMore)  // Bool
        print(page.nextCursor ?? "last page")  // pass it as cursor: for the next page

        if page.hasMore {
            let next = try verne.relay.messages.list(
                limit: 20, cursor: page.nextCursor, eventType: "user.created")
            print(next.items.count)
        }
        // snippet.end
    }

    static func all(verne: Verne) throws {
        // snippet.begin readme-relay-all
        try verne.relay.messages.all(eventType: "user.created").forEach { message in
            print(message.id, message.timestamp)
        }
        // snippet.end
    }
}
