import Dispatch
import Foundation
import Verne

/// The samples of the blocking-or-async guide.
enum BlockingOrAsyncGuide {
    // snippet.begin blocking-tool
    // A command-line tool or a thread-per-request server: synchronous code, blocking client.
    static func notifySignups(_ userIDs: [String], relay: Relay) throws {
        for userID in userIDs {
            try relay.messages.send(eventType: "user.created", payload: ["id": .string(userID)])
        }
    }
    // snippet.end

    // snippet.begin async-handler
    // Async code (a Vapor or Hummingbird route, a task group): the async client.
    static func notifySignups(_ userIDs: [String], relay: AsyncRelay) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for userID in userIDs {
                group.addTask {
                    try await relay.messages.send(
                        eventType: "user.created", payload: ["id": .string(userID)])
                }
            }
            try await group.waitForAll()
        }
    }
    // snippet.end

    static func cancellation(relay: AsyncRelay) async {
        // snippet.begin async-cancel
        let task = Task {
            try await relay.messages.list(limit: 100)
        }
        task.cancel()  // cancels the request in flight, or any wait between retries
        do {
            _ = try await task.value
        } catch is CancellationError {
            print("cancelled")
        } catch {
            print(error)
        }
        // snippet.end
    }

    static func fromBlockingThread(key: String) {
        // snippet.begin blocking-threads
        let relay = Relay(apiKey: key)  // Sendable: share it between threads
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            do {
                try relay.messages.send(eventType: "worker.tick", payload: ["worker": .integer(worker)])
            } catch {
                print(error)
            }
        }
        // snippet.end
    }
}
