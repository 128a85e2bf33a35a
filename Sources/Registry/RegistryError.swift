import CourseModel
import Foundation
import GRDB

/// A bad row of a file, by its 1-based line.
public struct RowProblem: Sendable, Hashable {
  public var line: Int
  public var problem: Message

  public init(line: Int, problem: Message) {
    self.line = line
    self.problem = problem
  }
}

/// A refusal or failure of the registry, with its message in French and English.
public enum RegistryError: Error, Sendable, Hashable {
  /// The file exists but is not an SQLite database.
  case notSQLite(path: String)
  /// An SQLite database that is not an Entraide registry.
  case foreignDatabase(path: String)
  /// A registry written by a newer Entraide (migrations this program does not know).
  case newerSchema(path: String)
  /// The path names a folder, not a file.
  case isAFolder(path: String)
  /// The parent of the file is missing and cannot be created, or is not a folder.
  case cannotCreateFolder(path: String)
  /// The folder exists but this user cannot create files in it.
  case folderNotWritable(path: String)
  /// SQLite could not open the file.
  case cannotOpen(path: String, reason: String)
  /// An unexpected database failure.
  case database(String)
  /// The registry can no longer be written: the disk (or its quota) is full.
  case registryFull(path: String)
  /// The registry can no longer be written: the file, its folder or the disk became read-only, or was
  /// removed; `reason` is SQLite's.
  case registryNotWritable(path: String, reason: String)
  case unknownHelper(String, suggestions: [String])
  case duplicateHelperID(String)
  /// An id with characters other than letters, digits, `.`, `_`, `-`, or too long.
  case invalidHelperID(String)
  case emptyName
  /// A required field (`local`, `region`) is empty.
  case emptyField(String)
  /// A field (`name`, `local`, `region`, `email`, `reason`, `note`) holds a control or bidirectional
  /// character (`Unicode.Scalar.isControlOrBidi`), which would change how later text is shown.
  case controlCharacter(field: String, character: Unicode.Scalar)
  /// A name (or other field) from which no id can be made.
  case cannotMakeID(String)
  case nothingToChange
  case unknownCourse(String, suggestions: [String])
  case unknownCertification(String, suggestions: [String])
  /// A course no certification's initial or renewal path names.
  case courseGrantsNothing(String)
  case missingPrerequisites(course: String, missing: [String])
  case futureDate(date: CalendarDate, today: CalendarDate)
  /// A date before any peer-help network existed: a mistyped year.
  case dateBeforeNetworks(date: CalendarDate, earliest: CalendarDate)
  case unknownAttempt(Int64)
  /// The attempt is finished: its result never changes.
  case attemptFinished(Int64)
  /// The in-progress attempt is held by another live process (`run --take-over` ends its claim).
  case attemptOpenElsewhere(AttemptClaim)
  /// Another process took the attempt over (or it ended) while this one ran: nothing more is saved here.
  case claimLost(AttemptClaim?)
  /// A bad row of a CSV import (1-based line number in the file).
  case badRow(line: Int, problem: Message)
  /// The CSV header lacks a required column.
  case badHeader(missing: [String])
  /// The CSV file could not be read as UTF-8 CSV; the reason is a sentence fragment in both languages.
  case unreadableCSV(reason: Message)
  /// The attendance sheet's header lacks a required column.
  case badAttendanceHeader(missing: [String])
  /// Bad rows of an attendance sheet (each with its line); nothing was recorded.
  case badAttendanceRows([RowProblem], more: Int)
  /// A cell an attendance row needs is empty (`helper_id`, `course`, `date`).
  case emptyCell(column: String)
  /// A date that is not `YYYY-MM-DD` or names a day that does not exist.
  case impossibleDate(String)
  /// The same helper, course and day on two rows of one sheet.
  case listedTwice(helperID: String, courseID: String, date: CalendarDate, firstLine: Int)
  /// The registry already holds this course recorded for the helper on that day (a sheet recorded twice).
  case alreadyRecorded(helperID: String, courseID: String, date: CalendarDate)
  /// A registry file (`import json`) that cannot be read: malformed, truncated, another format or version.
  case badRegistryFile(reason: Message)
  /// A registry file whose records clash with this registry or are unsound; nothing was imported.
  case registryImportRefused([Message])
  /// The file exists but cannot be read.
  case fileNotReadable(path: String)
  /// A backup would overwrite an existing file.
  case backupTargetExists(path: String)

