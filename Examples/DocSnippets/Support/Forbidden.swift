import Verne

/// The error the samples throw when Gate denies an action; an app has its own.
struct Forbidden: Error {
    /// Why Gate said no.
    var reason: Decision.Reason
}
