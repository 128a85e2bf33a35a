import CourseModel

/// What the registry needs to know of one course: its id, version, digest, title and prerequisites.
public struct CourseEntry: Sendable, Hashable {
  public var id: String
  public var version: String
  /// The course file's digest (hex SHA-256).
  public var digest: String
  public var title: LocalizedText
  /// Course ids that must be passed before this one.
  public var requires: [String]

  public init(
    id: String, version: String = "", digest: String = "", title: LocalizedText = LocalizedText(),
    requires: [String] = []
  ) {
    self.id = id
    self.version = version
    self.digest = digest
    self.title = title
    self.requires = requires
  }

  public init(_ course: Course) {
    self.init(
      id: course.id, version: course.version, digest: course.digest, title: course.title,
      requires: course.requires.map(\.courseID))
  }
}

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
