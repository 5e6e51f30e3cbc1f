import Foundation
import VerneCore

/// A compact JWS taken apart and checked for shape and algorithm, before any key is
/// looked up.
struct CompactSignedToken {
    /// The longest token read; Gate's are a few hundred bytes (`orgs` is truncated), and a
    /// bound keeps a hostile token from costing more than a verification.
    static let maximumLength = 64 * 1024

    /// The header's `kid`.
    let keyID: String
    /// The payload's members.
    let claims: [String: JSONValue]
    /// `<header>.<payload>` as sent: the signed bytes.
    let signingInput: ArraySlice<UInt8>
    /// The signature bytes, checked to be 64 long.
    let signature: [UInt8]

    /// Parses a token, in the order API.md lists: three parts, base64url, a JSON header,
    /// `alg` `ES256`, a `kid`, a JSON payload, a 64-byte signature.
    ///
    /// - Parameter token: The compact JWS.
    /// - Throws: ``VerneTokenError`` with ``VerneTokenError/Reason/malformed``,
    ///   ``VerneTokenError/Reason/unsupportedAlgorithm`` or
    ///   ``VerneTokenError/Reason/badSignature``.
    init(_ token: String) throws {
        guard token.utf8.count <= Self.maximumLength else {
            throw Self.malformed("The token is longer than \(Self.maximumLength) bytes.")
        }
        let bytes = Array(token.utf8)
        var dots: [Int] = []
        for index in bytes.indices where bytes[index] == UInt8(ascii: ".") {
            guard dots.count < 2 else {
                throw Self.malformed("The token is not three dot-separated parts.")
            }
            dots.append(index)
        }
        guard dots.count == 2 else {
            throw Self.malformed("The token is not three dot-separated parts.")
        }

        let header = bytes[..<dots[0]]
        let payload = bytes[(dots[0] + 1)..<dots[1]]
        let signature = bytes[(dots[1] + 1)...]
        guard let headerBytes = Base64URL.decode(utf8: header),
            let payloadBytes = Base64URL.decode(utf8: payload),
            let signatureBytes = Base64URL.decode(utf8: signature)
        else { throw Self.malformed("A part of the token is not base64url.") }

        guard let headerObject = Self.object(headerBytes) else {
            throw Self.malformed("The token's header is not a JSON object.")
        }
        guard headerObject["alg"]?.stringValue == "ES256" else {
            throw VerneTokenError(
                reason: .unsupportedAlgorithm,
                message: "The token's alg is not ES256, the only algorithm Gate signs with.")
        }
        guard let keyID = headerObject["kid"]?.stringValue, !keyID.isEmpty else {
            throw Self.malformed("The token's header has no kid.")
        }
        guard let claims = Self.object(payloadBytes) else {
            throw Self.malformed("The token's payload is not a JSON object.")
        }
        guard signatureBytes.count == 64 else {
            throw VerneTokenError(
                reason: .badSignature,
                message: "The token's signature is not a 64-byte ES256 signature.")
        }

        self.keyID = keyID
        self.claims = claims
        self.signingInput = bytes[..<dots[1]]
        self.signature = signatureBytes
    }

    private static func object(_ json: [UInt8]) -> [String: JSONValue]? {
        TokenJSONParser.object(json)
    }

    private static func malformed(_ message: String) -> VerneTokenError {
        VerneTokenError(reason: .malformed, message: message)
    }
}
