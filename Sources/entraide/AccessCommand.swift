import ArgumentParser
import CourseModel
import PostgresRegistry
import Registry
import Reports

/// `entraide access …`: who sees which helpers of a shared (PostgreSQL) registry.
struct AccessCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "access",
    abstract: Message(
      fr: "Portées d’accès d’un registre partagé (PostgreSQL).", en: "Scopes of a shared registry (PostgreSQL)."
    ).help,
    discussion: Message(
      fr: """
        Le rôle propriétaire du registre donne à un autre rôle de la base les entraidant·es de régions ou de \
        syndicats ; le serveur ne lui montre et ne lui laisse modifier qu’eux (sécurité au niveau des lignes), \
        quel que soit le programme utilisé. Voir docs/federation.md.
        """,
      en: """
        The registry's owner role gives another database role the helpers of some regions or locals; the \
        server then shows and lets it change only those (row-level security), whatever program it connects \
        with. See docs/federation.md.
        """
    ).help,
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
    abstract: Message(
      fr: "Donner à un rôle les entraidant·es de régions ou syndicats.",
      en: "Give a role the helpers of regions or locals."
    ).help)

  @OptionGroup var global: GlobalOptions

  @Argument(help: .local(fr: "Rôle de la base.", en: "Database role (created beforehand on the server).")) var role:
    String
  @Option(help: .local(fr: "Une région (répétable).", en: "A region (repeatable).")) var region: [String] = []
  @Option(help: .local(fr: "Un syndicat (répétable).", en: "A union local (repeatable).")) var local: [String] = []
  @Flag(help: .local(fr: "Lecture seule.", en: "The role may only read.")) var readOnly = false

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
      print(
        AccessReport.granted(
          AccessGrant(result.entry), emptyRegions: result.emptyRegions, emptyLocals: result.emptyLocals,
          language: global.language))
    }
  }
}

/// `entraide access list`.
struct AccessListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: Message(fr: "Les rôles et leurs portées.", en: "The roles and their scopes.").help)

  @OptionGroup var global: GlobalOptions

  func run() async throws {
    try await global.reportingErrors {
      let registry = try global.openServerRegistry()
      let entries = try mappingRegistryErrors { try registry.accessList() }
      print(AccessReport.list(entries.map(AccessGrant.init), owner: registry.owner, language: global.language))
    }
  }
}

/// `entraide access revoke ROLE`.
struct AccessRevokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke", abstract: Message(fr: "Retirer sa portée à un rôle.", en: "Take a role's scope away.").help)

  @OptionGroup var global: GlobalOptions

  @Argument(help: .local(fr: "Rôle de la base.", en: "Database role.")) var role: String

  func run() async throws {
    try await global.reportingErrors {
      let registry = try global.openServerRegistry()
      try mappingRegistryErrors { try registry.revokeAccess(role: role) }
      print(AccessReport.revoked(role: role, language: global.language))
    }
  }
}

/// Scopes in words.
extension AccessGrant {
  /// The report's view of a role's scope on the server.
  init(_ entry: AccessEntry) {
    self.init(role: entry.role, regions: entry.regions, locals: entry.locals, readOnly: entry.readOnly)
  }
}
