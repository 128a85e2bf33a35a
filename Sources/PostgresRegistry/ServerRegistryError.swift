import CourseModel

/// A refusal or failure of the shared registry on a PostgreSQL server, in French and English.
///
/// No case carries the password: URLs are shown as `PostgresURL.description` (or redacted when malformed).
public enum ServerRegistryError: Error, Sendable, Hashable {
  /// What is wrong in a URL.
  public enum URLProblem: Sendable, Hashable {
    case scheme
    case user
    case host
    case port
    case database
    case encoding
    case parameter(String)
  }

  case malformedURL(String, problem: URLProblem)
  /// The host name does not resolve.
  case unknownHost(host: String)
  /// Nothing answers at host:port: refused (nothing listens there) or no answer in time.
  case cannotConnect(server: String, refused: Bool)
  /// The server refused the user name or password.
  case authenticationFailed(server: String, user: String)
  /// The server has no such database.
  case noSuchDatabase(server: String)
  /// TLS was required but the server does not offer it, or the handshake failed.
  case tlsFailed(server: String, reason: String)
  /// The database holds tables, but not an Entraide registry.
  case notARegistry(server: String)
  /// The registry's schema was made by a newer Entraide.
  case newerSchema(server: String, found: Int, known: Int)
  /// An empty database given to a command that does not create the registry.
  case noRegistry(server: String)
  /// A role other than the owner connected to a database with no registry yet.
  case notCreated(server: String, user: String)
  /// The connection was lost during an operation (server restarted or network cut).
  case connectionLost(server: String)
  /// The role has no scope on this registry.
  case noScope(role: String)
  /// The role may only read.
  case readOnly(role: String)
  /// A helper outside the role's scope.
  case outsideScope(role: String, regions: [String], locals: [String])
  /// The server refused an action for lack of privilege.
  case notPermitted(role: String, reason: String)
  /// `access` run by another role than the registry's owner.
  case ownerOnly(role: String, owner: String)
  /// `access grant` naming a role the server does not know.
  case unknownRole(String)
  /// `access grant` naming the owner or a superuser, who see everything anyway.
  case roleSeesEverything(String)
  /// `access revoke` of a role with no scope.
  case roleHasNoScope(String)
  /// A role name with characters other than letters, digits and `_`.
  case invalidRoleName(String)
  /// `access` on an SQLite registry.
  case scopesNeedAServer(path: String)
  /// `backup` on a server: the server's own tools do it.
  case backupOnServer
  /// `import json` run by another role than the registry's owner.
  case importOwnerOnly(role: String, owner: String)
  /// Another server error, with the server's message.
  case server(String)

  /// Whether the input was at fault (exit status 2) rather than the environment (exit status 1).
  public var isInputError: Bool {
    switch self {
    case .malformedURL, .noRegistry, .unknownRole, .roleSeesEverything, .roleHasNoScope, .invalidRoleName,
      .scopesNeedAServer,
      .outsideScope, .backupOnServer:
      true
    default: false
    }
  }

