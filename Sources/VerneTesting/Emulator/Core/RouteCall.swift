import Foundation
import VerneCore

/// What a route handler is given: the request, its path parameters, the caller's tenant
/// and the emulator's current time.
struct RouteCall: Sendable {
    /// The request.
    var request: EmulatorRequest
    /// The percent-decoded path parameters, by name.
    var parameters: [String: String]
    /// The tenant of the key, or empty for an anonymous route.
    var tenantID: String
    /// The emulator clock's reading for this request.
    var now: Date
    /// The body read as JSON before the lock was taken, or `nil` when it was empty.
    var parsedBody: Result<JSONValue, JSONSyntaxError>?

    /// A path parameter.
    ///
    /// - Parameter name: The name in the route pattern.
    /// - Returns: Its decoded value (empty when absent, which the router prevents).
    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// The body as JSON.
    ///
    /// - Returns: The value.
    /// - Throws: `400 invalid_payload` when the body is empty or not JSON.
    func jsonBody() throws -> JSONValue {
        switch parsedBody {
        case nil:
            throw EmulatorFailure.invalidPayload("A JSON body is required.")
        case .failure(let error)?:
            throw EmulatorFailure.invalidPayload("The body is not valid JSON: \(error.reason).")
        case .success(let value)?:
            return value
        }
    }

    /// The body as a JSON object.
    ///
    /// - Returns: Its members.
    /// - Throws: `400 invalid_payload` when the body is not a JSON object.
    func objectBody() throws -> [String: JSONValue] {
        guard let object = try jsonBody().objectValue else {
            throw EmulatorFailure.invalidPayload("The body must be a JSON object.")
        }
        return object
    }

    /// The query parameters.
    var query: [String: String] { request.queryItems }
}

/// Reading typed fields out of a JSON object body, with the `400` messages the service
/// gives.
enum Field {
    /// A required non-empty string.
    static func requiredString(_ object: [String: JSONValue], _ name: String) throws -> String {
        guard let value = object[name], !value.isNull else {
            throw EmulatorFailure.invalidPayload("Field '\(name)' is required.")
        }
        guard let text = value.stringValue, !text.isEmpty else {
            throw EmulatorFailure.invalidPayload("Field '\(name)' must be a non-empty string.")
        }
        return text
    }

    /// An optional non-empty string; `null` counts as absent.
    static func optionalString(_ object: [String: JSONValue], _ name: String) throws -> String? {
        guard let value = object[name], !value.isNull else { return nil }
        guard let text = value.stringValue, !text.isEmpty else {
            throw EmulatorFailure.invalidPayload("Field '\(name)' must be a non-empty string.")
        }
        return text
    }

    /// An optional array of strings; `null` counts as absent.
    static func optionalStrings(_ object: [String: JSONValue], _ name: String) throws -> [String]? {
        guard let value = object[name], !value.isNull else { return nil }
        guard let array = value.arrayValue else {
            throw EmulatorFailure.invalidPayload("Field '\(name)' must be an array of strings.")
        }
        return try array.map { element in
            guard let text = element.stringValue, !text.isEmpty else {
                throw EmulatorFailure.invalidPayload(
                    "Field '\(name)' must be an array of non-empty strings.")
            }
            return text
        }
    }

    /// An optional whole number; `null` counts as absent.
    static func optionalInteger(_ object: [String: JSONValue], _ name: String) throws -> Int? {
        guard let value = object[name], !value.isNull else { return nil }
        guard case .integer(let number) = value else {
            throw EmulatorFailure.invalidPayload("Field '\(name)' must be an integer.")
        }
        return number
    }

    /// An optional object; `null` counts as absent.
    static func optionalObject(
        _ object: [String: JSONValue], _ name: String
    ) throws -> [String: JSONValue]? {
        guard let value = object[name], !value.isNull else { return nil }
        guard let members = value.objectValue else {
            throw EmulatorFailure.invalidPayload("Field '\(name)' must be a JSON object.")
        }
        return members
    }
}
