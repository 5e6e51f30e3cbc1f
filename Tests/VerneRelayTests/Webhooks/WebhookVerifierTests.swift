import Foundation
import Testing
import VerneCore
import VerneRelay

@Suite("Webhook verification")
struct WebhookVerifierTests {
    /// The Standard Webhooks test vector, also in Svix's documentation.
    enum Vector {
        static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        static let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
        static let timestamp = "1614265330"
        static let payload = Data(#"{"test": 2432232314}"#.utf8)
        static let signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        static let twin = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="
        static let signedAt = Date(timeIntervalSince1970: 1_614_265_330)
    }

    static func verifier(
        secret: String = Vector.secret, at time: Date = Vector.signedAt
    ) throws -> WebhookVerifier {
        try WebhookVerifier(secret: secret, now: { time })
    }

    static func headers(
        id: String = Vector.id, timestamp: String = Vector.timestamp,
        signature: String = Vector.signature, prefix: String = "webhook-"
    ) -> HTTPHeaders {
        [prefix + "id": id, prefix + "timestamp": timestamp, prefix + "signature": signature]
    }

    static func reason(_ body: () throws -> Void) -> WebhookVerificationError.Reason? {
        do {
            try body()
            return nil
        } catch let error as WebhookVerificationError {
            return error.reason
        } catch {
            return "unexpected"
        }
    }

    @Test("the Standard Webhooks vector verifies")
    func vectorVerifies() throws {
        let delivery = try Self.verifier().verify(payload: Vector.payload, headers: Self.headers())

        #expect(delivery.id == Vector.id)
        #expect(delivery.timestamp == Vector.signedAt)
        #expect(delivery.payload == Vector.payload)
        #expect(try delivery.decodePayload() == ["test": 2_432_232_314])
    }

    @Test("its one-character twin fails")
    func twinFails() throws {
        let verifier = try Self.verifier()

        #expect(
            Self.reason {
                _ = try verifier.verify(
                    payload: Vector.payload, headers: Self.headers(signature: Vector.twin))
            } == .noMatchingSignature)
    }

    @Test("sign reproduces the vector")
    func signReproducesVector() throws {
        let signature = try Self.verifier().sign(
            id: Vector.id, timestamp: Vector.signedAt, payload: Vector.payload)

        #expect(signature == Vector.signature)
    }

