import ArgumentParser
import CourseModel
import Foundation
import Registry
import TerminalUI

#if canImport(Glibc)
  import Glibc
#endif

/// `entraide run COURSE --helper ID`: a course in the terminal, saved after every answer, resumable.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: Message(fr: "Suivre un cours dans le terminal.", en: "Run a course for a helper in the terminal.").help,
    discussion: Message(
      fr: """
        Code de sortie : 0 réussi, 1 échoué, 2 mauvais usage ou fichier, 3 en pause (progression enregistrée), \
        4 ouvert dans un autre terminal (rien de modifié) ou repris par un autre, 5 registre impossible à écrire \
        (disque plein, lecture seule ; ce qui était enregistré est conservé), 130 Ctrl-C et 143 SIGTERM \
        (progression enregistrée). Voir docs/terminal.md et docs/RELIABILITY.md.
        """,
      en: """
        Exit status: 0 passed, 1 failed, 2 bad usage or input file, 3 paused with progress saved (q, end of \
        input), 4 open in another terminal (nothing changed) or taken over from this one, 5 the registry can no \
        longer be written (disk full, read-only; what was saved is kept), 130 Ctrl-C and 143 SIGTERM with \
        progress saved. See docs/terminal.md and docs/RELIABILITY.md.
        """
    ).help
  )

  @OptionGroup var global: GlobalOptions

  @Argument(
    help:
      .local(
        fr: "Un cours du dossier des cours, ou un fichier de cours.",
        en: "A course id from the courses folder, or a course file."))
  var course: String

  @Option(
    name: .long,
    help: .local(
      fr: "Identifiant de l'entraidant·e (voir « entraide helpers list »).",
      en: "The helper's id (see `entraide helpers list`)."))
  var helper: String

  @Option(
    name: .long,
    help: .local(
      fr: "Germe du mélange et du tirage des questionnaires (par défaut : au hasard, gardé avec la tentative).",
      en: "Seed for quiz shuffling and drawing (default: random, kept with the attempt)."))
  var seed: UInt64?

  @Flag(
    name: .long,
    help:
      .local(
        fr: "Abandonner la tentative en cours et recommencer.",
        en: "Abandon the attempt in progress (kept in the history) and start anew.")
  )
  var restart = false

  @Flag(
    name: .long,
    help: .local(
      fr: "Continuer ici une tentative ouverte dans un autre terminal, qui n'enregistre alors plus rien.",
      en: "Continue here an attempt open in another terminal, which then saves nothing more.")
  )
  var takeOver = false

  @OptionGroup var display: DisplayOptions

  func run() async throws {
    let status = try await global.reportingErrors { () async throws -> Int32 in
      let catalogue = try global.usableCatalogue()
      let loaded = try catalogue.course(named: course, language: global.language)
      let registry = try global.openRegistry()
      let runner = CourseRunner(
        console: global.console(plain: display.plain), reader: standardInputReader(), registry: registry,
        certifications: catalogue.certifications, today: try global.today(),
        echoInput: isatty(STDIN_FILENO) != 1, takeOver: takeOver)
      return try runner.run(course: loaded, helperID: helper, seed: seed, restart: restart)
    }
    if status != 0 { throw ExitCode(status) }
  }
}

/// Standard input as lines, woken by SIGINT and SIGTERM (which no longer kill the process: the runner
/// saves and exits 130 or 143); SIGPIPE is ignored so a closed output never kills a session mid-save.
func standardInputReader() -> LineReader {
  signal(SIGPIPE, SIG_IGN)
  return LineReader(fd: STDIN_FILENO, signals: SignalWatcher.install(signals: [SIGINT, SIGTERM]))
}

/// How the terminal output looks, for `run` and the menu.
struct DisplayOptions: ParsableArguments {
  @Flag(
    name: .long,
    help: .local(
      fr: "Mode lecteur d'écran : ni couleur, ni cadres, ni déplacement du curseur.",
      en: "Screen-reader mode: no colour, no box drawing, no cursor movement."))
  var plain = false
}

extension GlobalOptions {
  /// The console for this process: width, colour rules and language from the options and environment.
  func console(plain: Bool) -> Console {
    Console(
      mode: OutputMode.current(
        environment: ProcessInfo.processInfo.environment, noColorFlag: noColor, plainFlag: plain),
      language: language)
  }
}
