import Foundation
import Testing

@testable import TerminalUI

#if canImport(Glibc)
  import Glibc
#endif

/// A pipe holding `bytes`, its write end closed unless `keepOpen`; returns (read fd, write fd).
private func pipe(holding bytes: [UInt8], keepOpen: Bool = false) -> (Int32, Int32) {
  var fds: [Int32] = [-1, -1]
  precondition(Glibc.pipe(&fds) == 0)
  var offset = 0
  while offset < bytes.count {
    let written = bytes[offset...].withUnsafeBytes { Glibc.write(fds[1], $0.baseAddress, $0.count) }
    precondition(written > 0)
    offset += written
  }
  if !keepOpen {
    close(fds[1])
    return (fds[0], -1)
  }
  return (fds[0], fds[1])
}

private func events(_ bytes: [UInt8], limit: Int = 4096) -> [InputEvent] {
  let (readFD, _) = pipe(holding: bytes)
  defer { close(readFD) }
  let reader = LineReader(fd: readFD, maximumLineBytes: limit)
  var result: [InputEvent] = []
  while true {
    let event = reader.readLine()
    result.append(event)
    if event == .endOfInput || result.count > 20 { return result }
  }
}

@Test func readsLinesThenEndOfInput() {
  #expect(
    events(Array("1\nÉcouter\r\n\nfin".utf8)) == [.line("1"), .line("Écouter"), .line(""), .line("fin"), .endOfInput])
  #expect(events([]) == [.endOfInput])
}

@Test func invalidUTF8DropsOnlyThatLine() {
  #expect(
    events([0x32, 0xFF, 0x0A] + Array("2\n".utf8) + [0xC3, 0x0A]) == [
      .invalidEncoding, .line("2"), .invalidEncoding, .endOfInput,
    ])
}

@Test func anOverlongLineIsDroppedWholeAndTheNextIsRead() {
  let long = [UInt8](repeating: UInt8(ascii: "a"), count: 10_000)
  #expect(events(long + Array("\n3\n".utf8)) == [.tooLong(limit: 4096), .line("3"), .endOfInput])
  // Exactly at the limit is fine; one byte over is not.
  let atLimit = [UInt8](repeating: UInt8(ascii: "b"), count: 16)
  #expect(
    events(atLimit + [0x0A] + atLimit + [0x62, 0x0A], limit: 16) == [
      .line(String(repeating: "b", count: 16)), .tooLong(limit: 16), .endOfInput,
    ])
  // An overlong last line with no newline before the end.
  #expect(events(long, limit: 100) == [.tooLong(limit: 100), .endOfInput])
}

@Test func aSignalWakesABlockedRead() async throws {
  let watcher = try #require(SignalWatcher.install(signals: [SIGUSR1]))
  #expect(watcher.takePendingSignal() == nil)
  // The write end stays open and empty: without the signal this read would wait forever.
  let (readFD, writeFD) = pipe(holding: [], keepOpen: true)
  defer {
    close(readFD)
    close(writeFD)
  }
  let result = await withCheckedContinuation { (continuation: CheckedContinuation<InputEvent, Never>) in
    Thread.detachNewThread {
      let reader = LineReader(fd: readFD, signals: watcher)
      continuation.resume(returning: reader.readLine())
    }
    // No sleep: whether the signal comes before the read starts or while it waits, the read ends with it
    // (a pending signal is reported first, below); without the signal it would wait forever.
    kill(getpid(), SIGUSR1)
  }
  #expect(result == .interrupted(signal: SIGUSR1))

  // A signal that came while the program was busy is reported before the waiting line.
  _ = Glibc.write(writeFD, "4\n", 2)
  kill(getpid(), SIGUSR1)
  // The signal reaches the pipe asynchronously; wait until it has.
  var ready = pollfd(fd: watcher.readFD, events: Int16(POLLIN), revents: 0)
  #expect(poll(&ready, 1, 5000) == 1)
  let reader = LineReader(fd: readFD, signals: watcher)
  #expect(reader.readLine() == .interrupted(signal: SIGUSR1))
  #expect(reader.readLine() == .line("4"))
}
