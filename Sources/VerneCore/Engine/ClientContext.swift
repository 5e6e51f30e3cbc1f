import Foundation

/// Everything a client knows that is not I/O: its key, configuration and call options.
///
/// The async and blocking engines share it, so building requests, reading answers and
/// deciding retries are written once.
package struct ClientContext: Sendable {
    /// The service's display name, for messages, for example `Relay`.
    package let service: String
    /// The key sent in `Authorization`, when the client has one.
    package let apiKey: APIKey?
    /// The client's configuration.
    package let configuration: VerneConfiguration
    /// Per-call settings laid over the configuration.
    package var options: RequestOptions
    /// The headers every request carries: content type, accepted type, user agent.
    private let commonHeaders: HTTPHeaders
    /// The common headers and `Authorization`, or `nil` when the client has no key.
    private let keyedHeaders: HTTPHeaders?
    /// The URLs built so far, shared by the copies `with(_:)` makes.
    private let urls: ResolvedURLs

    /// Creates a context.
    package init(
        service: String, apiKey: APIKey?, configuration: VerneConfiguration,
        options: RequestOptions = RequestOptions()
    ) {
        self.service = service
        self.apiKey = apiKey
        self.configuration = configuration
        self.options = options

        // Every request starts from one of these lists, made once rather than per call.
        let common: HTTPHeaders = [
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": Self.userAgent(suffix: configuration.userAgentSuffix),
        ]
        commonHeaders = common
        keyedHeaders = apiKey.flatMap { key in
            guard !key.secret.isEmpty else { return nil }
            var headers = common
            headers.add(name: "Authorization", value: "Bearer " + key.secret)
            return headers
        }
        urls = ResolvedURLs(baseURL: configuration.baseURL)
    }

    /// The retry policy in force.
    package var retryPolicy: RetryPolicy { options.retryPolicy ?? configuration.retryPolicy }
    /// The per-attempt time limit in force.
    package var timeout: Duration { options.timeout ?? configuration.timeout }
    /// The whole-call time limit in force.
    package var deadline: Duration? { options.deadline ?? configuration.deadline }

    /// The `User-Agent` value for a configuration's suffix.
    private static func userAgent(suffix: String?) -> String {
        #if os(Linux)
            let system = "Linux"
        #elseif os(macOS)
            let system = "macOS"
        #else
            let system = "Apple"
        #endif
        var agent = "verne-swift/\(VerneSDK.version) (\(system); Swift)"
        if let suffix { agent += " " + suffix }
        return agent
    }

    /// Header names that per-call options may not set.
    private static let reservedHeaders: Set<String> = [
        "authorization", "x-session-token", "content-type", "accept", "user-agent",
    ]

    /// Builds the complete request for an endpoint: URL, headers, body.
    ///
    /// - Parameter endpoint: The operation.
    /// - Returns: The request, ready for a transport.
    /// - Throws: ``VerneConfigurationError`` when the call needs a key the client lacks,
    ///   ``VerneInvalidRequestError`` when the body cannot be encoded.
    package func makeRequest<E: Endpoint>(_ endpoint: E) throws -> HTTPRequest {
        var headers: HTTPHeaders
        switch endpoint.authentication.storage {
        case .apiKey:
            headers = try requireKeyedHeaders()
        case .apiKeyAndSessionToken(let token):
            headers = try requireKeyedHeaders()
            headers.add(name: "X-Session-Token", value: token)
        case .sessionToken(let token):
            headers = commonHeaders
            headers.add(name: "X-Session-Token", value: token)
        case .anonymous:
            headers = commonHeaders
        }

        for field in options.headers
        where !Self.reservedHeaders.contains(field.name.lowercased()) {
            headers[field.name] = field.value
        }

        return HTTPRequest(
            method: endpoint.method,
            url: urls.url(for: endpoint.path, query: endpoint.query),
            headers: headers,
            body: try endpoint.body?.encoded(),
            timeout: timeout
        )
    }

    private func requireKeyedHeaders() throws -> HTTPHeaders {
        guard let keyedHeaders else {
            throw VerneConfigurationError(
                "No API key for \(service). Pass apiKey: \"vrn_…\" when you create the "
                    + "client, or a key for \(service) alone to Verne(\(service.lowercased())"
                    + "Key:).")
        }
        return keyedHeaders
    }

    /// Turns a transport failure into the SDK's connection error.
    ///
    /// - Parameter error: What the transport threw (not a cancellation).
    /// - Returns: The connection error.
    package func connectionError(from error: any Error) -> VerneConnectionError {
        if let error = error as? VerneConnectionError { return error }
        return VerneConnectionError(
            kind: .other, message: String(describing: error), mayHaveReachedServer: true)
    }

    /// Reports one finished attempt to the log handler, if any.
    package func logAttempt(
        _ request: HTTPRequest, endpoint: some Endpoint, attempt: Int, duration: Duration,
        status: Int?, requestID: @autoclosure () -> String?, decision: String
    ) {
        guard let handler = configuration.logHandler, handler.logLevel <= .debug else { return }

        var metadata: [String: String] = [
            "verne.service": service,
            "verne.method": request.method.rawValue,
            "verne.path": endpoint.path.encoded,
            "verne.attempt": String(attempt),
            "verne.duration_ms": String(Int((duration.seconds * 1000).rounded())),
            "verne.decision": decision,
        ]
        if let status { metadata["verne.status"] = String(status) }
        if let requestID = requestID() { metadata["verne.request_id"] = requestID }
        handler.log(level: .debug, message: "HTTP attempt finished", metadata: metadata)
    }
}
