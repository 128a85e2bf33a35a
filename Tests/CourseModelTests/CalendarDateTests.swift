import CourseModel
import Testing

@Test(arguments: [
  ("2024-02-29", "P1Y", "2025-02-28"),
  ("2025-12-31", "P1D", "2026-01-01"),
  ("2026-01-31", "P1M", "2026-02-28"),
  ("2023-11-22", "P90D", "2024-02-20"),
  ("2026-11-22", "P1Y2M10D", "2028-02-01"),
  ("2026-11-22", "P2W", "2026-12-06"),
])
func addingADurationClampsToTheMonthEnd(start: String, duration: String, expected: String) throws {
  let date = try #require(CalendarDate(iso: start))
  let span = try #require(DateDuration(iso: duration))
  #expect(date.adding(span).description == expected)
}

@Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "26-01-01", "2026-1-01", "", "2026-01-01x", "2026-04-31"])
func impossibleDatesAreRefused(text: String) {
  #expect(CalendarDate(iso: text) == nil)
}

@Test(arguments: [
  "２０２６-01-01", "2026-0١-01", "2026/01/01", "2026-01-0 ", " 026-01-01", "+026-01-01", "2026-01-1\u{301}",
  "2026--01-01", "0000-01-01",
])
func onlyTenASCIIDigitsAndDashesAreADate(text: String) {
  #expect(CalendarDate(iso: text) == nil)
}

@Test func anISODateReadsItsThreeNumbers() {
  #expect(CalendarDate(iso: "2028-02-29") == CalendarDate(year: 2028, month: 2, day: 29))
  #expect(CalendarDate(iso: "0001-01-01") == CalendarDate(year: 1, month: 1, day: 1))
  #expect(CalendarDate(iso: "9999-12-31") == CalendarDate(year: 9999, month: 12, day: 31))
}

@Test func dayNumbersRoundTripAcrossCenturies() throws {
  var date = try #require(CalendarDate(iso: "1899-12-25"))
  for _ in 0..<80_000 {
    let next = date.adding(days: 1)
    #expect(date.days(to: next) == 1)
    #expect(CalendarDate(dayNumber: next.dayNumber) == next)
    date = next
  }
  // 80,000 days later, as Python's datetime counts it.
  #expect(date.description == "2119-01-06")
}

@Test(arguments: ["P", "P1H", "PT1M", "-P1Y", "P1D1Y", "1Y", "P1.5Y"])
func nonDateDurationsAreRefused(text: String) {
  #expect(DateDuration(iso: text) == nil)
}

/// The one duration parser: dates for certifications, hours and minutes for a course's length.
@Test func isoDurationsReadEveryPartInOrder() throws {
  let all = try #require(ISODuration(iso: "P1Y2M3W4DT5H6M7S"))
  #expect([all.years, all.months, all.days, all.hours, all.minutes, all.seconds] == [1, 2, 25, 5, 6, 7])
  #expect(all.hasTime)
  let course = try #require(ISODuration(iso: "PT1H30M"))
  #expect([course.hours, course.minutes, course.days] == [1, 30, 0])
  for bad in ["P", "PT", "P1DT", "PT1H1H", "PT1M1H", "P1YT", "PT1D", "P1S", "P1Y1Y"] {
    #expect(ISODuration(iso: bad) == nil, "\(bad)")
  }
}

@Test func aDateWrittenAsBytesIsItsDescription() throws {
  let last = try #require(CalendarDate(year: 9999, month: 12, day: 31))
  for date in [
    try #require(CalendarDate(year: 1, month: 1, day: 1)), try #require(CalendarDate(year: 999, month: 12, day: 31)),
    try #require(CalendarDate(iso: "2026-12-01")), last, CalendarDate(dayNumber: last.dayNumber + 400),
  ] {
    var bytes: [UInt8] = []
    date.appendISO(to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == date.description)
  }
  var bytes: [UInt8] = []
  try #require(CalendarDate(year: 7, month: 3, day: 9)).appendISO(to: &bytes)
  #expect(bytes == Array("0007-03-09".utf8))
}
