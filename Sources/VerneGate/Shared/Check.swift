import Foundation
import VerneCore

/// Argument checks shared by Gate's endpoints; each failure is a
/// ``VerneInvalidRequestError`` thrown before anything is sent.
enum Check {
    /// A page size is at least 1 (the service clamps it to 100).
    static func limit(_ limit: Int?) throws {
        guard let limit else { return }
        guard limit >= 1 else {
            throw VerneInvalidRequestError(argument: "limit", message: "must be at least 1")
        }
    }

    /// A string argument is not empty.
    static func notEmpty(_ value: String, _ argument: String) throws {
        guard !value.isEmpty else {
            throw VerneInvalidRequestError(argument: argument, message: "must not be empty")
        }
    }

    /// A JSON argument is an object, whose members are returned.
    @discardableResult
    static func object(_ value: JSONValue, _ argument: String) throws -> [String: JSONValue] {
        guard let members = value.objectValue else {
            throw VerneInvalidRequestError(
                argument: argument, message: "must be a JSON object, such as [\"key\": \"value\"]")
        }
        return members
    }

    /// Converts a caller's `Encodable` value into JSON.
    static func json(_ value: some Encodable, _ argument: String) throws -> JSONValue {
        do {
            return try JSONValue(encoding: value)
        } catch {
            throw VerneInvalidRequestError(
                argument: argument, message: "cannot be encoded as JSON (\(error))")
        }
    }

    /// A `state` for a sign-in flow: 1–256 letters, digits, `-`, `.`, `_` or `~`.
    static func flowState(_ state: String?) throws {
        guard let state else { return }
        let allowed = state.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                true
            default:
                false
            }
        }
        guard (1...256).contains(state.utf8.count), allowed else {
            throw VerneInvalidRequestError(
                argument: "state",
                message: "must be 1 to 256 letters, digits, '-', '.', '_' or '~'")
        }
    }
}
