import Foundation
import VerneCore

/// The documented rules for organization names, role names and permissions.
enum OrganizationRules {
    /// The most roles one organization may have.
    static let maximumRoles = 100
    /// The most permissions one role may have.
    static let maximumPermissions = 100
    /// The longest permission.
    static let maximumPermissionLength = 64

    /// Checks an organization name: 1–120 characters, not only spaces.
    static func organizationName(_ object: [String: JSONValue]) throws -> String {
        guard let value = object["name"], !value.isNull else {
            throw EmulatorFailure.invalidPayload("Field 'name' is required.")
        }
        guard let name = value.stringValue, (1...120).contains(name.count),
            !name.allSatisfy(\.isWhitespace)
        else {
            throw EmulatorFailure.invalidPayload("Field 'name' must be 1 to 120 characters.")
        }
        return name
    }

    /// Checks a role name: `^[a-z0-9][a-z0-9_-]{0,63}$`.
    static func roleName(_ value: JSONValue) throws -> String {
        guard let name = value.stringValue, (1...64).contains(name.utf8.count),
            let first = name.utf8.first, isLowerOrDigit(first),
            name.utf8.allSatisfy({
                isLowerOrDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
            })
        else {
            throw EmulatorFailure.invalidPayload(
                "Field 'name' must be 1 to 64 lowercase letters, digits, '_' or '-', starting "
                    + "with a letter or digit.")
        }
        return name
    }

    /// Checks a list of permissions and returns it sorted and de-duplicated.
    static func permissions(_ value: JSONValue) throws -> [String] {
        guard let array = value.arrayValue else {
            throw EmulatorFailure.invalidPayload("Field 'permissions' must be an array of strings.")
        }
        let unique = Set(
            try array.map { element -> String in
                guard let text = element.stringValue else {
                    throw EmulatorFailure.invalidPayload(
                        "Field 'permissions' must be an array of strings.")
                }
                try permission(text)
                return text
            })
        guard unique.count <= maximumPermissions else {
            throw EmulatorFailure.invalidPayload(
                "A role has at most \(maximumPermissions) permissions.")
        }
        return unique.sorted()
    }

    /// Checks one permission: lowercase segments joined by `:`, at most 64 characters,
    /// neither `*` nor the `nautilus:` prefix.
    static func permission(_ text: String) throws {
        guard !text.contains("*"), !text.hasPrefix("nautilus:") else {
            throw EmulatorFailure.invalidPayload("Permission '\(text)' is reserved.")
        }
        let segments = text.split(separator: ":", omittingEmptySubsequences: false)
        let valid =
            text.utf8.count <= maximumPermissionLength
            && segments.allSatisfy { segment in
                !segment.isEmpty
                    && segment.utf8.allSatisfy {
                        isLowerOrDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
                    }
            }
        guard valid else {
            throw EmulatorFailure.invalidPayload(
                "Permission '\(text)' must be lowercase segments joined by ':', at most "
                    + "\(maximumPermissionLength) characters.")
        }
    }

    private static func isLowerOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
