import Foundation
import Verne
import VerneTesting

/// The README's transport samples.
enum ReadmeTransport {
    static func closure() throws {
        // snippet.begin readme-transport-closure
        let transport = ClosureTransport { request in
            // Every request arrives complete: URL, headers (key included), JSON body.
            let message =
                #"{"id": "msg_1", "event_type": "ping", "status": "accepted", "#
                + #""timestamp": "2026-03-17T12:00:00Z"}"#
            return HTTPResponse(status: 202, body: Data(message.utf8))
        }
        let relay = Relay(apiKey: "vrn_test", transport: transport)
        let message = try relay.messages.send(eventType: "ping", payload: [:])
        // snippet.end
        print(message.id)
    }
}

/// The README's emulator sample.
enum ReadmeEmulator {
    static func emulator() throws {
        // snippet.begin readme-transport-emulator
        let emulator = NautilusEmulator()  // from the VerneTesting product
        let verne = Verne(apiKey: "vrn_test", transport: emulator)
        let message = try verne.relay.messages.send(eventType: "ping", payload: [:])
        // snippet.end
        print(message.id)
    }
}
