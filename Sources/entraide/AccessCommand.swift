import ArgumentParser
import CourseModel
import PostgresRegistry
import Registry
import Reports

/// `entraide access …`: who sees which helpers of a shared (PostgreSQL) registry.
struct AccessCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "access",
    abstract: "Scopes of a shared registry (PostgreSQL). / Portées d’accès d’un registre partagé (PostgreSQL).",
    discussion: """
      The registry's owner role gives another database role the helpers of some regions or locals; the server \
      then shows and lets it change only those (row-level security), whatever program it connects with. \
      See docs/federation.md.
      """,
    subcommands: [AccessGrantCommand.self, AccessListCommand.self, AccessRevokeCommand.self]
  )
}

extension GlobalOptions {
  /// The shared registry, or a refusal for an SQLite file: scopes need a server.
  func openServerRegistry() throws -> PostgresRegistry {
    let registry = try openRegistry()
    guard let server = registry as? PostgresRegistry else {
      throw UserError(ServerRegistryError.scopesNeedAServer(path: registry.location).message, exitCode: 2)
    }
    return server
  }
}

/// `entraide access grant ROLE (--region R | --local L)… [--read-only]`.
struct AccessGrantCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grant",
    abstract:
      "Give a role the helpers of regions or locals. / Donner à un rôle les entraidant·es de régions ou syndicats.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Database role (created beforehand on the server). / Rôle de la base.") var role: String
  @Option(help: "A region (repeatable). / Une région (répétable).") var region: [String] = []
  @Option(help: "A union local (repeatable). / Un syndicat (répétable).") var local: [String] = []
  @Flag(help: "The role may only read. / Lecture seule.") var readOnly = false

  func run() async throws {
    try await global.reportingErrors {
      if (region + local).allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
        throw UserError(
          Message(
            fr: "Indiquez au moins une région (--region) ou un syndicat (--local) pour le rôle « \(role) ».",
            en: "Give at least one region (--region) or local (--local) for the role “\(role)”."),
          exitCode: 2)
      }
      let registry = try global.openServerRegistry()
      let result = try mappingRegistryErrors {
        try registry.grantAccess(role: role, regions: region, locals: local, readOnly: readOnly)
      }
      print(AccessText.granted(result.entry).text(global.language))
      for empty in result.emptyRegions {
        print(
          Message(
            fr: "Note : aucun·e entraidant·e n’est dans la région « \(empty) » pour l’instant (portée acceptée).",
            en: "Note: no helper is in the region “\(empty)” yet (scope accepted)."
          ).text(global.language).strippingControlCharacters())
      }
      for empty in result.emptyLocals {
        print(
          Message(
            fr: "Note : aucun·e entraidant·e n’est dans le syndicat « \(empty) » pour l’instant (portée acceptée).",
            en: "Note: no helper is in the local “\(empty)” yet (scope accepted)."
          ).text(global.language).strippingControlCharacters())
      }
    }
  }
}

/// `entraide access list`.
struct AccessListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "The roles and their scopes. / Les rôles et leurs portées.")

  @OptionGroup var global: GlobalOptions

  func run() async throws {
    try await global.reportingErrors {
      let registry = try global.openServerRegistry()
      let entries = try mappingRegistryErrors { try registry.accessList() }
      let language = global.language
      guard !entries.isEmpty else {
        print(
          Message(
            fr: "Aucun rôle n’a de portée : seul le rôle propriétaire (\(registry.owner)) voit le registre.",
            en: "No role has a scope: only the owner role (\(registry.owner)) sees the registry."
          ).text(language))
        return
      }
      var table = TextTable(
        header: language == .fr ? ["Rôle", "Portée", "Accès"] : ["Role", "Scope", "Access"])
      for entry in entries {
        table.append([entry.role, AccessText.scope(entry).text(language), AccessText.mode(entry).text(language)])
      }
      print(table.render().strippingControlCharacters(keepNewlines: true))
    }
  }
}

/// `entraide access revoke ROLE`.
struct AccessRevokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke", abstract: "Take a role's scope away. / Retirer sa portée à un rôle.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Database role. / Rôle de la base.") var role: String

  func run() async throws {
    try await global.reportingErrors {
      let registry = try global.openServerRegistry()
      try mappingRegistryErrors { try registry.revokeAccess(role: role) }
      print(
        Message(
          fr: "Le rôle « \(role) » n’a plus accès au registre.",
          en: "The role “\(role)” no longer has access to the registry."
        ).text(global.language))
    }
  }
}

/// Scopes in words.
enum AccessText {
  static func scope(_ entry: AccessEntry) -> Message {
    Message(
      fr: (entry.regions.map { "région \($0)" } + entry.locals.map { "syndicat \($0)" }).joined(separator: ", "),
      en: (entry.regions.map { "region \($0)" } + entry.locals.map { "local \($0)" }).joined(separator: ", "))
  }

  static func mode(_ entry: AccessEntry) -> Message {
    entry.readOnly
      ? Message(fr: "lecture seule", en: "read-only") : Message(fr: "lecture et écriture", en: "read-write")
  }

  static func granted(_ entry: AccessEntry) -> Message {
    let scope = scope(entry)
    let mode = mode(entry)
    return Message(
      fr: "Le rôle « \(entry.role) » voit désormais : \(scope.fr) (\(mode.fr)).",
      en: "The role “\(entry.role)” now sees: \(scope.en) (\(mode.en)).")
  }
}
