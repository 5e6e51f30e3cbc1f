import Foundation
import Testing

@testable import VerneCore

@Suite("VerneAPIError reads every error body shape")
struct VerneAPIErrorParsingTests {
    @Test("The documented envelope gives code, message, request ID and details")
    func envelope() {
        let response = json(
            402,
            #"{"error": {"code": "ACTIVE_USER_LIMIT_REACHED", "message": "Limit reached.", "#
                + #""request_id": "req_abc123", "plan": "free", "limit": 50}}"#)

        let error = VerneAPIError.from(response)

        #expect(error.status == 402)
        #expect(error.code == .activeUserLimitReached)
        #expect(error.message == "Limit reached.")
        #expect(error.requestID == "req_abc123")
        #expect(error.details == ["plan": "free", "limit": 50])
        #expect(error.rawBody == response.body)
    }

    @Test(
        "Other shapes degrade to code unknown with the best message",
        arguments: [
            (#"{"error": "Something broke."}"#, "Something broke."),
            (#"{"detail": "Not allowed."}"#, "Not allowed."),
            (#"{"detail": [{"msg": "a"}, {"msg": "b"}]}"#, "a; b"),
            (#"{"message": "Plain message."}"#, "Plain message."),
            (#"{"error": {"code": 401, "message": "Numeric code."}}"#, "Numeric code."),
            ("<html>Bad gateway</html>", "HTTP 500"),
            ("", "HTTP 500"),
            ("[1, 2, 3]", "HTTP 500"),
            (#"{"error": "   "}"#, "HTTP 500"),
            (#"{"detail": [{"nomsg": 1}]}"#, "HTTP 500"),
        ])
    func otherShapes(body: String, message: String) {
        let error = VerneAPIError.from(json(500, body))

        #expect(error.code == .unknown)
        #expect(error.message == message)
        #expect(error.status == 500)
        #expect(error.rawBody == Data(body.utf8))
    }

    @Test("A missing request ID is taken from the X-Request-ID header")
    func requestIDHeader() {
        let error = VerneAPIError.from(
            json(
                404, #"{"error": {"code": "not_found", "message": "No."}}"#,
                headers: ["X-Request-ID": "req_hdr"]))

        #expect(error.requestID == "req_hdr")
        #expect(error.code == .notFound)
    }

    @Test("mfa_required exposes the required assurance level")
    func mfaRequired() {
        let error = VerneAPIError.from(
            json(
                403,
                #"{"error": {"code": "mfa_required", "message": "Second factor owed.", "#
                    + #""required_aal": "aal2", "current_aal": "aal1"}}"#))

        #expect(error.code == .mfaRequired)
        #expect(error.requiredAAL == "aal2")
        #expect(error.currentAAL == "aal1")
    }

    @Test("Rate-limit headers are kept")
    func rateLimit() {
        let error = VerneAPIError.from(
            json(
                429, "{}",
                headers: [
                    "X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": "12",
                ]))

        #expect(error.rateLimit?.limit == 100)
        #expect(error.rateLimit?.remaining == 0)
        #expect(error.rateLimit?.reset == "12")
    }

    @Test("A message that quotes a key is redacted in the description")
    func redactedDescription() {
        let error = VerneAPIError.from(
            json(401, #"{"error": {"code": "unauthorized", "message": "Key vrn_live_abc is revoked"}}"#))

        #expect(!error.description.contains("vrn_live_abc"))
        #expect(error.description.contains("unauthorized"))
    }
}
