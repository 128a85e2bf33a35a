import Foundation
import Testing

/// Every help page: the root, each command and each subcommand (through `help` and through `--help`).
private let helpPages: [[String]] = [
  ["--help"], ["help", "roster"], ["help", "courses", "show"], ["validate", "--help"], ["test", "--help"],
  ["helpers", "--help"], ["helpers", "add", "--help"], ["helpers", "list", "--help"], ["helpers", "show", "--help"],
  ["helpers", "edit", "--help"], ["helpers", "deactivate", "--help"], ["helpers", "import", "--help"],
  ["record", "--help"], ["status", "--help"], ["run", "--help"], ["backup", "--help"], ["courses", "--help"],
  ["courses", "list", "--help"], ["check", "--help"], ["roster", "--help"], ["attestation", "--help"],
  ["export", "--help"], ["import", "--help"], ["access", "--help"], ["help", "access", "grant"],
]

/// Words of one language that the other never uses, spaced so that names and options do not match.
private let englishWords = [
  " the ", " and ", " or ", " of ", " with ", " to ", " for ", "Show ", "OVERVIEW", "USAGE", "SUBCOMMANDS",
  "(default", "(values", " See ", "<subcommand>",
]
private let frenchWords = [
  " le ", " la ", " les ", " des ", " du ", " de ", " ou ", " et ", " un ", " une ", "Afficher", "é", "è", "à",
  " : ", "·",
]

@Test(arguments: helpPages)
func helpIsInFrenchOnlyForAFrenchLocale(_ arguments: [String]) throws {
  let result = try Entraide.run(arguments, environment: ["LANG": "fr_CA.UTF-8"])
  #expect(result.status == 0, "\(result.stderr)")
  for word in englishWords {
    #expect(!result.stdout.contains(word), "\(arguments): English “\(word)” in\n\(result.stdout)")
  }
  #expect(result.stdout.contains("UTILISATION : entraide"))
}

@Test(arguments: helpPages)
func helpIsInEnglishOnlyOtherwise(_ arguments: [String]) throws {
  let result = try Entraide.run(arguments, environment: ["LANG": "C"])
  #expect(result.status == 0, "\(result.stderr)")
  for word in frenchWords {
    #expect(!result.stdout.contains(word), "\(arguments): French “\(word)” in\n\(result.stdout)")
  }
  #expect(result.stdout.contains("USAGE: entraide"))
}

/// `--lang` wins over the environment, LC_ALL over LANG, LC_MESSAGES over LANG.
@Test func theHelpLanguageFollowsTheInterfaceLanguage() throws {
  let cases: [(arguments: [String], environment: [String: String], french: Bool)] = [
    (["--lang", "fr", "--help"], ["LANG": "en_CA.UTF-8"], true),
    (["--lang=en", "help", "roster"], ["LANG": "fr_CA.UTF-8"], false),
    (["--help"], ["LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"], true),
    (["--help"], ["LC_MESSAGES": "fr_CA.UTF-8", "LANG": "C"], true),
    (["--help"], ["LC_ALL": "C", "LANG": "fr_CA.UTF-8"], false),
  ]
  for example in cases {
    let result = try Entraide.run(example.arguments, environment: example.environment)
    #expect(
      result.stdout.hasPrefix(example.french ? "DESCRIPTION : " : "OVERVIEW: "),
      "\(example.arguments) \(example.environment)")
  }
}
