import CourseModel
import GRDB

/// One thing `Registry.check` found wrong, in plain words.
public enum RegistryProblem: Sendable, Hashable {
  /// SQLite's `integrity_check` lines: the file itself is damaged.
  case damaged([String])
  /// A row pointing to a row that does not exist (`foreign_key_check`).
  case danglingReference(table: String, rowID: Int64, parent: String)
  /// A certification cycle neither a passed attempt nor an in-person record of the same helper explains.
  case unexplainedCycle(id: Int64, helperID: String, certificationID: String, certifiedOn: String)
  /// More than one attempt in progress for one helper and course.
  case inProgressTwice(helperID: String, courseID: String, attemptIDs: [Int64])
  /// A claim kept on an attempt that is no longer in progress.
  case claimOnFinishedAttempt(attemptID: Int64)

  public var message: Message {
    switch self {
    case .damaged(let lines):
      let shown = lines.prefix(5).joined(separator: " ; ")
      return Message(
        fr:
          "Le fichier est endommagé : SQLite signale « \(shown) ». Remettez en place la dernière copie de sauvegarde (entraide backup).",
        en: "The file is damaged: SQLite reports “\(shown)”. Put back the latest backup copy (entraide backup).")
    case .danglingReference(let table, let rowID, let parent):
      return Message(
        fr: "La ligne \(rowID) de la table « \(table) » renvoie à une ligne de « \(parent) » qui n’existe pas.",
        en: "Row \(rowID) of the table “\(table)” points to a row of “\(parent)” that does not exist.")
    case .unexplainedCycle(let id, let helperID, let certificationID, let certifiedOn):
      return Message(
        fr:
          "Le cycle n° \(id) (\(helperID), \(certificationID), certifié le \(certifiedOn)) n’est expliqué par aucune tentative réussie ni aucun cours enregistré en personne.",
        en:
          "Cycle \(id) (\(helperID), \(certificationID), certified on \(certifiedOn)) is explained by no passed attempt and no course recorded in person."
      )
    case .inProgressTwice(let helperID, let courseID, let ids):
      let list = ids.map(String.init).joined(separator: ", ")
      return Message(
        fr:
          "\(helperID) a \(ids.count) tentatives en cours du cours « \(courseID) » (n° \(list)) ; il ne doit y en avoir qu’une.",
        en:
          "\(helperID) has \(ids.count) attempts in progress of the course “\(courseID)” (\(list)); there must be one at most."
      )
    case .claimOnFinishedAttempt(let id):
      return Message(
        fr: "La tentative n° \(id) est terminée mais reste réservée par un terminal.",
        en: "Attempt \(id) is finished but still claimed by a terminal.")
    }
  }
}

/// What `Registry.check` counted, for the summary line.
public struct RegistryCheck: Sendable, Hashable {
  public var problems: [RegistryProblem]
  public var helpers: Int
  public var attempts: Int
  public var cycles: Int

  public init(problems: [RegistryProblem], helpers: Int, attempts: Int, cycles: Int) {
    self.problems = problems
    self.helpers = helpers
    self.attempts = attempts
    self.cycles = cycles
  }
}

extension Registry {
  /// Verifies the registry: the file (`integrity_check`), the references between rows (`foreign_key_check`),
  /// every certification cycle explained by a passed attempt or an in-person record of the same helper, and
  /// no helper with two attempts of one course in progress. Reads only.
  public func check() throws -> RegistryCheck {
    try read { db in
      var problems: [RegistryProblem] = []
      let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
      if integrity != ["ok"] { problems.append(.damaged(integrity)) }
      for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
        problems.append(.danglingReference(table: row[0], rowID: row[1] ?? 0, parent: row[2]))
      }
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT c.id, c.helper_id, c.certification_id, c.certified_on FROM cycles c
          WHERE NOT EXISTS (
            SELECT 1 FROM attempts a WHERE a.id = c.source_attempt_id AND a.helper_id = c.helper_id
              AND a.state IN ('passed', 'recorded'))
          AND NOT EXISTS (
            SELECT 1 FROM events e WHERE e.id = c.source_event_id AND e.helper_id = c.helper_id
              AND e.action = 'course-recorded')
          ORDER BY c.id
          """)
      {
        problems.append(
          .unexplainedCycle(id: row[0], helperID: row[1], certificationID: row[2], certifiedOn: row[3]))
      }
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT helper_id, course_id, group_concat(id) FROM (
            SELECT helper_id, course_id, id FROM attempts WHERE state = 'in-progress' ORDER BY id)
          GROUP BY helper_id COLLATE NOCASE, course_id HAVING count(*) > 1 ORDER BY helper_id, course_id
          """)
      {
        let ids = (row[2] as String).split(separator: ",").compactMap { Int64($0) }
        problems.append(.inProgressTwice(helperID: row[0], courseID: row[1], attemptIDs: ids))
      }
      for id in try Int64.fetchAll(
        db,
        sql: """
          SELECT c.attempt_id FROM attempt_claims c JOIN attempts a ON a.id = c.attempt_id
          WHERE a.state <> 'in-progress' ORDER BY c.attempt_id
          """)
      {
        problems.append(.claimOnFinishedAttempt(attemptID: id))
      }
      return RegistryCheck(
        problems: problems,
        helpers: try Int.fetchOne(db, sql: "SELECT count(*) FROM helpers") ?? 0,
        attempts: try Int.fetchOne(db, sql: "SELECT count(*) FROM attempts") ?? 0,
        cycles: try Int.fetchOne(db, sql: "SELECT count(*) FROM cycles") ?? 0)
    }
  }
}
