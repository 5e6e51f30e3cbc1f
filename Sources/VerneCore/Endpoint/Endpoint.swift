import Foundation

/// One API operation as a value: what to send and how to read the answer.
///
/// Building an endpoint does no I/O, so the wire form of every operation can be checked
/// as a plain value. Relay and Gate define their endpoints; the client engine runs them
/// through retries, the transport and decoding.
public protocol Endpoint: Sendable {
    /// What a successful answer decodes to.
    associatedtype Response: Sendable

    /// The HTTP method.
    var method: HTTPMethod { get }
    /// The path, IDs already percent-encoded.
    var path: EndpointPath { get }
    /// The query parameters; absent values are left out. Empty by default.
    var query: QueryItems { get }
    /// The JSON body, or `nil` for none (the default).
    var body: RequestBody? { get }
    /// The credential the call carries; the API key by default.
    var authentication: Authentication { get }
    /// Whether the call may be repeated when its outcome is unknown. By default `GET`,
    /// `PUT` and `DELETE` are safe and `POST` and `PATCH` are not.
    var repeatability: Repeatability { get }

    /// Reads a successful answer.
    ///
    /// - Parameter response: A response with a 2xx status.
    /// - Returns: The operation's result.
    /// - Throws: ``VerneResponseError`` when the answer cannot be read.
    func decode(_ response: HTTPResponse) throws -> Response
}

extension Endpoint {
    /// No query parameters.
    public var query: QueryItems { QueryItems() }

    /// No body.
    public var body: RequestBody? { nil }

    /// The API key.
    public var authentication: Authentication { .apiKey }

    /// Safe for `GET`, `PUT`, `DELETE`; unsafe otherwise.
    public var repeatability: Repeatability {
        [HTTPMethod.get, .put, .delete].contains(method) ? .safe : .unsafe
    }
}

extension Endpoint where Response: Decodable {
    /// Decodes the JSON body with the SDK's shared decoder.
    ///
    /// - Parameter response: A response with a 2xx status.
    /// - Returns: The decoded result.
    /// - Throws: ``VerneResponseError`` when the body is empty, not JSON, or of another shape.
    public func decode(_ response: HTTPResponse) throws -> Response {
        try ResponseDecoding.decode(Response.self, from: response)
    }
}

extension Endpoint where Response == NoContent {
    /// Accepts any successful answer and ignores its body.
    ///
    /// - Parameter response: A response with a 2xx status.
    /// - Returns: ``NoContent``.
    public func decode(_ response: HTTPResponse) throws -> NoContent { NoContent() }
}

/// The result of an operation that answers nothing, such as a delete.
public struct NoContent: Sendable, Hashable {
    /// Creates the empty result.
    public init() {}
}

/// A JSON request body: any `Encodable` value, encoded when the request is built.
public struct RequestBody: Sendable {
    package let value: any Encodable & Sendable

    /// Wraps a value to be sent as JSON.
    ///
    /// - Parameter value: The value.
    public init(_ value: some Encodable & Sendable) { self.value = value }

    /// The JSON bytes.
    ///
    /// - Returns: The encoded value.
    /// - Throws: ``VerneInvalidRequestError`` when the value cannot be encoded as JSON.
    public func encoded() throws -> Data {
        if let bytes = JSONBodyWriter.data(for: value) { return bytes }
        do {
            return try JSONCoding.encoder.encode(value)
        } catch {
            throw VerneInvalidRequestError(
                argument: "body", message: "cannot be encoded as JSON (\(error))")
        }
    }
}

/// Decoding of success bodies, shared by every endpoint.
package enum ResponseDecoding {
    /// Decodes a JSON body into `type`, turning every failure into ``VerneResponseError``.
    ///
    /// - Parameters:
    ///   - type: The type to produce.
    ///   - response: The response.
    /// - Returns: The decoded value.
    /// - Throws: ``VerneResponseError``.
    package static func decode<T: Decodable>(
        _ type: T.Type, from response: HTTPResponse
    ) throws -> T {
        guard !response.body.isEmpty else {
            if let empty = JSONValue.null as? T { return empty }
            throw VerneResponseError(
                status: response.status, reason: "expected a JSON body, got none",
                rawBody: response.body, requestID: response.headers["X-Request-ID"])
        }
        if let value = JSONTreeDecoder.decode(T.self, from: response.body) { return value }
        do {
            return try JSONCoding.decoder.decode(T.self, from: response.body)
        } catch {
            throw VerneResponseError(
                status: response.status, reason: describe(error), rawBody: response.body,
                requestID: response.headers["X-Request-ID"])
        }
    }

    /// A short, secret-free account of a decoding failure.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "the body is not JSON" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.isEmpty ? "the body" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing member \(key.stringValue) in \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected type at \(path(context))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "the body is not valid JSON" : "unreadable value at \(path(context))"
        @unknown default:
            return "the body has an unexpected shape"
        }
    }
}
