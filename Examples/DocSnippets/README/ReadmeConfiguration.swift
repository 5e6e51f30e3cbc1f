import Foundation
import Verne

/// The README's configuration samples.
enum ReadmeConfiguration {
    static func configure(key: String) throws {
        // snippet.begin readme-configuration
        var configuration = VerneConfiguration()
        configuration.timeout = .seconds(10)  // each attempt; 30 seconds by default
        configuration.deadline = .seconds(30)  // the whole call, retries included; none by default
        configuration.retryPolicy = .exponential(maxRetries: 4)  // .default retries twice
        configuration.baseURL = try BaseURL("https://api.vernesoft.com")  // the default
        configuration.logHandler = PrintLogHandler()  // silent when nil, the default

        let verne = Verne(apiKey: key, configuration: configuration)
        // snippet.end
        print(verne)
    }

    static func perCall(verne: Verne) throws {
        // snippet.begin readme-configuration-per-call
        let hurried = try verne.relay.withOptions(
            RequestOptions(timeout: .seconds(2), retryPolicy: .disabled))
        try hurried.messages.send(eventType: "ping", payload: ["at": "checkout"])
        // snippet.end
    }
}

// snippet.begin readme-log-handler
struct PrintLogHandler: VerneLogHandler {
    var logLevel: VerneLogLevel { .debug }

    func log(level: VerneLogLevel, message: String, metadata: [String: String]) {
        print(level, message, metadata)  // never keys, tokens, headers or bodies
    }
}
// snippet.end
