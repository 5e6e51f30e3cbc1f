import Foundation
import Testing
import VerneCore

/// Every case of Wycheproof's ECDSA P-256 / SHA-256 file in the P1363 (raw `r ‖ s`)
/// format, through the SDK's own verification.
@Suite("Wycheproof ECDSA P-256 P1363")
struct WycheproofP256Tests {
    struct TestFile: Decodable {
        var numberOfTests: Int
        var testGroups: [Group]
    }

    struct Group: Decodable {
        var publicKey: PublicKey
        var sha: String
        var tests: [Case]
    }

    struct PublicKey: Decodable {
        var curve: String
        var wx: String
        var wy: String
    }

    struct Case: Decodable {
        var tcId: Int
        var comment: String
        var msg: String
        var sig: String
        var result: String
        var flags: [String]
    }

    static func load() throws -> TestFile {
        let url = try #require(
            Bundle.module.url(
                forResource: "ecdsa_secp256r1_sha256_p1363_test", withExtension: "json",
                subdirectory: "Resources/wycheproof"))
        return try JSONDecoder().decode(TestFile.self, from: Data(contentsOf: url))
    }

    @Test("every case gets the file's verdict")
    func everyCaseMatches() throws {
        let file = try Self.load()
        var checked = 0
        var mismatches: [Int] = []

        for group in file.testGroups {
            #expect(group.publicKey.curve == "secp256r1")
            #expect(group.sha == "SHA-256")
            let key = try P256PublicKey(
                x: Hex.coordinate(group.publicKey.wx), y: Hex.coordinate(group.publicKey.wy))

            for test in group.tests {
                let valid = key.isValidSignature(Hex.bytes(test.sig), for: Hex.bytes(test.msg))
                // The P1363 file has no `acceptable` cases; one would pass either way.
                let agrees =
                    switch test.result {
                    case "valid": valid
                    case "invalid": !valid
                    default: true
                    }
                if !agrees { mismatches.append(test.tcId) }
                checked += 1
            }
        }

        #expect(checked == 262)
        #expect(checked == file.numberOfTests)
        #expect(mismatches.isEmpty, "cases with the wrong verdict: \(mismatches)")
    }

    @Test("a high-S signature (case 1) is valid")
    func highSIsValid() throws {
        let file = try Self.load()
        let group = try #require(file.testGroups.first { $0.tests.contains { $0.tcId == 1 } })
        let test = try #require(group.tests.first { $0.tcId == 1 })
        let key = try P256PublicKey(
            x: Hex.coordinate(group.publicKey.wx), y: Hex.coordinate(group.publicKey.wy))

        #expect(test.result == "valid")
        #expect(test.comment == "signature malleability")
        #expect(key.isValidSignature(Hex.bytes(test.sig), for: Hex.bytes(test.msg)))
    }

    @Test("the file holds both verdicts and the hard cases")
    func fileCoversTheTraps() throws {
        let cases = try Self.load().testGroups.flatMap(\.tests)

        #expect(cases.filter { $0.result == "valid" }.count == 173)
        #expect(cases.filter { $0.result == "invalid" }.count == 89)
        #expect(cases.contains { $0.flags.contains("InvalidSignature") })
        #expect(cases.contains { $0.flags.contains("SignatureSize") })
    }
}