  /// Whether the input was at fault (exit status 2) rather than the environment (exit status 1).
  public var isInputError: Bool {
    switch self {
    case .notSQLite, .foreignDatabase, .newerSchema, .isAFolder, .cannotCreateFolder, .folderNotWritable,
      .cannotOpen, .database, .fileNotReadable, .registryFull, .registryNotWritable:
      false
    default: true
    }
  }

  /// The sentence to show the user.
  public var message: Message {
    switch self {
    case .notSQLite(let path):
      Message(
        fr: "« \(path) » n’est pas une base de données SQLite ; le fichier n’a pas été modifié.",
        en: "“\(path)” is not an SQLite database; the file was left untouched.")
    case .foreignDatabase(let path):
      Message(
        fr: "« \(path) » est une base SQLite qui n’est pas un registre Entraide ; le fichier n’a pas été modifié.",
        en: "“\(path)” is an SQLite database but not an Entraide registry; the file was left untouched.")
    case .newerSchema(let path):
      Message(
        fr:
          "Le registre « \(path) » a été écrit par une version plus récente d’Entraide ; mettez Entraide à jour. Le fichier n’a pas été modifié.",
        en:
          "The registry “\(path)” was written by a newer version of Entraide; please update Entraide. The file was left untouched."
      )
    case .isAFolder(let path):
      Message(
        fr: "« \(path) » est un dossier ; indiquez un fichier pour le registre.",
        en: "“\(path)” is a folder; give a file for the registry.")
    case .cannotCreateFolder(let path):
      Message(
        fr: "Impossible de créer le dossier « \(path) » pour le registre (dossier manquant ou protégé).",
        en: "Cannot create the folder “\(path)” for the registry (missing or protected folder).")
    case .folderNotWritable(let path):
      Message(
        fr: "Le dossier « \(path) » est en lecture seule : impossible d’y créer le registre.",
        en: "The folder “\(path)” is read-only: cannot create the registry there.")
    case .cannotOpen(let path, let reason):
      Message(
        fr: "Impossible d’ouvrir le registre « \(path) » : \(reason).",
        en: "Cannot open the registry “\(path)”: \(reason).")
    case .database(let reason):
      Message(fr: "Erreur de la base de données : \(reason).", en: "Database error: \(reason).")
    case .registryFull(let path):
      Message(
        fr:
          "Le registre « \(path) » ne peut plus être écrit : le disque est plein. Tout ce qui était déjà enregistré est conservé ; la dernière opération ne l’a pas été. Libérez de l’espace, puis relancez la même commande pour reprendre.",
        en:
          "The registry “\(path)” can no longer be written: the disk is full. Everything saved before is kept; the last step was not saved. Free some space, then run the same command again to resume."
      )
    case .registryNotWritable(let path, _):
      Message(
        fr:
          "Le registre « \(path) » ne peut plus être écrit : le fichier, son dossier ou le disque n’accepte plus l’écriture (lecture seule, supprimé ou en panne). Tout ce qui était déjà enregistré est conservé ; la dernière opération ne l’a pas été. Rendez-les accessibles en écriture, puis relancez la même commande pour reprendre.",
        en:
          "The registry “\(path)” can no longer be written: the file, its folder or the disk no longer accepts writes (read-only, removed or failing). Everything saved before is kept; the last step was not saved. Make them writable again, then run the same command again to resume."
      )
    case .unknownHelper(let id, let suggestions):
      suggestions.isEmpty
        ? Message(fr: "Aucun·e entraidant·e n’a l’identifiant « \(id) ».", en: "No helper has the id “\(id)”.")
        : Message(
          fr:
            "Aucun·e entraidant·e n’a l’identifiant « \(id) ». Vouliez-vous dire : \(suggestions.joined(separator: ", ")) ?",
          en: "No helper has the id “\(id)”. Did you mean: \(suggestions.joined(separator: ", "))?")
    case .duplicateHelperID(let id):
      Message(
        fr: "L’identifiant « \(id) » est déjà pris ; choisissez-en un autre avec --id.",
        en: "The id “\(id)” is already taken; choose another with --id.")
    case .invalidHelperID(let id):
      Message(
        fr:
          "L’identifiant « \(id) » n’est pas valide : utilisez de 1 à 64 lettres sans accents, chiffres, « . », « _ » ou « - », en commençant par une lettre ou un chiffre.",
        en:
          "The id “\(id)” is not valid: use 1 to 64 unaccented letters, digits, “.”, “_” or “-”, starting with a letter or a digit."
      )
    case .emptyName:
      Message(fr: "Le nom ne peut pas être vide.", en: "The name cannot be empty.")
    case .emptyField(let field):
      switch field {
      case "local":
        Message(fr: "Le syndicat (local) ne peut pas être vide.", en: "The union local cannot be empty.")
      case "region":
        Message(fr: "La région ne peut pas être vide.", en: "The region cannot be empty.")
      default:
        Message(fr: "Le champ « \(field) » ne peut pas être vide.", en: "The field “\(field)” cannot be empty.")
      }
    case .controlCharacter(let field, let character):
      Message(
        fr:
          "\(Self.fieldName(field).fr) contient un caractère invisible de contrôle ou de direction du texte (\(Self.codePoint(character))) ; retirez-le.",
        en:
          "The \(Self.fieldName(field).en) holds an invisible control or text-direction character (\(Self.codePoint(character))); remove it."
      )
    case .cannotMakeID(let name):
      Message(
        fr: "Impossible de tirer un identifiant du nom « \(name) » ; donnez-en un avec --id.",
        en: "Cannot make an id from the name “\(name)”; give one with --id.")
    case .nothingToChange:
      Message(
        fr: "Rien à modifier : indiquez --name, --local, --region ou --email.",
        en: "Nothing to change: give --name, --local, --region or --email.")
    case .unknownCourse(let id, let suggestions):
      suggestions.isEmpty
        ? Message(fr: "Aucun cours n’a l’identifiant « \(id) ».", en: "No course has the id “\(id)”.")
        : Message(
          fr: "Aucun cours n’a l’identifiant « \(id) ». Vouliez-vous dire : \(suggestions.joined(separator: ", ")) ?",
          en: "No course has the id “\(id)”. Did you mean: \(suggestions.joined(separator: ", "))?")
    case .unknownCertification(let id, let suggestions):
      suggestions.isEmpty
        ? Message(
          fr: "Aucune certification n’a l’identifiant « \(id) ».", en: "No certification has the id “\(id)”.")
        : Message(
          fr:
            "Aucune certification n’a l’identifiant « \(id) ». Vouliez-vous dire : \(suggestions.joined(separator: ", ")) ?",
          en: "No certification has the id “\(id)”. Did you mean: \(suggestions.joined(separator: ", "))?")
    case .courseGrantsNothing(let id):
      Message(
        fr:
          "Le cours « \(id) » n’accorde ni ne renouvelle aucune certification : il n’y a rien à enregistrer pour la certification.",
        en:
          "The course “\(id)” neither grants nor renews any certification: there is nothing to record for certification."
      )
    case .missingPrerequisites(let course, let missing):
      Message(
        fr:
          "Le cours « \(course) » exige d’avoir réussi avant : \(missing.joined(separator: ", ")).",
        en: "The course “\(course)” requires passing first: \(missing.joined(separator: ", ")).")
    case .futureDate(let date, let today):
      Message(
        fr: "La date \(date) est dans le futur (aujourd’hui : \(today)).",
        en: "The date \(date) is in the future (today is \(today)).")
    case .dateBeforeNetworks(let date, let earliest):
      Message(
        fr: "La date \(date) précède les premiers réseaux d’entraide (\(earliest.year)) : vérifiez l’année.",
        en: "The date \(date) is before the first peer-help networks (\(earliest.year)): check the year.")
    case .unknownAttempt(let id):
      Message(fr: "La tentative \(id) n’existe pas.", en: "Attempt \(id) does not exist.")
    case .attemptFinished(let id):
      Message(
        fr: "La tentative \(id) est terminée : son résultat ne peut plus changer.",
        en: "Attempt \(id) is finished: its result can no longer change.")
    case .attemptOpenElsewhere(let claim):
      Message(
        fr:
          "Ce cours est déjà ouvert pour cette personne sur « \(claim.holder.host) » (processus \(claim.holder.pid)) depuis \(Self.shown(claim.claimedAt)) ; rien n’a été modifié. Terminez-le là-bas, ou relancez avec --take-over pour le continuer ici.",
        en:
          "This course is already open for this helper on “\(claim.holder.host)” (process \(claim.holder.pid)) since \(Self.shown(claim.claimedAt)); nothing was changed. Finish it there, or run again with --take-over to continue it here."
      )
    case .claimLost(let claim):
      if let claim {
        Message(
          fr:
            "Cette tentative a été reprise sur « \(claim.holder.host) » (processus \(claim.holder.pid)) à \(Self.shown(claim.claimedAt)) ; rien de plus n’est enregistré ici.",
          en:
            "This attempt was taken over on “\(claim.holder.host)” (process \(claim.holder.pid)) at \(Self.shown(claim.claimedAt)); nothing more is saved here."
        )
      } else {
        Message(
          fr: "Cette tentative a été reprise ailleurs ; rien de plus n’est enregistré ici.",
          en: "This attempt was taken over elsewhere; nothing more is saved here.")
      }
    case .badRow(let line, let problem):
      Message(
        fr: "Ligne \(line) : \(problem.fr) Rien n’a été importé.",
        en: "Line \(line): \(problem.en) Nothing was imported.")
    case .badHeader(let missing):
      Message(
        fr:
          "L’en-tête du fichier CSV doit nommer les colonnes name, local, region (ou nom, syndicat, région) ; il manque : \(missing.joined(separator: ", ")). Rien n’a été importé.",
        en:
          "The CSV header must name the columns name, local, region (or nom, syndicat, région); missing: \(missing.joined(separator: ", ")). Nothing was imported."
      )
    case .unreadableCSV(let reason):
      Message(
        fr: "Fichier CSV illisible : \(reason.fr). Rien n’a été importé.",
        en: "Unreadable CSV file: \(reason.en). Nothing was imported.")
    case .badAttendanceHeader(let missing):
      Message(
        fr:
          "L’en-tête de la feuille de présence doit nommer les colonnes helper_id, course, date (ou identifiant, cours, date) ; il manque : \(missing.joined(separator: ", ")). Rien n’a été enregistré.",
        en:
          "The attendance sheet’s header must name the columns helper_id, course, date (or identifiant, cours, date); missing: \(missing.joined(separator: ", ")). Nothing was recorded."
      )
    case .badAttendanceRows(let problems, let more):
      Message(
        fr: (problems.map { "Ligne \($0.line) : \($0.problem.fr)" }
          + (more > 0
            ? ["… et \(more) autre\(more > 1 ? "s" : "") ligne\(more > 1 ? "s" : "") refusée\(more > 1 ? "s" : "")."]
            : [])
          + ["Rien n’a été enregistré."]).joined(separator: "\n"),
        en: (problems.map { "Line \($0.line): \($0.problem.en)" }
          + (more > 0 ? ["… and \(more) more bad row\(more > 1 ? "s" : "")."] : [])
          + ["Nothing was recorded."]).joined(separator: "\n"))
    case .emptyCell(let column):
      Message(
        fr: "La colonne « \(column) » est vide.", en: "The column “\(column)” is empty.")
    case .impossibleDate(let text):
      Message(
        fr: "La date « \(text) » n’est pas valide : attendu AAAA-MM-JJ, un jour qui existe.",
        en: "The date “\(text)” is not valid: expected YYYY-MM-DD, a day that exists.")
    case .listedTwice(let helperID, let courseID, let date, let firstLine):
      Message(
        fr: "\(helperID) figure déjà à la ligne \(firstLine) pour le cours « \(courseID) » le \(date).",
        en: "\(helperID) is already listed on line \(firstLine) for the course “\(courseID)” on \(date).")
    case .alreadyRecorded(let helperID, let courseID, let date):
      Message(
        fr: "Le cours « \(courseID) » est déjà enregistré pour \(helperID) le \(date) (feuille déjà enregistrée ?).",
        en: "The course “\(courseID)” is already recorded for \(helperID) on \(date) (sheet recorded before?).")
    case .badRegistryFile(let reason):
      Message(
        fr: "Fichier de registre illisible : \(reason.fr). Rien n’a été importé.",
        en: "Unreadable registry file: \(reason.en). Nothing was imported.")
    case .registryImportRefused(let problems):
      Message(
        fr: (["Import refusé, rien n’a été importé (chaque enregistrement doit être nouveau pour ce registre) :"]
          + problems.map { "  \($0.fr)" }).joined(separator: "\n"),
        en: (["Import refused, nothing was imported (every record must be new to this registry):"]
          + problems.map { "  \($0.en)" }).joined(separator: "\n"))
    case .fileNotReadable(let path):
      Message(
        fr: "Le fichier « \(path) » ne peut pas être lu (permission refusée) ; il n’a pas été modifié.",
        en: "The file “\(path)” cannot be read (permission denied); it was left untouched.")
    case .backupTargetExists(let path):
      Message(
        fr:
          "Le fichier « \(path) » existe déjà ; une copie de sauvegarde ne remplace jamais un fichier. Choisissez un autre nom.",
        en: "The file “\(path)” already exists; a backup never replaces a file. Choose another name.")
    }
  }

