import Foundation
import Synchronization
import Verne

/// The samples of the logging guide.
enum LoggingGuide {
    static func setUp(key: String) {
        // snippet.begin logging-set-up
        var configuration = VerneConfiguration()
        configuration.logHandler = PrintLogHandler()
        let verne = AsyncVerne(apiKey: key, configuration: configuration)
        // snippet.end
        print(verne)
    }
}

// snippet.begin logging-collecting
/// Keeps the events in memory, for example to check in a test which calls were retried.
final class CollectingLogHandler: VerneLogHandler {
    struct Event: Sendable {
        var level: VerneLogLevel
        var message: String
        var metadata: [String: String]
    }

    private let events = Mutex<[Event]>([])

    var logLevel: VerneLogLevel { .debug }

    func log(level: VerneLogLevel, message: String, metadata: [String: String]) {
        events.withLock { $0.append(Event(level: level, message: message, metadata: metadata)) }
    }

    /// The attempts that were followed by a retry, as `METHOD path`.
    var retried: [String] {
        events.withLock { events in
            events.filter { $0.metadata["verne.decision"] == "retry" }
                .map { "\($0.metadata["verne.method"] ?? "") \($0.metadata["verne.path"] ?? "")" }
        }
    }
}
// snippet.end
