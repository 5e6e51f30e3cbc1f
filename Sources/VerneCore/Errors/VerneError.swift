/// The error protocol every error thrown by the SDK conforms to.
///
/// Catch `any VerneError` to handle every SDK failure in one place, or catch a concrete
/// type for one kind:
///
/// - ``VerneAPIError``: the service answered with an error status.
/// - ``VerneConnectionError``: no answer arrived (timeout, refused or lost connection).
/// - ``VerneResponseError``: an answer arrived but could not be read.
/// - ``VerneConfigurationError``: the client was set up wrongly.
/// - ``VerneInvalidRequestError``: an argument makes the request impossible; nothing was sent.
///
/// A cancelled task surfaces as Swift's `CancellationError`, not as an SDK error.
/// Descriptions of SDK errors never contain API keys or tokens.
public protocol VerneError: Error, Sendable, CustomStringConvertible {}
