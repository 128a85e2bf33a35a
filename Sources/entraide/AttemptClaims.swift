import Dispatch
import Foundation
import Registry

#if canImport(Glibc)
  import Glibc
#endif

/// One attempt, one terminal: how this process claims the attempt it runs (see docs/RELIABILITY.md).
enum ClaimPolicy {
  /// How often a running session renews its claim.
  static let renewEvery: TimeInterval = 30
  /// A claim not renewed for this long is stale (its holder hung, or ran on a machine that went away).
  static let staleAfter: TimeInterval = 120

  /// This process on this host, with a token drawn once per process.
  static let claimant = Claimant(host: hostName(), pid: getpid(), token: UUID().uuidString)

  /// The request `run` makes: stale claims are taken silently, live ones only with `takeOver`.
  static func request(takeOver: Bool) -> ClaimRequest {
    let host = claimant.host
    return ClaimRequest(claimant: claimant, takeOver: takeOver) { claim in
      claim.isStale(now: RecordingClock.now(), host: host, processExists: processExists, staleAfter: staleAfter)
    }
  }

  /// Whether a process with this id runs on this machine (`kill(pid, 0)`; EPERM means it exists).
  @Sendable static func processExists(_ pid: Int32) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
  }

  /// The machine's name, as `hostname` prints it.
  static func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
    let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return name.isEmpty ? "localhost" : name
  }
}

/// Renews this process's claim on an attempt in the background while the helper reads and types; stops
/// by itself once the claim is lost (the next save then says so).
final class ClaimKeeper: @unchecked Sendable {
  private let timer: any DispatchSourceTimer

  init(registry: any RegistryStore, attemptID: Int64, claimant: Claimant, every: TimeInterval = ClaimPolicy.renewEvery)
  {
    timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
    timer.schedule(deadline: .now() + every, repeating: every)
    timer.setEventHandler { [timer] in
      do {
        try registry.renewClaim(attemptID: attemptID, claimant: claimant)
      } catch RegistryError.claimLost {
        timer.cancel()
      } catch {
        // A busy or full registry: try again at the next tick.
      }
    }
    timer.resume()
  }

  func stop() { timer.cancel() }

  deinit { timer.cancel() }
}
