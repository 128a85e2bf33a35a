import CourseModel

/// The course catalogue as the registry sees it: known courses and the certifications they grant.
public struct CourseIndex: Sendable, Hashable {
  public var courses: [String: CourseEntry]
  public var certifications: CertificationCatalog

  public init(entries: [CourseEntry], certifications: CertificationCatalog) {
    self.courses = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.certifications = certifications
  }

  public init(courses: [Course], certifications: CertificationCatalog) {
    self.init(entries: courses.map(CourseEntry.init), certifications: certifications)
  }

  /// The course, or `RegistryError.unknownCourse` with the closest ids.
  public func course(_ id: String) throws -> CourseEntry {
    if let entry = courses[id] { return entry }
    throw RegistryError.unknownCourse(id, suggestions: closestMatches(to: id, among: Array(courses.keys)))
  }

  /// The certification, or `RegistryError.unknownCertification` with the closest ids.
  public func certification(_ id: String) throws -> Certification {
    if let certification = certifications.certification(id) { return certification }
    throw RegistryError.unknownCertification(
      id, suggestions: closestMatches(to: id, among: certifications.certifications.map(\.id)))
  }
}
