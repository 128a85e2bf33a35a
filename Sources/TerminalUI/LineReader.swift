#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What reading one line of input gave.
public enum InputEvent: Sendable, Hashable {
  /// A whole line, without its `\n` (and without a `\r` before it).
  case line(String)
  /// The input is closed (Ctrl-D on a terminal, the end of a pipe or file).
  case endOfInput
  /// A watched signal arrived while waiting (SIGINT, SIGTERM); its number.
  case interrupted(signal: Int32)
  /// The line is not valid UTF-8; it was read and dropped whole.
  case invalidEncoding
  /// The line was longer than the limit; it was read to its end and dropped whole.
  case tooLong(limit: Int)
}

/// Reads lines from a file descriptor, the same way from a terminal, a pipe or a file.
///
/// The reader owns the descriptor's buffering (do not mix with `readLine()` or FileHandle on the same
/// descriptor). It waits with `poll` on the input and on the signal watcher's pipe, so a signal
/// makes `readLine` return `.interrupted` at once, even when no byte arrives; a signal that came while
/// the program was busy is reported by the next `readLine` before any further input is read.
public final class LineReader {
  public let fd: Int32
  public let maximumLineBytes: Int
  private let signals: SignalWatcher?
  private var buffer: [UInt8] = []
  private var reachedEnd = false
  /// Inside an overlong line: bytes are dropped up to its newline.
  private var discarding = false

  public init(fd: Int32 = STDIN_FILENO, maximumLineBytes: Int = 4096, signals: SignalWatcher? = nil) {
    self.fd = fd
    self.maximumLineBytes = maximumLineBytes
    self.signals = signals
  }

  /// The next line, or why there is none.
  public func readLine() -> InputEvent {
    if let signal = signals?.takePendingSignal() { return .interrupted(signal: signal) }
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let bytes = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        if discarding || bytes.count > maximumLineBytes {
          discarding = false
          return .tooLong(limit: maximumLineBytes)
        }
        return decode(bytes)
      }
      if buffer.count > maximumLineBytes {
        // Keep nothing of an overlong line; drop the rest of it as it comes.
        buffer.removeAll(keepingCapacity: true)
        discarding = true
      }
      if reachedEnd {
        if discarding {
          discarding = false
          return .tooLong(limit: maximumLineBytes)
        }
        if buffer.isEmpty { return .endOfInput }
        let bytes = buffer
        buffer.removeAll()
        return decode(bytes)
      }
      switch fill() {
      case .data: continue
      case .end: reachedEnd = true
      case .signal(let signal):
        // The part of the line typed so far is dropped: it was not an answer yet.
        buffer.removeAll()
        return .interrupted(signal: signal)
      }
    }
  }

  private func decode(_ bytes: [UInt8]) -> InputEvent {
    var bytes = bytes
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
    guard let text = String(validating: bytes, as: UTF8.self) else { return .invalidEncoding }
    return .line(text)
  }

  private enum Fill {
    case data
    case end
    case signal(Int32)
  }

  private func fill() -> Fill {
    while true {
      var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
      if let signals { fds.append(pollfd(fd: signals.readFD, events: Int16(POLLIN), revents: 0)) }
      let ready = poll(&fds, nfds_t(fds.count), -1)
      if let signal = signals?.takePendingSignal() { return .signal(signal) }
      if ready < 0 {
        if errno == EINTR { continue }
        return .end
      }
      if fds[0].revents == 0 { continue }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count > 0 {
        buffer.append(contentsOf: chunk[..<count])
        return .data
      }
      if count == 0 { return .end }
      if errno == EINTR {
        if let signal = signals?.takePendingSignal() { return .signal(signal) }
        continue
      }
      if errno == EAGAIN { continue }
      return .end
    }
  }
}
