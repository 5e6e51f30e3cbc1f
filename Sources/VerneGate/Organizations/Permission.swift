import VerneCore

/// The permission syntax the service enforces, checked before sending where the rule is
/// certain: lowercase segments joined by `:`, at most 64 characters, never `*` nor the
/// reserved `nautilus:` prefix.
enum Permission {
    /// The longest permission the service accepts.
    static let maximumLength = 64

    /// Throws ``VerneInvalidRequestError`` when the service would refuse `permission`.
    static func check(_ permission: String, _ argument: String) throws {
        func refuse(_ message: String) -> VerneInvalidRequestError {
            VerneInvalidRequestError(argument: argument, message: "\"\(permission)\" \(message)")
        }

        guard !permission.isEmpty else {
            throw VerneInvalidRequestError(argument: argument, message: "must not be empty")
        }
        guard permission.count <= maximumLength else {
            throw refuse("is longer than \(maximumLength) characters")
        }
        guard permission != "*", !permission.contains("*") else {
            throw refuse("is not allowed: permissions have no wildcards")
        }
        guard !permission.hasPrefix("nautilus:") else {
            throw refuse("uses the reserved prefix \"nautilus:\"")
        }
        guard !permission.contains(where: \.isUppercase) else {
            throw refuse("must be lowercase")
        }
        let segments = permission.split(separator: ":", omittingEmptySubsequences: false)
        guard !segments.contains(where: \.isEmpty) else {
            throw refuse("has an empty segment; join segments with \":\", as in invoices:write")
        }
    }
}
