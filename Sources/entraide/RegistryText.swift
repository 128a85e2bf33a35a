import CourseModel
import Registry

extension AttemptState {
  /// The state as a word for people.
  var label: Message {
    switch self {
    case .inProgress: Message(fr: "en cours", en: "in progress")
    case .passed: Message(fr: "réussi", en: "passed")
    case .failed: Message(fr: "échoué", en: "failed")
    case .abandoned: Message(fr: "abandonné", en: "abandoned")
    case .recorded: Message(fr: "enregistré (en personne)", en: "recorded (in person)")
    }
  }
}

extension Helper {
  /// `Marie Tremblay (mtremblay)`, stripped of control characters.
  var displayName: String {
    "\(name) (\(id))".strippingControlCharacters()
  }
}
