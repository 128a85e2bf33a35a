import ArgumentParser
import CourseModel

/// The language of help and command descriptions, chosen as the interface language is: this command line's
/// `--lang`, else `LC_ALL`, `LC_MESSAGES`, `LANG`. Help is shown in one language only.
enum HelpLanguage {
  static let current: Language = UsageErrorText.language(of: Array(CommandLine.arguments.dropFirst()))
}

extension Message {
  /// The text in the help language.
  var help: String { text(HelpLanguage.current) }
}

extension ArgumentHelp {
  /// An option's or argument's help in the help language.
  static func local(fr: String, en: String, valueName: String? = nil) -> ArgumentHelp {
    ArgumentHelp(Message(fr: fr, en: en).help, valueName: valueName)
  }
}
