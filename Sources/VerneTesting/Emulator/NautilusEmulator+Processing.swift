import Foundation
import VerneCore

/// What was decided about a request once its method and path were known.
struct EmulatorTicket: Sendable {
    /// The route.
    var match: RouteMatch
    /// The faults that apply.
    var plan: FaultBook.Plan
}

/// How a processed request ends.
enum EmulatorOutcome: Sendable {
    /// Send this answer.
    case answer(HTTPResponse)
    /// Drop the connection without answering.
    case dropped
}

extension NautilusEmulator {
    /// Counts a request and picks its faults, before its body is read.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - path: The percent-encoded path.
    /// - Returns: The route and faults.
    func begin(method: String, path: String) -> EmulatorTicket {
        let match = router.match(method: method, path: path)
        let label: String
        switch match {
        case .found(let route, _): label = route.label
        case .methodNotAllowed(let pattern, _): label = method + " " + pattern
        case .notFound: label = method + " " + path
        }

        let plan = state.withLock { state -> FaultBook.Plan in
            state.requestCounts[label, default: 0] += 1
            return state.faults.take(method: method, path: path, pattern: match.pattern)
        }
        return EmulatorTicket(match: match, plan: plan)
    }

    /// Processes a request (unless a fault says otherwise) and returns what to do.
    ///
    /// - Parameters:
    ///   - ticket: What ``begin(method:path:)`` decided.
    ///   - request: The whole request.
    /// - Returns: The answer, or a drop.
    func complete(_ ticket: EmulatorTicket, _ request: EmulatorRequest) -> EmulatorOutcome {
        let requestID = EmulatorIDs.request()

        switch ticket.plan.action {
        case .dropBeforeProcessing?:
            return .dropped
        case .status(let status, let retryAfter, let body)?:
            return .answer(Self.injected(status, retryAfter: retryAfter, body: body, requestID: requestID))
        default:
            break
        }

        var response = process(ticket.match, request, requestID: requestID)
        switch ticket.plan.action {
        case .dropAfterProcessing?:
            return .dropped
        case .malformedJSON(let status)?:
            response.status = status ?? response.status
            response.body = FaultBodies.malformed
            response.headers["Content-Type"] = "application/json"
        case .truncatedBody(let status)?:
            response.status = status ?? response.status
            response.body = FaultBodies.truncated(response.body)
            response.headers["Content-Type"] = "application/json"
        case .nonJSONBody(let status)?:
            response.status = status ?? response.status
            response.body = FaultBodies.html
            response.headers["Content-Type"] = "text/html"
        default:
            break
        }
        return .answer(response)
    }

    private static func injected(
        _ status: Int, retryAfter: String?, body: String?, requestID: String
    ) -> HTTPResponse {
        let extra = retryAfter.map { [("Retry-After", $0)] } ?? []
        guard let body else {
            let failure = EmulatorFailure(
                status: status, code: EmulatorFailure.code(forStatus: status),
                message: "The emulator was told to answer HTTP \(status).", headers: extra)
            return EmulatorResponses.failure(failure, requestID: requestID)
        }
        let data = Data(body.utf8)
        let isJSON = (try? EmulatorJSONReader.parse(data)) != nil
        return EmulatorResponses.make(
            status: status, body: data, requestID: requestID, extra: extra,
            contentType: isJSON ? "application/json" : "text/plain; charset=utf-8")
    }

    private func process(_ match: RouteMatch, _ request: EmulatorRequest, requestID: String) -> HTTPResponse {
        let parsedBody: Result<JSONValue, JSONSyntaxError>? =
            request.body.isEmpty
            ? nil
            : Result { () throws(JSONSyntaxError) in
                try EmulatorJSONReader.parse(request.body)
            }
        let now = clock.now

        do {
            let reply = try state.withLock { state throws -> EmulatorReply in
                try Self.dispatch(match, request, parsedBody, now, &state)
            }
            return EmulatorResponses.reply(reply, requestID: requestID)
        } catch let failure as EmulatorFailure {
            return EmulatorResponses.failure(failure, requestID: requestID)
        } catch {
            let failure = EmulatorFailure(
                status: 500, code: "internal_error", message: "The emulator failed: \(error).")
            return EmulatorResponses.failure(failure, requestID: requestID)
        }
    }

    private static func dispatch(
        _ match: RouteMatch, _ request: EmulatorRequest,
        _ parsedBody: Result<JSONValue, JSONSyntaxError>?, _ now: Date,
        _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        switch match {
        case .found(let route, let parameters):
            var tenantID = ""
            if case .apiKey(let service) = route.access {
                let key = try KeyScopes.check(request.bearerToken, for: service)
                tenantID = state.tenantID(forKey: key)
                if service == .gate { state.runLifecycle(tenantID: tenantID, now: now) }
            }
            let call = RouteCall(
                request: request, parameters: parameters, tenantID: tenantID, now: now,
                parsedBody: parsedBody)
            return try route.handler(call, &state)

        case .methodNotAllowed(let pattern, let allowed):
            try checkAnyKey(request)
            throw EmulatorFailure(
                status: 405, code: "method_not_allowed",
                message: "\(request.method) is not allowed on \(pattern).",
                headers: [("Allow", allowed.joined(separator: ", "))])

        case .notFound:
            try checkAnyKey(request)
            throw EmulatorFailure.notFound("No route for \(request.method) \(request.path).")
        }
    }

    private static func checkAnyKey(_ request: EmulatorRequest) throws {
        guard let key = request.bearerToken else {
            throw EmulatorFailure.unauthorized(
                "Missing API key: send it as 'Authorization: Bearer <key>'.")
        }
        try KeyScopes.checkFormat(key)
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
