import Verne

/// The README's error handling.
enum ReadmeErrors {
    static func handle(verne: Verne) throws {
        // snippet.begin readme-errors
        do {
            try verne.relay.messages.send(eventType: "ping", payload: [:])
        } catch let error as VerneAPIError {
            print(error.code.rawValue)  // for example invalid_payload, unauthorized
            print(error.status)  // the HTTP status
            print(error.requestID ?? "-")  // quote it to support
            if error.code == .rateLimited, let wait = error.retryAfter {
                print("asked to wait", wait)
            }
        } catch let error as any VerneError {
            // No answer (timeout, refused or lost connection), an answer that could not be
            // read, a client set up wrongly, or an argument refused before sending.
            print(error)
        }
        // snippet.end
    }
}
