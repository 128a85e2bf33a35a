/// What is known of one course without its model: its id, version, digest, title and prerequisites (what the
/// registry needs, and what a courses folder keeps of each course between runs).
public struct CourseEntry: Sendable, Hashable, Codable {
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
