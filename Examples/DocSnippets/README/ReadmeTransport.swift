import Foundation
import Verne

/// The README's transport samples.
enum ReadmeTransport {
    static func closure() throws {
        // snippet.begin readme-transport-closure
        let transport = ClosureTransport { request in
            // Every request arrives complete: URL, headers (key included), JSON body.
            let json = #"{"id":"msg_1","event_type":"ping","status":"accepted","timestamp":"2026-03-17T12:00:00Z"}"#
            return HTTPResponse(status: 202, body: Data(json.utf8))
        }
        let relay = Relay(apiKey: "vrn_test", transport: transport)
        let message = try relay.messages.send(eventType: "ping", payload: [:])
        // snippet.end
        print(message.id)
    }
}
