import CourseModel

/// A role's scope on a shared registry, as `entraide access` shows it.
public struct AccessGrant: Sendable, Hashable {
  public var role: String
  public var regions: [String]
  public var locals: [String]
  public var readOnly: Bool

  public init(role: String, regions: [String], locals: [String], readOnly: Bool) {
    self.role = role
    self.regions = regions
    self.locals = locals
    self.readOnly = readOnly
  }

  /// « région Estrie, syndicat CSN 1 » / "region Estrie, local CSN 1".
  var scope: Message {
    Message(
      fr: (regions.map { "région \($0)" } + locals.map { "syndicat \($0)" }).joined(separator: ", "),
      en: (regions.map { "region \($0)" } + locals.map { "local \($0)" }).joined(separator: ", "))
  }

  var mode: Message {
    readOnly ? Message(fr: "lecture seule", en: "read-only") : Message(fr: "lecture et écriture", en: "read-write")
  }
}

/// What `entraide access grant|list|revoke` prints.
public enum AccessReport {
  /// What the role now sees, then a note for each region or local no helper is in yet.
  public static func granted(
    _ grant: AccessGrant, emptyRegions: [String], emptyLocals: [String], language: Language
  ) -> String {
    let scope = grant.scope
    let mode = grant.mode
    let head = Message(
      fr: "Le rôle « \(grant.role) » voit désormais : \(scope.fr) (\(mode.fr)).",
      en: "The role “\(grant.role)” now sees: \(scope.en) (\(mode.en)).")
    let notes =
      emptyRegions.map { empty in
        Message(
          fr: "Note : aucun·e entraidant·e n’est dans la région « \(empty) » pour l’instant (portée acceptée).",
          en: "Note: no helper is in the region “\(empty)” yet (scope accepted).")
      }
      + emptyLocals.map { empty in
        Message(
          fr: "Note : aucun·e entraidant·e n’est dans le syndicat « \(empty) » pour l’instant (portée acceptée).",
          en: "Note: no helper is in the local “\(empty)” yet (scope accepted).")
      }
    return ([head.text(language)] + notes.map { $0.text(language).strippingControlCharacters() })
      .joined(separator: "\n")
  }

  /// A table of the roles and their scopes; without any, that only the owner role sees the registry.
  public static func list(_ grants: [AccessGrant], owner: String, language: Language) -> String {
    guard !grants.isEmpty else {
      return Message(
        fr: "Aucun rôle n’a de portée : seul le rôle propriétaire (\(owner)) voit le registre.",
        en: "No role has a scope: only the owner role (\(owner)) sees the registry."
      ).text(language)
    }
    var table = TextTable(header: language == .fr ? ["Rôle", "Portée", "Accès"] : ["Role", "Scope", "Access"])
    for grant in grants {
      table.append([grant.role, grant.scope.text(language), grant.mode.text(language)])
    }
    return table.render()
  }

  /// That the role no longer sees the registry.
  public static func revoked(role: String, language: Language) -> String {
    Message(
      fr: "Le rôle « \(role) » n’a plus accès au registre.",
      en: "The role “\(role)” no longer has access to the registry."
    ).text(language)
  }
}
