#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The write end of the self-pipe; the signal handler reads only this plain global.
nonisolated(unsafe) private var signalPipeWriteFD: Int32 = -1

/// Turns SIGINT, SIGTERM (or any signals given) into bytes on a pipe that `LineReader` polls.
///
/// A self-pipe: the handler (installed with `sigaction`, SA_RESTART) only calls `write(2)`, which is
/// async-signal-safe, with the signal number as one byte. The program is never killed by these
/// signals while the watcher is installed: it sees them at its next read (or by calling
/// `takePendingSignal`), saves, and exits with the status it chooses. One watcher per process.
public final class SignalWatcher: @unchecked Sendable {
  public let readFD: Int32
  public let signals: [Int32]

  private init(readFD: Int32, signals: [Int32]) {
    self.readFD = readFD
    self.signals = signals
  }

  nonisolated(unsafe) private static var installed: SignalWatcher?

  /// Installs the handlers (once per process; later calls return the same watcher).
  public static func install(signals: [Int32] = [SIGINT, SIGTERM]) -> SignalWatcher? {
    if let installed { return installed }
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return nil }
    for fd in fds {
      let flags = fcntl(fd, F_GETFL)
      _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    signalPipeWriteFD = fds[1]
    for signal in signals {
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { number in
          var byte = UInt8(truncatingIfNeeded: number)
          _ = write(signalPipeWriteFD, &byte, 1)
        }
      #else
        action.__sigaction_u.__sa_handler = { number in
          var byte = UInt8(truncatingIfNeeded: number)
          _ = write(signalPipeWriteFD, &byte, 1)
        }
      #endif
      action.sa_flags = SA_RESTART
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, nil)
    }
    let watcher = SignalWatcher(readFD: fds[0], signals: signals)
    installed = watcher
    return watcher
  }

  /// The first signal received and not yet taken, or nil; drains the pipe.
  public func takePendingSignal() -> Int32? {
    var first: Int32?
    var byte: UInt8 = 0
    while read(readFD, &byte, 1) == 1 {
      if first == nil { first = Int32(byte) }
    }
    return first
  }
}
