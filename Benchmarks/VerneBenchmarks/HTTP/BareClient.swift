import Dispatch
import Foundation
import Verne

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The floor: the same HTTP requests as the SDK, sent with `URLSession` and nothing else.
///
/// One ephemeral session with the SDK transport's pool size, no delegate, a request built
/// once (the SDK's headers and the bytes of the SDK's body for the same payload), and a
/// data task per call. The only check is the status. This is what a hand-written client
/// at its leanest costs; the SDK's figures are read against it.
final class BareClient: Sendable {
    private let session: URLSession
    private let request: URLRequest

    /// Creates the client.
    ///
    /// - Parameters:
    ///   - request: The request every call sends.
    ///   - pool: The most connections per host.
    init(request: URLRequest, pool: Int) {
        let settings = URLSessionConfiguration.ephemeral
        settings.httpMaximumConnectionsPerHost = pool
        settings.httpShouldSetCookies = false
        settings.httpCookieAcceptPolicy = .never
        settings.httpCookieStorage = nil
        settings.urlCache = nil
        settings.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: settings)
        self.request = request
    }

    /// The `POST /v1/relay/messages` the SDK sends for `payload`, headers included.
    ///
    /// - Parameters:
    ///   - baseURL: The emulator.
    ///   - key: The API key.
    ///   - body: The JSON body bytes.
    /// - Returns: The request.
    static func sendRequest(baseURL: URL, key: String, body: Data) -> URLRequest {
        var request = URLRequest(url: baseURL.appendingPathComponent("v1/relay/messages"))
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("verne-bench-floor", forHTTPHeaderField: "User-Agent")
        request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        return request
    }

    /// Sends the request and blocks until the answer arrives.
    ///
    /// - Throws: ``BenchmarkError`` when the call fails or the status is not 2xx.
    func sendBlocking() throws {
        let done = DispatchSemaphore(value: 0)
        let status = LockedStatus()
        session.dataTask(with: request) { _, response, _ in
            status.set((response as? HTTPURLResponse)?.statusCode ?? 0)
            done.signal()
        }.resume()
        done.wait()
        try Self.check(status.get())
    }

    /// Sends the request and waits for the answer without blocking a thread.
    ///
    /// - Throws: ``BenchmarkError`` when the call fails or the status is not 2xx.
    func send() async throws {
        try Self.check(await fetch(request).status)
    }

    /// Fetches a request's status and body.
    ///
    /// - Parameter request: The request.
    /// - Returns: The status (0 when the call failed) and the body.
    func fetch(_ request: URLRequest) async -> (status: Int, body: Data) {
        await withCheckedContinuation { continuation in
            session.dataTask(with: request) { data, response, _ in
                continuation.resume(
                    returning: ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data()))
            }.resume()
        }
    }

    private static func check(_ status: Int) throws {
        guard (200..<300).contains(status) else {
            throw BenchmarkError("floor call answered \(status)")
        }
    }
}

/// A status handed from URLSession's completion handler to the waiting thread.
private final class LockedStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var status = 0

    func set(_ value: Int) { lock.withLock { status = value } }
    func get() -> Int { lock.withLock { status } }
}
