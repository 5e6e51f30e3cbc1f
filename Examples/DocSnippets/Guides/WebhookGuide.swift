import Foundation
import Verne

/// The samples of the Relay guide's section on receiving webhooks.
enum WebhookGuide {
    // snippet.begin relay-webhook-receive
    struct InvoicePaid: Decodable {
        var invoiceID: String

        enum CodingKeys: String, CodingKey {
            case invoiceID = "invoice_id"
        }
    }

    /// Handles one delivery of your webhook route; returns the status to answer.
    static func receive(body: Data, headers: [(name: String, value: String)]) -> Int {
        do {
            let verifier = try WebhookVerifier(
                secret: ProcessInfo.processInfo.environment["RELAY_WEBHOOK_SECRET"] ?? "")
            let delivery = try verifier.verify(
                payload: body,  // the bytes as received, before any JSON decoding
                headers: HTTPHeaders(headers.map { HTTPHeaders.Field(name: $0.name, value: $0.value) })
            )

            // delivery.id is the same on every retry of this delivery: ignore repeats.
            let event = try delivery.decodePayload(as: InvoicePaid.self)
            print("invoice paid:", event.invoiceID, "signed at", delivery.timestamp)
            return 204
        } catch let error as WebhookVerificationError {
            print("refused delivery:", error.reason)  // never act on it
            return 400
        } catch {
            return 400  // signed, but not the JSON you expected
        }
    }
    // snippet.end
}
