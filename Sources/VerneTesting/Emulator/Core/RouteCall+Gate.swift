import Foundation
import VerneCore

extension RouteCall {
    /// The session token of the `X-Session-Token` header, or `nil` when none was sent.
    var sessionToken: String? {
        guard let value = request.headers["X-Session-Token"], !value.isEmpty else { return nil }
        return value
    }

    /// Who made the call, for the audit log: the API key, named by a digest of it so the
    /// key itself never appears.
    var actor: AuditActor {
        guard let key = request.bearerToken else { return .system }
        return AuditActor(type: "api_key", id: AuditActor.keyID(of: key))
    }

    /// The caller's user agent, when the request had one.
    var userAgent: String? { request.headers["User-Agent"] }
}

extension Field {
    /// A required Boolean.
    static func requiredBool(_ object: [String: JSONValue], _ name: String) throws -> Bool {
        guard let value = object[name], !value.isNull else {
            throw EmulatorFailure.invalidPayload("Field '\(name)' is required.")
        }
        guard let flag = value.boolValue else {
            throw EmulatorFailure.invalidPayload("Field '\(name)' must be true or false.")
        }
        return flag
    }

    /// A required RFC 3339 time.
    static func requiredTime(_ value: JSONValue, _ name: String) throws -> Date {
        guard let text = value.stringValue, let date = EmulatorTime.parse(text) else {
            throw EmulatorFailure.invalidPayload("Field '\(name)' must be an RFC 3339 time.")
        }
        return date
    }

    /// Refuses members other than the allowed ones.
    static func onlyMembers(_ object: [String: JSONValue], _ allowed: Set<String>) throws {
        if let extra = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw EmulatorFailure.invalidPayload("Field '\(extra)' is not accepted here.")
        }
    }
}