  /// The sentence to show the user.
  public var message: Message {
    switch self {
    case .malformedURL(let url, let problem):
      let (fr, en) = Self.explain(problem)
      return Message(
        fr: "L’adresse du registre « \(url) » est mal formée : \(fr). Forme attendue : "
          + "postgresql://UTILISATEUR[:MOT_DE_PASSE]@HÔTE[:PORT]/BASE[?sslmode=require].",
        en: "The registry URL “\(url)” is malformed: \(en). Expected: "
          + "postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require].")
    case .unknownHost(let host):
      return Message(
        fr: "Serveur introuvable : le nom « \(host) » ne correspond à aucune machine (vérifiez l’adresse du registre).",
        en: "Unknown server: the name “\(host)” matches no machine (check the registry URL).")
    case .cannotConnect(let server, let refused):
      return Message(
        fr: "Impossible de joindre le serveur du registre \(server) ("
          + (refused ? "connexion refusée : aucun serveur n’écoute à cette adresse" : "pas de réponse") + ").",
        en: "Cannot reach the registry server \(server) ("
          + (refused ? "connection refused: no server listens at that address" : "no answer") + ").")
    case .authenticationFailed(let server, let user):
      return Message(
        fr: "Le serveur \(server) a refusé l’utilisateur « \(user) » ou son mot de passe (PGPASSWORD ou l’adresse).",
        en: "The server \(server) refused the user “\(user)” or its password (PGPASSWORD or the URL).")
    case .noSuchDatabase(let server):
      return Message(
        fr: "La base de données de \(server) n’existe pas ; demandez à l’administrateur·rice du serveur de la créer.",
        en: "The database of \(server) does not exist; ask the server’s administrator to create it.")
    case .tlsFailed(let server, let reason):
      return Message(
        fr: "Connexion chiffrée (TLS) impossible avec \(server) : \(reason).",
        en: "Cannot open an encrypted (TLS) connection to \(server): \(reason).")
    case .notARegistry(let server):
      return Message(
        fr:
          "La base \(server) contient déjà des tables, mais ce n’est pas un registre Entraide ; rien n’a été modifié.",
        en: "The database \(server) already holds tables but is not an Entraide registry; nothing was changed.")
    case .newerSchema(let server, let found, let known):
      return Message(
        fr: "Le registre \(server) a été créé par une version plus récente d’Entraide (schéma \(found), "
          + "celle-ci connaît \(known)) ; mettez Entraide à jour. Rien n’a été modifié.",
        en: "The registry \(server) was made by a newer Entraide (schema \(found), this one knows \(known)); "
          + "please update Entraide. Nothing was changed.")
    case .noRegistry(let server):
      return Message(
        fr: "La base \(server) ne contient pas encore de registre : vérifiez --db ou $ENTRAIDE_DB. Un registre se "
          + "crée en ajoutant un·e entraidant·e (entraide helpers add) ou depuis le menu (entraide).",
        en: "The database \(server) holds no registry yet: check --db or $ENTRAIDE_DB. A registry is created by "
          + "adding a helper (entraide helpers add) or from the menu (entraide).")
    case .notCreated(let server, let user):
      return Message(
        fr: "La base \(server) ne contient pas encore de registre, et le rôle « \(user) » ne peut pas le créer : "
          + "le rôle propriétaire de la base le crée à sa première utilisation.",
        en: "The database \(server) holds no registry yet, and the role “\(user)” cannot create it: the role that "
          + "owns the database creates it on first use.")
    case .connectionLost(let server):
      return Message(
        fr: "La connexion au serveur \(server) a été perdue ; ce qui avait été enregistré avant est conservé. "
          + "Réessayez une fois le serveur revenu.",
        en: "The connection to the server \(server) was lost; everything saved before is kept. "
          + "Try again once the server is back.")
    case .noScope(let role):
      return Message(
        fr: "Le rôle « \(role) » n’a aucune portée dans ce registre : le rôle propriétaire doit d’abord lancer "
          + "« entraide access grant \(role) --region RÉGION ».",
        en: "The role “\(role)” has no scope in this registry: the owner role must first run "
          + "“entraide access grant \(role) --region REGION”.")
    case .readOnly(let role):
      return Message(
        fr: "Le rôle « \(role) » a un accès en lecture seule à ce registre ; rien n’a été modifié.",
        en: "The role “\(role)” has read-only access to this registry; nothing was changed.")
    case .outsideScope(let role, let regions, let locals):
      let fr = (regions.map { "région \($0)" } + locals.map { "syndicat \($0)" }).joined(separator: ", ")
      let en = (regions.map { "region \($0)" } + locals.map { "local \($0)" }).joined(separator: ", ")
      return Message(
        fr: "Hors de la portée du rôle « \(role) » (\(fr)) : rien n’a été modifié.",
        en: "Outside the scope of the role “\(role)” (\(en)): nothing was changed.")
    case .notPermitted(let role, let reason):
      return Message(
        fr: "Le serveur refuse cette opération au rôle « \(role) » (\(reason)) ; rien n’a été modifié.",
        en: "The server refuses this operation to the role “\(role)” (\(reason)); nothing was changed.")
    case .ownerOnly(let role, let owner):
      return Message(
        fr: "Seul le rôle propriétaire du registre (« \(owner) ») gère les accès ; « \(role) » ne le peut pas.",
        en: "Only the registry’s owner role (“\(owner)”) manages access; “\(role)” cannot.")
    case .unknownRole(let role):
      return Message(
        fr: "Le serveur ne connaît pas le rôle « \(role) » : créez-le d’abord (CREATE ROLE \(role) LOGIN PASSWORD …).",
        en: "The server knows no role “\(role)”: create it first (CREATE ROLE \(role) LOGIN PASSWORD …).")
    case .roleSeesEverything(let role):
      return Message(
        fr: "Le rôle « \(role) » est propriétaire du registre ou superutilisateur : il voit déjà tout.",
        en: "The role “\(role)” owns the registry or is a superuser: it already sees everything.")
    case .roleHasNoScope(let role):
      return Message(
        fr: "Le rôle « \(role) » n’a aucune portée dans ce registre ; rien à retirer.",
        en: "The role “\(role)” has no scope in this registry; nothing to revoke.")
    case .invalidRoleName(let role):
      return Message(
        fr: "« \(role) » n’est pas un nom de rôle accepté : lettres minuscules sans accents, chiffres et « _ », "
          + "en commençant par une lettre.",
        en: "“\(role)” is not an accepted role name: lowercase unaccented letters, digits and “_”, "
          + "starting with a letter.")
    case .scopesNeedAServer(let path):
      return Message(
        fr: "Les portées d’accès demandent un registre partagé sur PostgreSQL ; « \(path) » est un fichier SQLite "
          + "(un seul poste). Voir docs/federation.md.",
        en: "Access scopes need a shared registry on PostgreSQL; “\(path)” is an SQLite file (one machine). "
          + "See docs/federation.md.")
    case .backupOnServer:
      return Message(
        fr:
          "Un registre sur serveur se sauvegarde avec pg_dump (voir docs/federation.md), ou avec « entraide export json ».",
        en: "A registry on a server is backed up with pg_dump (see docs/federation.md), or with “entraide export json”."
      )
    case .importOwnerOnly(let role, let owner):
      return Message(
        fr: "Seul le rôle propriétaire du registre (« \(owner) ») importe un registre ; « \(role) » ne le peut pas. "
          + "Rien n’a été importé.",
        en: "Only the registry’s owner role (“\(owner)”) imports a registry; “\(role)” cannot. Nothing was imported.")
    case .server(let reason):
      return Message(fr: "Erreur du serveur PostgreSQL : \(reason).", en: "PostgreSQL server error: \(reason).")
    }
  }

  private static func explain(_ problem: URLProblem) -> (String, String) {
    switch problem {
    case .scheme:
      ("elle doit commencer par postgresql:// ou postgres://", "it must start with postgresql:// or postgres://")
    case .user: ("l’utilisateur manque (UTILISATEUR@ avant l’hôte)", "the user is missing (USER@ before the host)")
    case .host: ("l’hôte manque ou est mal écrit", "the host is missing or malformed")
    case .port: ("le port doit être un nombre de 1 à 65535", "the port must be a number from 1 to 65535")
    case .database:
      ("le nom de la base manque (/BASE après l’hôte)", "the database name is missing (/DATABASE after the host)")
    case .encoding: ("un caractère encodé (%) est invalide", "a percent-encoded character is invalid")
    case .parameter(let text):
      (
        "paramètre « \(text) » inconnu (seul sslmode=disable|prefer|require|verify-full est accepté)",
        "unknown parameter “\(text)” (only sslmode=disable|prefer|require|verify-full is accepted)"
      )
    }
  }
}
