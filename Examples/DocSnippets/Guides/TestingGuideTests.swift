#if canImport(Testing)
    import Foundation
    import Testing
    import Verne
    import VerneTesting

    // The testing guide's tests: they compile here, and run in your own test target.

    // snippet.begin testing-first-test
    @Test func signUpAnnouncesTheNewUser() async throws {
        let emulator = NautilusEmulator()
        let verne = AsyncVerne(apiKey: "vrn_test", transport: emulator)
        let service = SignupService(verne: verne)

        let identity = try await service.signUp(email: "ada@example.com")

        let sent = try await verne.relay.messages.list(eventType: "user.created")
        #expect(sent.items.count == 1)
        let stored = try await verne.gate.identities.get(identity.id)
        #expect(stored.traits["email"] == "ada@example.com")
    }
    // snippet.end

    // snippet.begin testing-conflict
    @Test func aSecondSignUpWithTheSameEmailIsRefused() async throws {
        let service = SignupService(
            verne: AsyncVerne(apiKey: "vrn_test", transport: NautilusEmulator()))
        _ = try await service.signUp(email: "ada@example.com")

        let error = await #expect(throws: VerneAPIError.self) {
            try await service.signUp(email: "ada@example.com")
        }
        #expect(error?.code == .conflict)
    }
    // snippet.end

    // snippet.begin testing-faults
    @Test func aSendSurvivesAnOutageAndALostAnswer() async throws {
        let emulator = NautilusEmulator()
        var configuration = VerneConfiguration()
        configuration.retryPolicy = RetryPolicy(maxRetries: 3, initialBackoff: .milliseconds(1))
        let relay = AsyncRelay(apiKey: "vrn_test", configuration: configuration, transport: emulator)

        // Two 503s, then an answer lost after the message was stored.
        emulator.inject(EmulatorFault(.status(503), method: .post, path: "/v1/relay/messages", count: 2))
        emulator.inject(EmulatorFault(.dropAfterProcessing, method: .post, path: "/v1/relay/messages"))

        try await relay.messages.send(eventType: "user.created", payload: ["id": "usr_1"])

        #expect(emulator.requestCount(.post, "/v1/relay/messages") == 4)
        // The retries reused the call's idempotency key: one event, not two.
        #expect(try await relay.messages.list().items.count == 1)
    }
    // snippet.end

    // snippet.begin testing-clock
    @Test func anAccessTokenExpires() async throws {
        let emulator = NautilusEmulator()
        let gate = AsyncGate(apiKey: "vrn_test", transport: emulator)
        let token = try await gate.tokens.create(subject: "svc_reports", ttl: .seconds(60))
        #expect(try await gate.tokens.introspect(token.accessToken).active)

        emulator.clock.advance(by: .seconds(61))  // no sleeping

        #expect(try await gate.tokens.introspect(token.accessToken).active == false)
    }
    // snippet.end

    // snippet.begin testing-sessions
    @Test func aSignedInUserGetsASignedToken() async throws {
        let emulator = NautilusEmulator()
        let gate = AsyncGate(apiKey: "vrn_test", transport: emulator)
        let identity = try await gate.identities.create(traits: ["email": "ada@example.com"])

        // As if Ada had signed in: a session, and the token her client would hold.
        let session = try emulator.createSession(forIdentity: identity.id, key: "vrn_test")

        let check = try await gate.sessions.check(sessionToken: session.sessionToken)
        #expect(check.identityID == identity.id)

        let signed = try await gate.tokens.createSigned(sessionToken: session.sessionToken)
        let claims = try await gate.tokens.verifySigned(signed.token, tenantID: session.tenantID)
        #expect(claims.subject == identity.id)
    }
    // snippet.end

    // snippet.begin testing-mfa
    @Test func aTenantThatRequiresMFARefusesASingleFactorSession() async throws {
        let emulator = NautilusEmulator()
        let gate = AsyncGate(apiKey: "vrn_test", transport: emulator)
        try await gate.settings.replaceSecurity(passwordlessEnabled: false, mfaEnabled: true)
        let identity = try await gate.identities.create(traits: ["email": "ada@example.com"])

        let password = try emulator.createSession(forIdentity: identity.id, key: "vrn_test")
        let error = await #expect(throws: VerneAPIError.self) {
            try await gate.sessions.check(sessionToken: password.sessionToken)
        }
        #expect(error?.code == .mfaRequired)

        let twoFactors = try emulator.createSession(
            forIdentity: identity.id, key: "vrn_test", aal: .aal2)
        #expect(try await gate.sessions.check(sessionToken: twoFactors.sessionToken).mfaSatisfied)
    }
    // snippet.end

    // snippet.begin testing-recording
    @Test func sendsCarryAnIdempotencyKey() async throws {
        let recorder = RecordingTransport(wrapping: NautilusEmulator())
        let relay = AsyncRelay(apiKey: "vrn_test", transport: recorder)

        try await relay.messages.send(eventType: "user.created", payload: ["id": "usr_1"])

        let request = try #require(recorder.requests.first)
        #expect(request.method == .post && request.path == "/v1/relay/messages")
        let body = try JSONDecoder().decode(JSONValue.self, from: request.body ?? Data())
        #expect(body["idempotency_key"]?.stringValue?.isEmpty == false)
    }
    // snippet.end

    // snippet.begin testing-webhook
    @Test func theWebhookRouteAcceptsASignedDelivery() throws {
        let secret = "whsec_" + Data("a test secret of enough bytes".utf8).base64EncodedString()
        let signer = try WebhookVerifier(secret: secret)
        let body = Data(#"{"invoice_id": "inv_42"}"#.utf8)
        let headers = signer.signedHeaders(id: "msg_1", timestamp: Date(), payload: body)

        let delivery = try WebhookVerifier(secret: secret).verify(payload: body, headers: headers)

        #expect(delivery.id == "msg_1")
        #expect(throws: WebhookVerificationError.self) {
            try signer.verify(payload: Data("{}".utf8), headers: headers)  // another body
        }
    }
// snippet.end
#endif
