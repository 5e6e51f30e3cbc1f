// The quick start: the tour of the first README, blocking then async.
//
//     swift run QuickStart
//
// Without VERNE_API_KEY it runs against the emulator in this process, so it touches no
// real data. With VERNE_API_KEY (and optionally VERNE_BASE_URL) it uses the real service.
import Foundation
import Verne

do {
    let setup = try Setup.fromEnvironment()
    print(setup.summary)

    try BlockingTour.run(setup.blocking)
    try await AsyncTour.run(setup.async)

    print("\nDone.")
} catch {
    print("Quick start failed: \(error)")
    exit(1)
}
