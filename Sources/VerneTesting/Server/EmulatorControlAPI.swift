import Foundation
import VerneCore

/// The control routes of an ``EmulatorServer``.
///
/// The routes under `/_emulator/` let tests and tools in any language drive the server.
/// They need no key.
///
/// | route | body | answer |
/// | --- | --- | --- |
/// | `POST /_emulator/reset` | none | `204`; state, faults, counts, shared keys and clock reset |
/// | `POST /_emulator/clock` | `{"now": rfc3339}` or `{"advance_seconds": n}` | `{"now"}` |
/// | `GET /_emulator/clock` | none | `{"now"}` |
/// | `POST /_emulator/faults` | a fault (see ``EmulatorFault``) | `201` `{"fault", "pending"}` |
/// | `GET /_emulator/faults` | none | `{"faults": [...]}` |
/// | `DELETE /_emulator/faults` | none | `204` |
/// | `GET /_emulator/state` | none; `Authorization: Bearer <key>` narrows to its tenant | the state |
/// | `GET /_emulator/requests` | none | `{"requests": {route: count}}` |
/// | `POST /_emulator/tenants/share` | `{"keys": [str]}` | `{"tenant_id"}` |
/// | `GET /_emulator/health` | none | `{"ok": true}` |
///
/// Gate set-up routes take the tenant from `Authorization: Bearer <key>`; see
/// ``gateRoute(_:)``.
struct EmulatorControlAPI: Sendable {
    let emulator: NautilusEmulator

    /// Answers one control request.
    ///
    /// - Parameter request: A request whose path starts with `/_emulator`.
    /// - Returns: The answer.
    func answer(_ request: EmulatorRequest) -> HTTPResponse {
        let requestID = EmulatorIDs.request()
        do {
            let reply = try route(request)
            return EmulatorResponses.reply(reply, requestID: requestID)
        } catch let failure as EmulatorFailure {
            return EmulatorResponses.failure(failure, requestID: requestID)
        } catch {
            return EmulatorResponses.failure(
                EmulatorFailure(status: 500, code: "internal_error", message: "\(error)"),
                requestID: requestID)
        }
    }

    private func route(_ request: EmulatorRequest) throws -> EmulatorReply {
        switch (request.method, request.path) {
        case ("POST", "/_emulator/reset"):
            emulator.reset()
            return .noContent
        case ("GET", "/_emulator/clock"):
            return .ok(["now": .string(EmulatorTime.gate(emulator.clock.now))])
        case ("POST", "/_emulator/clock"):
            return try setClock(body(request))
        case ("GET", "/_emulator/faults"):
            return .ok(["faults": .array(emulator.pendingFaults.map(\.json))])
        case ("POST", "/_emulator/faults"):
            let fault = try EmulatorFault(json: try body(request))
            emulator.inject(fault)
            return EmulatorReply(
                status: 201, json: ["fault": fault.json, "pending": .integer(emulator.pendingFaults.count)])
        case ("DELETE", "/_emulator/faults"):
            emulator.removeAllFaults()
            return .noContent
        case ("GET", "/_emulator/state"):
            return .ok(emulator.snapshot(forKey: request.bearerToken))
        case ("GET", "/_emulator/requests"):
            return .ok(["requests": .object(emulator.requestCounts.mapValues(JSONValue.integer))])
        case ("POST", "/_emulator/tenants/share"):
            return try share(body(request))
        case ("GET", "/_emulator/health"):
            return .ok(["ok": true])
        default:
            if let reply = try gateRoute(request) { return reply }
            throw EmulatorFailure.notFound("No control route \(request.method) \(request.path).")
        }
    }

    /// The request's body as JSON.
    func body(_ request: EmulatorRequest) throws -> JSONValue {
        guard !request.body.isEmpty else { throw EmulatorFailure.invalidPayload("A JSON body is required.") }
        do {
            return try EmulatorJSONReader.parse(request.body)
        } catch {
            throw EmulatorFailure.invalidPayload("The body is not valid JSON: \(error.reason).")
        }
    }

    private func setClock(_ body: JSONValue) throws -> EmulatorReply {
        if let text = body["now"]?.stringValue {
            guard let date = EmulatorTime.parse(text) else {
                throw EmulatorFailure.invalidPayload("Field 'now' must be an RFC 3339 time.")
            }
            emulator.clock.set(to: date)
        } else if let seconds = body["advance_seconds"]?.doubleValue {
            emulator.clock.advance(by: .milliseconds(Int64((seconds * 1000).rounded())))
        } else {
            throw EmulatorFailure.invalidPayload("Send {\"now\": rfc3339} or {\"advance_seconds\": n}.")
        }
        return .ok(["now": .string(EmulatorTime.gate(emulator.clock.now))])
    }

    private func share(_ body: JSONValue) throws -> EmulatorReply {
        guard let keys = body["keys"]?.arrayValue?.compactMap(\.stringValue), !keys.isEmpty,
            keys.count == body["keys"]?.arrayValue?.count
        else { throw EmulatorFailure.invalidPayload("Field 'keys' must be a non-empty array of keys.") }
        for key in keys { try KeyScopes.checkFormat(key) }
        emulator.shareTenant(keys)
        return .ok(["tenant_id": .string(emulator.tenantID(forKey: keys[0]))])
    }
}
