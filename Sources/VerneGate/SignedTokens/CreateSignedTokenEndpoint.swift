import VerneCore

/// `GET /auth/sessions/whoami?tokenize_as=gate_jwt`: mint a signed token for a session.
///
/// Sent with the user's session token in `X-Session-Token` and no API key. The answer is
/// the session object plus a `tokenized` member, the compact JWS.
public struct CreateSignedTokenEndpoint: Endpoint {
    /// The answer: the token and the session.
    public typealias Response = SignedToken

    let sessionToken: String

    /// Checks the argument and builds the endpoint.
    ///
    /// - Parameter sessionToken: The end user's session token.
    /// - Throws: ``VerneInvalidRequestError`` when the session token is empty.
    public init(sessionToken: String) throws {
        guard !sessionToken.isEmpty else {
            throw VerneInvalidRequestError(argument: "sessionToken", message: "must not be empty")
        }
        self.sessionToken = sessionToken
    }

    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `/auth/sessions/whoami`.
    public var path: EndpointPath { EndpointPath("/auth/sessions/whoami") }
    /// The session token, and no API key.
    public var authentication: Authentication { .sessionToken(sessionToken) }

    /// `tokenize_as=gate_jwt`.
    public var query: QueryItems {
        var items = QueryItems()
        items.add("tokenize_as", "gate_jwt")
        return items
    }

    /// Splits the answer into the token and the session.
    ///
    /// - Parameter response: A 2xx answer.
    /// - Returns: The signed token.
    /// - Throws: ``VerneResponseError`` when the answer is not an object with a string
    ///   `tokenized` member.
    public func decode(_ response: HTTPResponse) throws -> SignedToken {
        let answer = try ResponseDecoding.decode(JSONValue.self, from: response)
        guard var session = answer.objectValue, let token = session["tokenized"]?.stringValue,
            !token.isEmpty
        else {
            throw VerneResponseError(
                status: response.status,
                reason: "the session answer carried no signed token (tokenized)",
                rawBody: response.body, requestID: response.headers["X-Request-ID"])
        }
        session["tokenized"] = nil
        return SignedToken(token: token, session: .object(session))
    }
}

extension CreateSignedTokenEndpoint: CustomStringConvertible {
    /// The operation; never the session token.
    public var description: String {
        "CreateSignedTokenEndpoint(GET /auth/sessions/whoami?tokenize_as=gate_jwt)"
    }
}

extension CreateSignedTokenEndpoint: CustomReflectable {
    /// A mirror that hides the session token.
    public var customMirror: Mirror { Mirror(self, children: ["sessionToken": "<redacted>"]) }
}
