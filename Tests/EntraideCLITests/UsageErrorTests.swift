import Foundation
import Testing

@testable import entraide

/// Bad usage exits 2 with ArgumentParser's message, in French when the interface is French.
@Suite struct UsageErrorTests {
  @Test func aBadValueIsExplainedInFrench() throws {
    let result = try Entraide.run(["validate", "--format", "xml", "x.xml"], environment: ["LANG": "fr_CA.UTF-8"])
    #expect(result.status == 2)
    #expect(
      result.stderr.hasPrefix(
        """
        Erreur : la valeur « xml » n'est pas valide pour « --format <format> ». Valeurs possibles : text et json.
        Aide : --format <format>  Format de sortie : text ou json.
        Utilisation : entraide validate [--db <db>]
        """))
    #expect(result.stderr.hasSuffix("\n  Voir « entraide validate --help » pour en savoir plus.\n"))
    #expect(result.stdout == "")
  }

  @Test func aBadValueAmongSeveralIsExplainedInFrench() throws {
    let result = try Entraide.run(["roster", "--format", "pdf"], environment: ["LANG": "fr_CA.UTF-8"])
    #expect(result.status == 2)
    #expect(
      result.stderr.hasPrefix(
        "Erreur : la valeur « pdf » n'est pas valide pour « --format <format> ». "
          + "Valeurs possibles : table, csv, json, html ou ics.\n"))
    let english = try Entraide.run(["roster", "--format", "pdf"])
    #expect(
      english.stderr.hasPrefix(
        "Error: The value 'pdf' is invalid for '--format <format>'. "
          + "Please provide one of 'table', 'csv', 'json', 'html' or 'ics'.\n"))
  }

  @Test func theSameErrorStaysInEnglishInEnglish() throws {
    let result = try Entraide.run(["validate", "--format", "xml", "x.xml"])
    #expect(result.status == 2)
    #expect(
      result.stderr.hasPrefix(
        "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text' and 'json'.\n"))
    #expect(result.stderr.hasSuffix("\n  See 'entraide validate --help' for more information.\n"))
  }

  @Test func langOnTheCommandLineWinsOverTheEnvironment() throws {
    let result = try Entraide.run(["status", "--lang", "fr"], environment: ["LANG": "en_CA.UTF-8"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("Erreur : argument manquant « <helper> »\n"))
    let english = try Entraide.run(["status", "--lang=en"], environment: ["LANG": "fr_CA.UTF-8"])
    #expect(english.stderr.hasPrefix("Error: Missing expected argument '<helper>'\n"))
  }

  @Test func anUnknownCommandOrOptionIsNamed() throws {
    let command = try Entraide.run(["valider"], environment: ["LANG": "fr_CA.UTF-8"])
    #expect(command.status == 2)
    #expect(command.stderr.hasPrefix("Erreur : argument inattendu « valider »\nUtilisation : entraide "))
    let option = try Entraide.run(["validate", "--bogus"], environment: ["LANG": "fr_CA.UTF-8"])
    #expect(option.status == 2)
    #expect(option.stderr.hasPrefix("Erreur : option inconnue « --bogus »\n"))
  }

  @Test(arguments: [
    ("Error: Missing value for '--name <name>'", "Erreur : valeur manquante pour « --name <name> »"),
    (
      "Error: The option '--no-color' does not take any value, but '1' was specified.",
      "Erreur : l'option « --no-color » ne prend pas de valeur, mais « 1 » a été donné."
    ),
    (
      "Error: Unknown option '--formt'. Did you mean '--format'?",
      "Erreur : option inconnue « --formt ». Vouliez-vous dire « --format » ?"
    ),
    ("Error: Missing required subcommand.", "Erreur : il manque la sous-commande."),
    ("Error: Missing one of: '--a', '--b'", "Erreur : il manque l'un de : « --a », « --b »"),
    (
      "Error: The value 'x' is invalid for '<date>': expected YYYY-MM-DD",
      "Erreur : la valeur « x » n'est pas valide pour « <date> » : expected YYYY-MM-DD"
    ),
    ("Something ArgumentParser may say one day", "Something ArgumentParser may say one day"),
  ])
  func eachKnownLineIsTranslated(_ english: String, _ french: String) {
    #expect(UsageErrorText.text(english, in: .fr) == french)
    #expect(UsageErrorText.text(english, in: .en) == english)
  }
}
