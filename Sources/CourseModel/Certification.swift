/// A certification a network grants: how long it lasts and which courses grant and renew it.
public struct Certification: Sendable, Hashable, Codable {
  public var id: String
  public var title: LocalizedText
  public var validity: DateDuration
  /// How long before the end of validity renewal is due.
  public var window: DateDuration
  /// How long after expiry a renewal still renews; later, the initial path is required again.
  public var lapse: DateDuration
  /// Course ids that all must pass to be certified.
  public var initial: [CourseReference]
  /// Course ids that renew the certification (passing one renews).
  public var renewal: [CourseReference]
  public var location: SourceLocation

  public init(
    id: String, title: LocalizedText = LocalizedText(), validity: DateDuration, window: DateDuration,
    lapse: DateDuration, initial: [CourseReference] = [], renewal: [CourseReference] = [],
    location: SourceLocation = .unknown
  ) {
    self.id = id
    self.title = title
    self.validity = validity
    self.window = window
    self.lapse = lapse
    self.initial = initial
    self.renewal = renewal
    self.location = location
  }
}

public struct CourseReference: Sendable, Hashable, Codable {
  public var courseID: String
  public var location: SourceLocation

  public init(courseID: String, location: SourceLocation = .unknown) {
    self.courseID = courseID
    self.location = location
  }
}

/// The certifications file: every certification a network defines.
public struct CertificationCatalog: Sendable, Hashable, Codable {
  public var certifications: [Certification]
  public var digest: String

  public init(certifications: [Certification] = [], digest: String = "") {
    self.certifications = certifications
    self.digest = digest
  }

  public func certification(_ id: String) -> Certification? { certifications.first { $0.id == id } }

  /// The certifications whose initial or renewal path names the course.
  public func certifications(grantedBy courseID: String) -> [Certification] {
    certifications.filter { cert in
      cert.initial.contains { $0.courseID == courseID } || cert.renewal.contains { $0.courseID == courseID }
    }
  }
}
