import CourseModel
import Foundation
import Testing

@testable import Registry

/// A fixed instant for audit timestamps: 2026-11-22T12:00:00Z.
let fixedInstant = Date(timeIntervalSince1970: 1_795_348_800)

func day(_ text: String) -> CalendarDate {
  guard let date = CalendarDate(iso: text) else { preconditionFailure("bad test date \(text)") }
  return date
}

/// Validity P1Y, window P90D, lapse P1Y; initial path ecoute-active + referer, renewal ressourcement-annuel.
let entraidant = Certification(
  id: "entraidant", title: LocalizedText(["fr": "Entraidant·e", "en": "Peer helper"]),
  validity: DateDuration(years: 1), window: DateDuration(days: 90), lapse: DateDuration(years: 1),
  initial: [CourseReference(courseID: "ecoute-active"), CourseReference(courseID: "referer")],
  renewal: [CourseReference(courseID: "ressourcement-annuel")])

/// Validity P1Y, window P60D, lapse P6M; initial prevention-suicide, renewal prevention-suicide-rappel.
let sentinelle = Certification(
  id: "sentinelle", title: LocalizedText(["fr": "Sentinelle", "en": "Sentinel"]),
  validity: DateDuration(years: 1), window: DateDuration(days: 60), lapse: DateDuration(months: 6),
  initial: [CourseReference(courseID: "prevention-suicide")],
  renewal: [CourseReference(courseID: "prevention-suicide-rappel")])

let catalog = CertificationCatalog(certifications: [entraidant, sentinelle])

let courseIndex = CourseIndex(
  entries: [
    CourseEntry(id: "ecoute-active", version: "1", digest: "d-ecoute"),
    CourseEntry(id: "referer", version: "1", digest: "d-referer", requires: ["ecoute-active"]),
    CourseEntry(id: "ressourcement-annuel", version: "2", digest: "d-ress"),
    CourseEntry(id: "prevention-suicide", version: "1", digest: "d-ps"),
    CourseEntry(id: "prevention-suicide-rappel", version: "1", digest: "d-psr", requires: ["prevention-suicide"]),
    CourseEntry(id: "format-tour", version: "1", digest: "d-tour"),
  ], certifications: catalog)

func memoryRegistry() throws -> Registry {
  try Registry.inMemory(actor: "coord", clock: { fixedInstant })
}

func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("registry-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
