import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("The state snapshot shows Gate's data")
struct GateSnapshotTests {
    @Test("organizations, sessions and settings appear; session tokens never do")
    func snapshot() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let org = try harness.organizationID()
        try harness.addMember(ada, to: org, role: try harness.roleID(in: org, "admin", []))
        let session = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")

        let gate = try #require(harness.emulator.snapshot(forKey: "vrn_test")["tenants"]?[0]?["gate"])
        let text = String(decoding: try JSONCoding.encoder.encode(gate), as: UTF8.self)

        #expect(gate["organizations"]?[0]?["id"]?.stringValue == org)
        #expect(gate["organizations"]?[0]?["members"]?[0]?["identity_id"]?.stringValue == ada)
        #expect(gate["sessions"]?[0]?["id"]?.stringValue == session.sessionID)
        #expect(gate["settings"]?["mfa_enabled"] == false)
        #expect(gate["tier"] == "free")
        #expect(!text.contains(session.sessionToken))
    }
}
