import Foundation
import Verne
import VerneTesting

/// Where the tour runs: the real service when `VERNE_API_KEY` is set, otherwise the
/// emulator inside this process.
struct Setup {
    let blocking: Verne
    let async: AsyncVerne
    let summary: String

    static func fromEnvironment() throws -> Setup {
        let environment = ProcessInfo.processInfo.environment

        if let key = environment["VERNE_API_KEY"], !key.isEmpty {
            let blocking = try Verne(environment: environment)
            let async = try AsyncVerne(environment: environment)
            let base = environment["VERNE_BASE_URL"] ?? BaseURL.production.description
            return Setup(
                blocking: blocking, async: async,
                summary: "VERNE_API_KEY is set: running against \(base) (real data!)")
        }

        let emulator = NautilusEmulator()
        let key = "vrn_quickstart_demo"
        return Setup(
            blocking: Verne(apiKey: key, transport: emulator),
            async: AsyncVerne(apiKey: key, transport: emulator),
            summary: "No VERNE_API_KEY: running against the built-in emulator (in memory)")
    }
}

/// Prints one step of the tour.
func show(_ step: String, _ detail: @autoclosure () -> String = "") {
    let text = detail()
    print(text.isEmpty ? "• \(step)" : "• \(step): \(text)")
}