  /// The field as the subject of a sentence: « Le nom » / “name”.
  static func fieldName(_ field: String) -> Message {
    switch field {
    case "name": Message(fr: "Le nom", en: "name")
    case "local": Message(fr: "Le syndicat (local)", en: "union local")
    case "region": Message(fr: "La région", en: "region")
    case "email": Message(fr: "Le courriel", en: "email")
    case "reason": Message(fr: "La raison", en: "reason")
    case "note": Message(fr: "La note", en: "note")
    default: Message(fr: "Le champ « \(field) »", en: "field “\(field)”")
    }
  }

  /// `U+202E`: how a character nobody can see is named.
  static func codePoint(_ character: Unicode.Scalar) -> String {
    let hex = String(character.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// `2026-11-22 14:03:00 UTC`: an audit timestamp as people read it.
  static func shown(_ timestamp: String) -> String {
    timestamp.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
  }

  /// The error for a write SQLite refused for lack of space or of write access, or nil for any other.
  ///
  /// A write into a full disk often comes back as an I/O error (the WAL or its index cannot grow): it is
  /// taken as a full disk when the file system holding the registry has less than 64 KiB left.
  static func unwritable(_ error: DatabaseError, path: String) -> RegistryError? {
    switch error.resultCode {
    case .SQLITE_FULL: return .registryFull(path: path)
    case .SQLITE_IOERR where freeBytes(near: path).map { $0 < 65_536 } ?? false: return .registryFull(path: path)
    case .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM:
      return .registryNotWritable(path: path, reason: error.message ?? "\(error.resultCode)")
    default: return nil
    }
  }

  /// The bytes an unprivileged user may still write on the file system of `path`'s folder, or nil.
  static func freeBytes(near path: String) -> Int? {
    var stat = statvfs()
    let folder = (path as NSString).deletingLastPathComponent
    guard statvfs(folder.isEmpty ? "." : folder, &stat) == 0 else { return nil }
    return Int(stat.f_bavail) * Int(stat.f_frsize)
  }
}
