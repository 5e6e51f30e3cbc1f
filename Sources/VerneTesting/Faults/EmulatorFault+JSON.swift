import VerneCore

extension EmulatorFault {
    /// Reads a fault from the control API's JSON form.
    ///
    /// ```json
    /// {"action": "status", "status": 503, "retry_after": "1", "method": "POST",
    ///  "path": "/v1/relay/messages", "prefix": false, "count": 2}
    /// ```
    ///
    /// `action` is one of `delay` (with `delay_ms`), `drop_before`, `drop_after`,
    /// `status` (with `status`, optional `retry_after` and `body`, a string or any JSON),
    /// `malformed_json`, `truncated_body`, `non_json_body` (each with an optional
    /// `status`). `method` is optional (any method), `prefix` defaults to `false`,
    /// `count` to 1, and `null` means every matching request.
    ///
    /// - Parameter json: The description.
    /// - Throws: `400 invalid_payload` when the description is not a fault.
    init(json: JSONValue) throws {
        guard let object = json.objectValue else {
            throw EmulatorFailure.invalidPayload("A fault is a JSON object.")
        }
        let name = try Field.requiredString(object, "action")
        let path = try Field.requiredString(object, "path")
        guard path.hasPrefix("/") else {
            throw EmulatorFailure.invalidPayload("Field 'path' must start with '/'.")
        }
        let method = try Field.optionalString(object, "method").map {
            HTTPMethod(rawValue: $0.uppercased())
        }
        guard object["prefix"] == nil || object["prefix"]?.boolValue != nil || object["prefix"] == .null else {
            throw EmulatorFailure.invalidPayload("Field 'prefix' must be a Boolean.")
        }
        let prefix = object["prefix"]?.boolValue ?? false

        var count: Int? = 1
        if let value = object["count"] {
            if value.isNull {
                count = nil
            } else {
                guard let number = value.intValue, number >= 1 else {
                    throw EmulatorFailure.invalidPayload("Field 'count' must be a whole number of at least 1.")
                }
                count = number
            }
        }

        let action = try Self.action(named: name, object)
        self.init(action, method: method, path: path, matchesPrefix: prefix, count: count)
    }

    private static func action(named name: String, _ object: [String: JSONValue]) throws -> Action {
        let status = try Field.optionalInteger(object, "status")
        if let status, !(100...599).contains(status) {
            throw EmulatorFailure.invalidPayload("Field 'status' must be an HTTP status.")
        }

        switch name {
        case "delay":
            guard let milliseconds = object["delay_ms"]?.doubleValue, milliseconds >= 0 else {
                throw EmulatorFailure.invalidPayload("A delay needs 'delay_ms', a number of at least 0.")
            }
            return .delay(.milliseconds(Int64(milliseconds.rounded())))
        case "drop_before":
            return .dropBeforeProcessing
        case "drop_after":
            return .dropAfterProcessing
        case "status":
            guard let status else { throw EmulatorFailure.invalidPayload("A status fault needs 'status'.") }
            let retryAfter: String?
            switch object["retry_after"] {
            case .string(let text)?: retryAfter = text
            case .integer(let number)?: retryAfter = String(number)
            case .double(let number)?: retryAfter = String(number)
            default: retryAfter = nil
            }
            let body: String?
            switch object["body"] {
            case nil, .null?: body = nil
            case .string(let text)?: body = text
            case let value?: body = String(decoding: EmulatorJSONWriter.data(value), as: UTF8.self)
            }
            return .status(status, retryAfter: retryAfter, body: body)
        case "malformed_json":
            return .malformedJSON(status: status)
        case "truncated_body":
            return .truncatedBody(status: status)
        case "non_json_body":
            return .nonJSONBody(status: status)
        default:
            throw EmulatorFailure.invalidPayload(
                "Unknown fault action '\(name)': use delay, drop_before, drop_after, status, "
                    + "malformed_json, truncated_body or non_json_body.")
        }
    }

    /// The fault in the control API's JSON form.
    var json: JSONValue {
        var object: [String: JSONValue] = [
            "path": .string(path), "prefix": .bool(matchesPrefix),
            "count": count.map(JSONValue.integer) ?? .null,
            "method": method.map { .string($0.rawValue) } ?? .null,
        ]
        switch action.kind {
        case .delay(let duration):
            object["action"] = "delay"
            object["delay_ms"] = .double(duration.seconds * 1000)
        case .dropBeforeProcessing:
            object["action"] = "drop_before"
        case .dropAfterProcessing:
            object["action"] = "drop_after"
        case .status(let status, let retryAfter, let body):
            object["action"] = "status"
            object["status"] = .integer(status)
            object["retry_after"] = retryAfter.map(JSONValue.string) ?? .null
            object["body"] = body.map(JSONValue.string) ?? .null
        case .malformedJSON(let status):
            object["action"] = "malformed_json"
            object["status"] = status.map(JSONValue.integer) ?? .null
        case .truncatedBody(let status):
            object["action"] = "truncated_body"
            object["status"] = status.map(JSONValue.integer) ?? .null
        case .nonJSONBody(let status):
            object["action"] = "non_json_body"
            object["status"] = status.map(JSONValue.integer) ?? .null
        }
        return .object(object)
    }
}
