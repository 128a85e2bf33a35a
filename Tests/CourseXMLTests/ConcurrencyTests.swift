import Foundation
import Testing

@testable import CourseXML

/// `concurrentMap`: every index once, results in index order, whatever thread ran each.
@Suite struct ConcurrentMapTests {
  @Test func everyIndexRunsOnceAndResultsKeepTheirOrder() {
    let calls = CallCounter(count: 200)
    let results = concurrentMap(200) { index in
      calls.record(index)
      // Uneven work, so that threads finish out of order.
      var sum = 0
      for value in 0..<((index % 7) * 2_000) { sum &+= value }
      return index * 10 + (sum == -1 ? 1 : 0)
    }
    #expect(results == (0..<200).map { $0 * 10 })
    #expect(calls.counts == Array(repeating: 1, count: 200))
  }

  @Test func noWorkAndOneItemRunOnTheCaller() {
    #expect(concurrentMap(0) { $0 }.isEmpty)
    #expect(concurrentMap(1) { $0 + 41 } == [41])
  }
}

/// Counts calls per index from several threads.
private final class CallCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Int]

  init(count: Int) {
    values = Array(repeating: 0, count: count)
  }

  func record(_ index: Int) {
    lock.lock()
    values[index] += 1
    lock.unlock()
  }

  var counts: [Int] {
    lock.lock()
    defer { lock.unlock() }
    return values
  }
}
