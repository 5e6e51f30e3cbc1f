import Foundation
import VerneCore

/// `GET /auth/{tenant}/.well-known/jwks.json`: a tenant's signing keys, without any key.
///
/// Its answer keeps the `Cache-Control: max-age` the verifier caches the set for.
package struct JSONWebKeySetEndpoint: Endpoint {
    /// The key set and how long it may be cached.
    package struct Response: Sendable {
        /// The usable keys.
        package var keySet: JSONWebKeySet
        /// The `max-age` of the answer, or `nil` when it gave none.
        package var maxAge: TimeInterval?
    }

    /// The longest `max-age` honoured, one day, so a removed key stops working in time.
    package static let maximumMaxAge: TimeInterval = 86_400

    /// The path of the tenant's key set.
    package let path: EndpointPath

    /// Builds the endpoint.
    ///
    /// - Parameter tenantID: The tenant's ID.
    /// - Throws: ``VerneInvalidRequestError`` when the ID is empty, `.` or `..`.
    package init(tenantID: String) throws {
        path = try EndpointPath("/auth").appending(id: tenantID, argument: "tenantID")
            .appending("/.well-known/jwks.json")
    }

    /// `GET`.
    package var method: HTTPMethod { .get }
    /// No credential: key sets are public.
    package var authentication: Authentication { .anonymous }

    /// Reads the key set and its cache lifetime.
    ///
    /// - Parameter response: A 2xx answer.
    /// - Returns: The keys and the `max-age`.
    /// - Throws: ``VerneResponseError`` when the body is not a JWK set.
    package func decode(_ response: HTTPResponse) throws -> Response {
        let keySet: JSONWebKeySet
        do {
            keySet = try JSONWebKeySet(jsonData: response.body)
        } catch {
            throw VerneResponseError(
                status: response.status, reason: "the body is not a JWK set",
                rawBody: response.body, requestID: response.headers["X-Request-ID"])
        }
        let cacheControl = response.headers.filter {
            $0.name.caseInsensitiveEquals("Cache-Control")
        }
        .map(\.value).joined(separator: ",")
        return Response(keySet: keySet, maxAge: Self.maxAge(cacheControl: cacheControl))
    }

    /// The `max-age` directive of a `Cache-Control` value, capped at ``maximumMaxAge``.
    ///
    /// - Parameter cacheControl: The header's value, or several joined by commas.
    /// - Returns: The seconds, or `nil` when there is no well-formed `max-age`.
    package static func maxAge(cacheControl: String) -> TimeInterval? {
        for directive in cacheControl.split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1)
            guard parts.count == 2,
                parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "max-age"
            else { continue }

            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                return nil
            }
            // Digits only, so the only failure is overflow: a huge value, capped.
            return min(TimeInterval(value) ?? maximumMaxAge, maximumMaxAge)
        }
        return nil
    }
}
