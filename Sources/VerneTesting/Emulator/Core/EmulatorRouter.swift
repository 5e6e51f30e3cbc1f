import Foundation
import VerneCore

/// The service a route belongs to, which decides the key scope it needs.
enum EmulatorService: String, Sendable {
    /// Relay, for `vrn_relay_…` legacy keys and scoped keys.
    case relay
    /// Gate, for `vrn_gate_…` legacy keys and scoped keys.
    case gate
}

/// Who may call a route.
enum RouteAccess: Sendable {
    /// An API key with the service's scope, in `Authorization: Bearer`.
    case apiKey(EmulatorService)
    /// Anyone; no key is read.
    case anonymous
}

/// A route handler: reads the call, changes the state, and returns a reply.
///
/// It throws an ``EmulatorFailure`` for an API error. It runs with the emulator's lock
/// held, so it must not block.
typealias RouteHandler = @Sendable (RouteCall, inout EmulatorState) throws -> EmulatorReply

/// A group of routes that registers itself; one file per group keeps the router open to
/// new services without touching existing files beyond ``EmulatorRouter/groups``.
protocol EmulatorRouteGroup {
    /// Adds the group's routes.
    ///
    /// - Parameter router: The router to add to.
    static func register(in router: inout EmulatorRouter)
}

/// One route: method, path pattern (`{name}` marks a parameter), access and handler.
struct EmulatorRoute: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let method: String
    let pattern: String
    let segments: [Segment]
    let access: RouteAccess
    let handler: RouteHandler

    /// The label used for request counts, for example `GET /v1/gate/identities/{id}`.
    var label: String { method + " " + pattern }
}

/// What the router found for a method and path.
enum RouteMatch: Sendable {
    /// A route, with its percent-decoded path parameters.
    case found(EmulatorRoute, [String: String])
    /// The path is known, the method is not.
    case methodNotAllowed(pattern: String, allowed: [String])
    /// No route has this path.
    case notFound

    /// The pattern of the path, when a route has it.
    var pattern: String? {
        switch self {
        case .found(let route, _): return route.pattern
        case .methodNotAllowed(let pattern, _): return pattern
        case .notFound: return nil
        }
    }
}

/// Maps a method and path to a route.
struct EmulatorRouter: Sendable {
    /// Every route group the emulator serves; add new groups here.
    static var groups: [any EmulatorRouteGroup.Type] {
        [
            RelayMessageRoutes.self,
            IdentityRoutes.self,
            IdentityMetadataRoutes.self,
            TokenRoutes.self,
            AuthorizeRoutes.self,
            SessionRoutes.self,
            OrganizationRoutes.self,
            RoleRoutes.self,
            MemberRoutes.self,
            SettingsRoutes.self,
            SignInRoutes.self,
            AuditLogRoutes.self,
            LifecycleRoutes.self,
            SignedTokenRoutes.self,
        ]
    }

    private(set) var routes: [EmulatorRoute] = []

    /// The router with every group of ``groups`` registered.
    static func standard() -> EmulatorRouter {
        var router = EmulatorRouter()
        for group in groups { group.register(in: &router) }
        return router
    }

    /// Adds a route.
    ///
    /// - Parameters:
    ///   - method: The method, for example `POST`.
    ///   - pattern: The path, with `{name}` for a parameter segment.
    ///   - access: Who may call it.
    ///   - handler: What it does.
    mutating func add(
        _ method: String, _ pattern: String, access: RouteAccess,
        handler: @escaping RouteHandler
    ) {
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            .map { part -> EmulatorRoute.Segment in
                if part.hasPrefix("{"), part.hasSuffix("}") {
                    return .parameter(String(part.dropFirst().dropLast()))
                }
                return .literal(String(part))
            }
        routes.append(
            EmulatorRoute(
                method: method, pattern: pattern, segments: segments, access: access,
                handler: handler))
    }

    /// Finds the route for a request.
    ///
    /// - Parameters:
    ///   - method: The request method.
    ///   - path: The percent-encoded path.
    /// - Returns: The match.
    func match(method: String, path: String) -> RouteMatch {
        guard path.hasPrefix("/") else { return .notFound }
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .dropFirst()
        var allowed: [String] = []
        var knownPattern: String?

        for route in routes where route.segments.count == parts.count {
            guard let parameters = Self.bind(route.segments, to: parts) else { continue }
            if route.method == method { return .found(route, parameters) }
            allowed.append(route.method)
            knownPattern = route.pattern
        }

        if let knownPattern { return .methodNotAllowed(pattern: knownPattern, allowed: allowed) }
        return .notFound
    }

    private static func bind(
        _ segments: [EmulatorRoute.Segment], to parts: ArraySlice<Substring.UTF8View>
    ) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text):
                guard part.elementsEqual(text.utf8) else { return nil }
            case .parameter(let name):
                let raw = String(Substring(part))
                guard !raw.isEmpty, let decoded = raw.removingPercentEncoding, !decoded.isEmpty
                else { return nil }
                parameters[name] = decoded
            }
        }
        return parameters
    }
}