    @Test("sign and verify round-trip, and signedHeaders are accepted")
    func roundTrip() throws {
        let secret = "whsec_" + Data((0..<32).map { UInt8($0 * 7) }).base64EncodedString()
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let verifier = try Self.verifier(secret: secret, at: now)
        let payload = Data(#"{"type":"user.created","data":{"id":"usr_1"}}"#.utf8)

        let headers = verifier.signedHeaders(id: "msg_1", timestamp: now, payload: payload)
        let delivery = try verifier.verify(payload: payload, headers: headers)

        #expect(delivery.id == "msg_1")
        #expect(
            headers["webhook-signature"]
                == verifier.sign(id: "msg_1", timestamp: now, payload: payload))
        #expect(
            Self.reason {
                _ = try verifier.verify(payload: payload + Data(" ".utf8), headers: headers)
            } == .noMatchingSignature)
    }

    @Test("the secret works with and without whsec_, and with missing padding")
    func secretForms() throws {
        let bare = String(Vector.secret.dropFirst("whsec_".count))
        let padless =
            "whsec_"
            + Data(repeating: 7, count: 25).base64EncodedString()
            .trimmingCharacters(in: CharacterSet(charactersIn: "="))

        _ = try Self.verifier(secret: bare).verify(payload: Vector.payload, headers: Self.headers())
        _ = try Self.verifier(secret: padless)
    }

    @Test(
        "an empty or non-base64 secret is refused",
        arguments: ["", "whsec_", "whsec_%%%", "not base64!"])
    func invalidSecret(secret: String) {
        #expect(Self.reason { _ = try WebhookVerifier(secret: secret) } == .invalidSecret)
    }

    @Test("svix- headers are accepted, in any case")
    func svixHeaders() throws {
        let verifier = try Self.verifier()
        let svix = Self.headers(prefix: "svix-")
        let shouting = Self.headers(prefix: "Webhook-").map { field in
            HTTPHeaders.Field(name: field.name.uppercased(), value: field.value)
        }

        _ = try verifier.verify(payload: Vector.payload, headers: svix)
        _ = try verifier.verify(payload: Vector.payload, headers: HTTPHeaders(shouting))
    }

    @Test("a missing header is refused", arguments: ["id", "timestamp", "signature"])
    func missingHeader(name: String) throws {
        let verifier = try Self.verifier()
        var headers = Self.headers()
        headers["webhook-" + name] = nil

        #expect(
            Self.reason { _ = try verifier.verify(payload: Vector.payload, headers: headers) }
                == .missingHeader)
    }

    @Test(
        "a timestamp that is not ASCII digits is refused",
        arguments: [
            "hello", "1614265330.5", "-1614265330", "+1614265330", " 1614265330", "1614265330x",
            "1e9",
        ])
    func invalidTimestamp(timestamp: String) throws {
        let verifier = try Self.verifier()

        #expect(
            Self.reason {
                _ = try verifier.verify(
                    payload: Vector.payload, headers: Self.headers(timestamp: timestamp))
            } == .invalidTimestamp)
    }

    @Test("the tolerance is 5 minutes both ways")
    func tolerance() throws {
        let early = try Self.verifier(at: Vector.signedAt.addingTimeInterval(-301))
        let late = try Self.verifier(at: Vector.signedAt.addingTimeInterval(301))
        let edgeBefore = try Self.verifier(at: Vector.signedAt.addingTimeInterval(-300))
        let edgeAfter = try Self.verifier(at: Vector.signedAt.addingTimeInterval(300))

        #expect(
            Self.reason { _ = try early.verify(payload: Vector.payload, headers: Self.headers()) }
                == .timestampTooNew)
        #expect(
            Self.reason { _ = try late.verify(payload: Vector.payload, headers: Self.headers()) }
                == .timestampTooOld)
        _ = try edgeBefore.verify(payload: Vector.payload, headers: Self.headers())
        _ = try edgeAfter.verify(payload: Vector.payload, headers: Self.headers())
    }

    @Test("six minutes off is refused even with a valid signature")
    func sixMinutes() throws {
        let verifier = try Self.verifier(at: Vector.signedAt.addingTimeInterval(360))

        #expect(
            Self.reason {
                _ = try verifier.verify(payload: Vector.payload, headers: Self.headers())
            }
                == .timestampTooOld)
    }

    @Test("one matching signature among several is enough; others are skipped")
    func severalSignatures() throws {
        let verifier = try Self.verifier()
        let header =
            "v1a,abc v2,\(Vector.signature.dropFirst(3)) garbage v1, \(Vector.twin)  "
            + Vector.signature

        _ = try verifier.verify(payload: Vector.payload, headers: Self.headers(signature: header))
        #expect(
            Self.reason {
                _ = try verifier.verify(
                    payload: Vector.payload,
                    headers: Self.headers(signature: "v1, v2,x \(Vector.twin)"))
            } == .noMatchingSignature)
    }

    @Test("a signature under another version name does not count")
    func otherVersion() throws {
        let verifier = try Self.verifier()
        let header = "v2," + Vector.signature.dropFirst(3)

        #expect(
            Self.reason {
                _ = try verifier.verify(
                    payload: Vector.payload, headers: Self.headers(signature: header))
            } == .noMatchingSignature)
    }

    @Test("a changed id or timestamp breaks the signature")
    func signedContentCoversIDAndTimestamp() throws {
        let verifier = try Self.verifier()

        #expect(
            Self.reason {
                _ = try verifier.verify(
                    payload: Vector.payload, headers: Self.headers(id: Vector.id + "x"))
            } == .noMatchingSignature)
        #expect(
            Self.reason {
                _ = try verifier.verify(
                    payload: Vector.payload, headers: Self.headers(timestamp: "1614265331"))
            } == .noMatchingSignature)
    }

    @Test("descriptions and errors never show the secret")
    func secretNeverShown() throws {
        let verifier = try Self.verifier()
        let bare = String(Vector.secret.dropFirst("whsec_".count))
        var dumped = ""
        dump(verifier, to: &dumped)
        var errorText = ""
        do {
            _ = try verifier.verify(
                payload: Vector.payload, headers: Self.headers(signature: Vector.twin))
        } catch {
            errorText = String(describing: error)
        }

        for text in [String(describing: verifier), String(reflecting: verifier), dumped, errorText] {
            #expect(!text.contains(bare))
            #expect(!text.contains("g0hM9SsE"))
        }
        #expect(!errorText.isEmpty)
    }
}
