/// A peer helper in the registry: only what the job needs (DESIGN §6).
public struct Helper: Sendable, Hashable, Codable {
  /// A short readable id (`mtremblay`); unique ignoring case.
  public var id: String
  public var name: String
  /// The union local (syndicat).
  public var local: String
  public var region: String
  public var email: String?
  public var active: Bool
  /// When the helper was added (ISO 8601 timestamp, UTC).
  public var createdAt: String

  public init(
    id: String, name: String, local: String, region: String, email: String? = nil, active: Bool = true,
    createdAt: String = ""
  ) {
    self.id = id
    self.name = name
    self.local = local
    self.region = region
    self.email = email
    self.active = active
    self.createdAt = createdAt
  }

  /// The keys of the registry's JSON file (docs/registry-json.md), where a helper is written as stored.
  enum CodingKeys: String, CodingKey {
    case id, name, local, region, email, active
    case createdAt = "created_at"
  }

  /// `Marie Tremblay (mtremblay)`, stripped of control characters (as the reports show it).
  public var displayName: String {
    "\(name) (\(id))".strippingControlCharacters()
  }
}
