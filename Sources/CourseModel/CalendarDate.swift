/// A day in the proleptic Gregorian calendar, with no time or zone.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// A valid date, or nil (`2026-02-30` is nil).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Reads `YYYY-MM-DD` exactly (ASCII digits).
  ///
  /// Reads the bytes directly: the registry parses three dates per certification cycle it reads.
  public init?(iso text: String) {
    var text = text
    guard let date = text.withUTF8({ CalendarDate(iso: $0) }) else { return nil }
    self = date
  }

  /// Reads `YYYY-MM-DD` exactly (ASCII digits) from UTF-8 bytes.
  public init?(iso bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count == 10 else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let year = number(0..<4),
      let month = number(5..<7), let day = number(8..<10)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// Appends `description` (`YYYY-MM-DD`) as UTF-8 bytes, without making a string: reports write thousands.
  public func appendISO(to bytes: inout [UInt8]) {
    guard (0...9999).contains(year) else {
      bytes.append(contentsOf: description.utf8)
      return
    }
    func digits(_ value: Int, _ count: Int) {
      var divisor = 1
      for _ in 1..<count { divisor *= 10 }
      while divisor > 0 {
        bytes.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
        divisor /= 10
      }
    }
    digits(year, 4)
    bytes.append(UInt8(ascii: "-"))
    digits(month, 2)
    bytes.append(UInt8(ascii: "-"))
    digits(day, 2)
  }

  /// The date `dayNumber` days after 0000-03-01 (see `dayNumber`).
  public init(dayNumber: Int) {
    // Inverse of the days-from-civil algorithm (H. Hinnant).
    let z = dayNumber
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.year = y
    self.month = m
    self.day = d
  }

  /// Days since 0000-03-01; differences give day counts.
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

  /// Adds years and months, then days; a day past the month's end becomes its last day (02-29 + 1 year = 02-28).
  public func adding(_ duration: DateDuration) -> CalendarDate {
    let totalMonths = (year * 12 + (month - 1)) + duration.years * 12 + duration.months
    let newYear = totalMonths / 12
    let newMonth = totalMonths % 12 + 1
    let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
    return CalendarDate(dayNumber: CalendarDate(unchecked: newYear, newMonth, newDay).dayNumber + duration.days)
  }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }

  private init(unchecked year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

  public var description: String {
    guard (0...9999).contains(year) else {
      let y = String(year)
      let m = month < 10 ? "0\(month)" : "\(month)"
      let d = day < 10 ? "0\(day)" : "\(day)"
      return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }
    // Written as bytes (`appendISO`): tables show tens of thousands of dates.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(10)
    appendISO(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = CalendarDate(iso: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
    }
    self = date
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// A calendar duration from xs:duration with dates only (`P1Y`, `P90D`, `P6M`, `P1Y2M10D`, `P2W`).
public struct DateDuration: Sendable, Hashable, Codable, CustomStringConvertible {
  public var years: Int
  public var months: Int
  public var days: Int

  public init(years: Int = 0, months: Int = 0, days: Int = 0) {
    self.years = years
    self.months = months
    self.days = days
  }

  /// Reads `PnYnMnD` or `PnW`; nil for anything else, including time parts and negatives.
  public init?(iso text: String) {
    guard let parsed = ISODuration(iso: text), parsed.hours == 0, parsed.minutes == 0, !parsed.hasTime else {
      return nil
    }
    self.init(years: parsed.years, months: parsed.months, days: parsed.days)
  }

  public var description: String {
    if years == 0, months == 0, days == 0 { return "P0D" }
    var text = "P"
    if years != 0 { text += "\(years)Y" }
    if months != 0 { text += "\(months)M" }
    if days != 0 { text += "\(days)D" }
    return text
  }
}

/// An xs:duration without sign or fractions (`P1Y2M10D`, `P2W`, `PT1H30M`), the one parser of durations.
public struct ISODuration: Sendable, Hashable {
  public var years = 0
  public var months = 0
  /// Days, weeks counted as 7.
  public var days = 0
  public var hours = 0
  public var minutes = 0
  public var seconds = 0
  /// Whether the text had a `T` part.
  public var hasTime = false

  /// Reads `PnYnMnWnDTnHnMnS` (each part optional, in that order, at least one); nil for anything else.
  public init?(iso text: String) {
    var rest = Substring(text)
    guard rest.first == "P", rest.count > 1 else { return nil }
    rest = rest.dropFirst()
    var order = Array("YMWD")
    var position = 0
    var parts = 0
    while !rest.isEmpty {
      if rest.first == "T" {
        guard !hasTime, rest.count > 1 else { return nil }
        hasTime = true
        order = Array("HMS")
        position = 0
        rest = rest.dropFirst()
        continue
      }
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      guard !digits.isEmpty, let value = Int(digits) else { return nil }
      rest = rest.dropFirst(digits.count)
      guard let unit = rest.first, let found = order[position...].firstIndex(of: unit) else { return nil }
      rest = rest.dropFirst()
      position = found + 1
      parts += 1
      switch (hasTime, unit) {
      case (false, "Y"): years = value
      case (false, "M"): months = value
      case (false, "W"): days += value * 7
      case (false, _): days += value
      case (true, "H"): hours = value
      case (true, "M"): minutes = value
      default: seconds = value
      }
    }
    guard parts > 0, !(hasTime && text.hasSuffix("T")) else { return nil }
  }
}
