import CourseModel
import Reports
import Testing

/// One row of each kind the filter tells apart.
private let rows: [RosterRow] = [
  RosterRow(
    helperID: "a", name: "A", local: "CSN 123", region: "Estrie", certification: "entraidant", status: .certified,
    daysLeft: 30),
  RosterRow(
    helperID: "b", name: "B", local: "CSN 123", region: "Estrie", certification: "entraidant", status: .due,
    daysLeft: 31),
  RosterRow(
    helperID: "c", name: "C", local: "FTQ 9", region: "Montréal", certification: "entraidant", status: .expired,
    daysLeft: -400),
  RosterRow(
    helperID: "d", name: "D", local: "FTQ 9", region: "Montréal", certification: "entraidant", status: .lapsed,
    daysLeft: -900),
  RosterRow(helperID: "e", name: "E", local: "ftq 9", region: "MONTRÉAL", certification: "s", status: .inTraining),
  RosterRow(helperID: "f", name: "F", local: "CSN 123", region: "Montreal", certification: "s", status: .never),
]

private func kept(_ filter: RosterFilter) -> [String] { filter.apply(rows).map(\.helperID) }

@Test func noFilterKeepsEveryRowInItsOrder() {
  #expect(kept(RosterFilter()) == ["a", "b", "c", "d", "e", "f"])
}

@Test func localAndRegionMatchExactlyIgnoringCaseAndSurroundingSpacesButNotAccents() {
  #expect(kept(RosterFilter(local: " ftq 9 ")) == ["c", "d", "e"])
  #expect(kept(RosterFilter(region: "montréal")) == ["c", "d", "e"])
  #expect(kept(RosterFilter(region: "Montreal")) == ["f"])
  #expect(kept(RosterFilter(local: "CSN 123", region: "estrie")) == ["a", "b"])
  #expect(kept(RosterFilter(local: "CSN")) == [])
}

@Test func dueWithinKeepsRenewalsOnlyUpToTheHorizonAndEveryExpiredRow() {
  #expect(kept(RosterFilter(dueWithin: 30)) == ["a", "c"])
  #expect(kept(RosterFilter(dueWithin: 31)) == ["a", "b", "c"])
  #expect(kept(RosterFilter(dueWithin: 0)) == ["c"])
}

@Test func statusesCombineWithTheOtherFilters() {
  #expect(kept(RosterFilter(statuses: [.lapsed, .never])) == ["d", "f"])
  #expect(kept(RosterFilter(region: "Estrie", statuses: [.due], dueWithin: 60)) == ["b"])
  #expect(kept(RosterFilter(statuses: [.inTraining], dueWithin: 365)) == [])
}
