import Foundation
import VerneCore

/// The four lifecycle rule kinds, their parameters and bounds, and the plans they need.
enum LifecycleKinds {
    /// Every kind, in the order the rules are listed.
    static let all = ["delete_unverified", "remind_unverified", "expire_roles", "delete_inactive"]
    /// The steps an action may have.
    static let steps: Set<String> = ["remind", "warn", "delete", "revoke"]
    /// The statuses an action may have.
    static let statuses: Set<String> = ["pending", "done", "cancelled", "failed"]

    /// Whether a plan includes a kind: the free plan has `delete_unverified` only.
    static func isAvailable(_ kind: String, tier: String) -> Bool {
        tier != "free" || kind == "delete_unverified"
    }

    /// Checks a rule's parameters against its kind's bounds.
    ///
    /// - Parameters:
    ///   - params: The parameters object.
    ///   - kind: The rule kind.
    /// - Returns: The parameters, unchanged.
    /// - Throws: `400 invalid_payload` for a missing, unknown or out-of-bounds parameter.
    static func check(
        _ params: [String: JSONValue], for kind: String
    ) throws -> [String: JSONValue] {
        switch kind {
        case "delete_unverified":
            try Field.onlyMembers(params, ["delete_after_days", "warn_before_days"])
            let days = try integer(params, "delete_after_days", 2...365)
            _ = try integer(params, "warn_before_days", 1...(days - 1))
        case "remind_unverified":
            try Field.onlyMembers(params, ["remind_after_hours"])
            _ = try integer(params, "remind_after_hours", 1...720)
        case "expire_roles":
            try Field.onlyMembers(params, [])
        default:
            try Field.onlyMembers(
                params, ["inactive_after_months", "warn_before_days", "include_without_address"])
            _ = try integer(params, "inactive_after_months", 1...120)
            _ = try integer(params, "warn_before_days", 7...90)
            if let flag = params["include_without_address"], flag.boolValue == nil {
                throw EmulatorFailure.invalidPayload(
                    "Parameter 'include_without_address' must be true or false.")
            }
        }
        return params
    }

    /// Reads a whole-number parameter within bounds.
    static func integer(
        _ params: [String: JSONValue], _ name: String, _ bounds: ClosedRange<Int>
    ) throws -> Int {
        guard case .integer(let value)? = params[name] else {
            throw EmulatorFailure.invalidPayload(
                "Parameter '\(name)' is required and must be an integer.")
        }
        guard bounds.contains(value) else {
            throw EmulatorFailure.invalidPayload(
                "Parameter '\(name)' must be between \(bounds.lowerBound) and \(bounds.upperBound)."
            )
        }
        return value
    }

    /// The steps a rule schedules for one person, each with when it is due.
    ///
    /// - Parameters:
    ///   - kind: The rule kind (not `expire_roles`, whose steps follow memberships).
    ///   - params: Checked parameters.
    ///   - basis: When the person was created (unverified kinds) or last signed in.
    /// - Returns: The steps in order.
    static func steps(
        _ kind: String, _ params: [String: JSONValue], basis: Date
    ) -> [(step: String, due: Date)] {
        let day: TimeInterval = 86_400
        let number = { (name: String) in TimeInterval(params[name]?.intValue ?? 0) }
        switch kind {
        case "delete_unverified":
            let delete = basis.addingTimeInterval(number("delete_after_days") * day)
            return [
                ("warn", delete.addingTimeInterval(-number("warn_before_days") * day)),
                ("delete", delete),
            ]
        case "remind_unverified":
            return [("remind", basis.addingTimeInterval(number("remind_after_hours") * 3600))]
        case "delete_inactive":
            let delete = adding(months: Int(number("inactive_after_months")), to: basis)
            return [
                ("warn", delete.addingTimeInterval(-number("warn_before_days") * day)),
                ("delete", delete),
            ]
        default:
            return []
        }
    }

    private static func adding(months count: Int, to date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .month, value: count, to: date) ?? date
    }
}
