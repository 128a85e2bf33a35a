import GRDB

extension Registry {
  /// The schema version this program writes (`PRAGMA user_version`); a file with a higher one is refused.
  public static let schemaVersion = 4

  /// The versioned migrations; each new schema is a new migration appended at the end, never an edit.
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-registry") { db in
      try db.execute(sql: "PRAGMA application_id = \(Registry.applicationID)")
      try db.execute(sql: "PRAGMA user_version = 1")
      try db.execute(
        sql: """
          CREATE TABLE helpers (
            id TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            local TEXT NOT NULL,
            region TEXT NOT NULL,
            email TEXT,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL
          );
          CREATE TRIGGER helpers_never_deleted BEFORE DELETE ON helpers
          BEGIN SELECT RAISE(ABORT, 'helpers are never deleted: deactivate them'); END;
          CREATE TRIGGER helpers_id_fixed BEFORE UPDATE OF id ON helpers
          BEGIN SELECT RAISE(ABORT, 'a helper id never changes'); END;

          CREATE TABLE attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            helper_id TEXT NOT NULL REFERENCES helpers(id),
            course_id TEXT NOT NULL,
            course_version TEXT NOT NULL,
            content_digest TEXT NOT NULL,
            seed TEXT NOT NULL,
            language TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            state TEXT NOT NULL CHECK (state IN ('in-progress', 'passed', 'failed', 'abandoned', 'recorded')),
            passed_on TEXT,
            score REAL,
            detail TEXT,
            resume_state TEXT,
            note TEXT,
            CHECK ((state IN ('passed', 'recorded')) = (passed_on IS NOT NULL)),
            CHECK ((state = 'in-progress') = (finished_at IS NULL))
          );
          CREATE INDEX attempts_by_helper ON attempts(helper_id, course_id);
          CREATE UNIQUE INDEX attempts_one_in_progress ON attempts(helper_id, course_id)
            WHERE state = 'in-progress';
          CREATE TRIGGER attempts_never_deleted BEFORE DELETE ON attempts
          BEGIN SELECT RAISE(ABORT, 'attempts are never deleted'); END;
          CREATE TRIGGER attempts_finished_frozen BEFORE UPDATE ON attempts WHEN OLD.state <> 'in-progress'
          BEGIN SELECT RAISE(ABORT, 'a finished attempt never changes'); END;
          CREATE TRIGGER attempts_identity_fixed
            BEFORE UPDATE OF id, helper_id, course_id, course_version, content_digest, seed, language, started_at
            ON attempts
          BEGIN SELECT RAISE(ABORT, 'what an attempt is never changes'); END;

          CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            by TEXT NOT NULL,
            action TEXT NOT NULL,
            helper_id TEXT REFERENCES helpers(id),
            detail TEXT NOT NULL DEFAULT '{}',
            reason TEXT
          );
          CREATE INDEX events_by_helper ON events(helper_id);
          CREATE TRIGGER events_no_update BEFORE UPDATE ON events
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
          CREATE TRIGGER events_no_delete BEFORE DELETE ON events
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

          CREATE TABLE cycles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            helper_id TEXT NOT NULL REFERENCES helpers(id),
            certification_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('initial', 'renewal')),
            certified_on TEXT NOT NULL,
            valid_through TEXT NOT NULL,
            window_opens TEXT NOT NULL,
            source_attempt_id INTEGER REFERENCES attempts(id),
            source_event_id INTEGER REFERENCES events(id),
            created_at TEXT NOT NULL,
            CHECK (source_attempt_id IS NOT NULL OR source_event_id IS NOT NULL)
          );
          CREATE INDEX cycles_by_helper ON cycles(helper_id, certification_id);
          CREATE TRIGGER cycles_no_update BEFORE UPDATE ON cycles
          BEGIN SELECT RAISE(ABORT, 'certification cycles are never changed'); END;
          CREATE TRIGGER cycles_no_delete BEFORE DELETE ON cycles
          BEGIN SELECT RAISE(ABORT, 'certification cycles are never deleted'); END;
          """)
    }
    // Indexes for the reads of the roster and of status at federation scale (docs/PERFORMANCE.md): the latest
    // cycle of a helper and certification is one index seek; the initial-path courses' attempts are read
    // from the index alone. `cycles_latest` starts with the columns of `cycles_by_helper`, which it replaces.
    migrator.registerMigration("v2-read-indexes") { db in
      try db.execute(
        sql: """
          CREATE INDEX cycles_latest ON cycles(helper_id, certification_id, certified_on, id);
          DROP INDEX cycles_by_helper;
          CREATE INDEX attempts_by_course ON attempts(course_id, helper_id, passed_on);
          PRAGMA user_version = 2;
          """)
    }
    // One attempt, one terminal: who holds an in-progress attempt (see Registry+Claims.swift).
    migrator.registerMigration("v3-attempt-claims") { db in
      try db.execute(
        sql: """
          CREATE TABLE attempt_claims (
            attempt_id INTEGER NOT NULL PRIMARY KEY REFERENCES attempts(id),
            token TEXT NOT NULL,
            host TEXT NOT NULL,
            pid INTEGER NOT NULL,
            claimed_at TEXT NOT NULL,
            renewed_at TEXT NOT NULL
          );
          PRAGMA user_version = 3;
          """)
    }
    // The roster reads each helper's latest cycle dates from `cycles_latest` alone (docs/PERFORMANCE.md): the
    // index holds the dates, so the 40,000 cycles of a federation's roster are not looked up in the table.
    migrator.registerMigration("v4-cycles-latest-dates") { db in
      try db.execute(
        sql: """
          DROP INDEX cycles_latest;
          CREATE INDEX cycles_latest ON cycles(helper_id, certification_id, certified_on, id, valid_through, window_opens);
          PRAGMA user_version = 4;
          """)
    }
    return migrator
  }()
}
