import VerneCore

/// The answer of the metadata routes: `{"metadata_public": {...}}`.
struct MetadataAnswer: Decodable {
    var metadataPublic: JSONValue?

    enum CodingKeys: String, CodingKey {
        case metadataPublic = "metadata_public"
    }

    /// The metadata, `[:]` when unset or `null`.
    var members: [String: JSONValue] { metadataPublic?.objectValue ?? [:] }
}

/// `GET /v1/gate/identities/{id}/metadata`: read an end user's custom metadata.
public struct GetIdentityMetadataEndpoint: Endpoint {
    /// The answer: the metadata object, empty when nothing is set.
    public typealias Response = [String: JSONValue]

    /// `/v1/gate/identities/{id}/metadata`.
    public let path: EndpointPath

    /// Checks the ID and builds the endpoint.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Throws: ``VerneInvalidRequestError`` when the ID is empty, `.` or `..`.
    public init(identityID: String) throws {
        path = try GatePaths.identity(identityID).appending("/metadata")
    }

    /// `GET`.
    public var method: HTTPMethod { .get }

    /// Reads `metadata_public` out of the answer.
    ///
    /// - Parameter response: A successful response.
    /// - Returns: The metadata, `[:]` when unset.
    /// - Throws: ``VerneResponseError`` when the answer cannot be read.
    public func decode(_ response: HTTPResponse) throws -> [String: JSONValue] {
        try ResponseDecoding.decode(MetadataAnswer.self, from: response).members
    }
}

/// `PATCH /v1/gate/identities/{id}/metadata`: merge changes into an end user's custom
/// metadata.
///
/// Keys that are not named are kept; a key sent as `null` is removed. The endpoint sends
/// `null` only for the keys passed in `removing`, never for a value you set.
public struct UpdateIdentityMetadataEndpoint: Endpoint {
    /// The answer: the whole metadata after the merge.
    public typealias Response = [String: JSONValue]

    /// `/v1/gate/identities/{id}/metadata`.
    public let path: EndpointPath
    let changes: JSONValue

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - identityID: The identity ID.
    ///   - set: Keys to add or overwrite; a value may not be JSON `null`.
    ///   - removing: Keys to remove; none may also be in `set`.
    /// - Throws: ``VerneInvalidRequestError`` when a value is `null` (removal must be
    ///   asked with `removing`) or a key is both set and removed.
    public init(identityID: String, set: [String: JSONValue], removing: [String]) throws {
        path = try GatePaths.identity(identityID).appending("/metadata")

        if let key = set.first(where: { $0.value.isNull })?.key {
            throw VerneInvalidRequestError(
                argument: "set",
                message: "the value of \"\(key)\" is null; pass the key in `removing` to remove it")
        }
        if let key = removing.first(where: { set[$0] != nil }) {
            throw VerneInvalidRequestError(
                argument: "removing", message: "\"\(key)\" is also in `set`")
        }

        var members = set
        for key in removing { members[key] = .null }
        changes = .object(members)
    }

    /// `PATCH`.
    public var method: HTTPMethod { .patch }
    /// The merge object: set keys with their values, removed keys with `null`.
    public var body: RequestBody? { RequestBody(changes) }
    /// Safe: merging the same changes twice gives the same metadata.
    public var repeatability: Repeatability { .safe }

    /// Reads `metadata_public` out of the answer.
    ///
    /// - Parameter response: A successful response.
    /// - Returns: The metadata after the merge.
    /// - Throws: ``VerneResponseError`` when the answer cannot be read.
    public func decode(_ response: HTTPResponse) throws -> [String: JSONValue] {
        try ResponseDecoding.decode(MetadataAnswer.self, from: response).members
    }
}

/// `GET /v1/gate/identities/{id}/organizations`: one page of the organizations an end
/// user belongs to, oldest membership first.
public struct ListIdentityOrganizationsEndpoint: Endpoint {
    /// The answer: a page of claims.
    public typealias Response = Page<OrgClaim>

    /// `/v1/gate/identities/{id}/organizations`.
    public let path: EndpointPath
    let limit: Int?
    let cursor: String?

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - identityID: The identity ID.
    ///   - limit: Page size from 1, or `nil` for the service's default.
    ///   - cursor: The previous page's `nextCursor`, or `nil` for the first page.
    /// - Throws: ``VerneInvalidRequestError`` when an argument makes the call impossible.
    public init(identityID: String, limit: Int?, cursor: String?) throws {
        path = try GatePaths.identity(identityID).appending("/organizations")
        try Check.limit(limit)
        self.limit = limit
        self.cursor = cursor
    }

    /// `GET`.
    public var method: HTTPMethod { .get }

    /// `limit` and `cursor` when given.
    public var query: QueryItems { .page(limit: limit, cursor: cursor) }
}
