import Foundation
import Verne

/// The samples of the errors and retries guide.
enum ErrorsGuide {
    static func catchEach(relay: AsyncRelay) async {
        // snippet.begin errors-catch
        do {
            try await relay.messages.send(eventType: "user.created", payload: ["id": "usr_123"])
        } catch let error as VerneAPIError {
            switch error.code {
            case .invalidPayload:
                print("fix the request:", error.message)
            case .unauthorized, .forbidden:
                print("check the key and its scopes")
            case .rateLimited, .relayMessageLimitReached:
                print("try again in", error.retryAfter ?? .seconds(1))
            default:
                print(error.status, error.code.rawValue, error.requestID ?? "-")
            }
        } catch let error as VerneConnectionError {
            // .timedOut, .cannotConnect, .connectionLost or .other
            print(error.kind.rawValue, "- the service may have acted:", error.mayHaveReachedServer)
        } catch let error as VerneResponseError {
            print("unreadable answer", error.status, error.reason)
        } catch let error as VerneConfigurationError {
            print("set-up mistake:", error.message)
        } catch let error as VerneInvalidRequestError {
            print("nothing was sent;", error.argument, error.message)
        } catch is CancellationError {
            print("the task was cancelled")
        } catch {
            print("not an SDK error:", error)
        }
        // snippet.end
    }

    static func details(error: VerneAPIError) {
        // snippet.begin errors-details
        print(error.details["limit"]?.intValue ?? 0)  // members of the envelope beyond code
        print(error.requiredAAL ?? "-")  // details.required_aal on 403 mfa_required
        print(error.rateLimit?.remaining ?? -1)  // X-RateLimit-Remaining, when sent
        print(error.attempts)  // 1 when the client did not retry
        print(String(decoding: error.rawBody, as: UTF8.self))  // the body as received
        // snippet.end
    }

    static func policy(key: String) {
        // snippet.begin errors-retry-policy
        var configuration = VerneConfiguration()
        configuration.retryPolicy = RetryPolicy(
            maxRetries: 5,  // retries after the first attempt
            initialBackoff: .milliseconds(200),
            maxBackoff: .seconds(5),
            multiplier: 2,
            jitter: 0.25,  // each wait shortened by a random share of up to 25 %
            maxRetryAfter: .seconds(30)  // a longer Retry-After is thrown at once
        )
        configuration.deadline = .seconds(20)  // the whole call: attempts, retries and waits
        let gate = AsyncGate(apiKey: key, configuration: configuration)
        let noRetries = gate.withOptions(RequestOptions(retryPolicy: .disabled))
        // snippet.end
        print(gate, noRetries)
    }

    static func observe(key: String) {
        // snippet.begin errors-observe
        var configuration = VerneConfiguration()
        configuration.onResponse = { metadata in
            if metadata.attempts > 1 {
                print(metadata.requestID ?? "-", "succeeded after", metadata.attempts, "attempts")
            }
        }
        let relay = AsyncRelay(apiKey: key, configuration: configuration)
        // snippet.end
        print(relay)
    }
}
