import CLibXML2
import CourseModel
import Foundation

/// Every message of the loader and the lint rules, each sentence whole in French and English.
enum Messages {
  // MARK: Helpers

  static func list(_ items: [String], emptyFR: String = "aucune", emptyEN: String = "none") -> (String, String) {
    items.isEmpty ? (emptyFR, emptyEN) : (items.joined(separator: ", "), items.joined(separator: ", "))
  }

  /// "en anglais" / "in English".
  static func inLanguage(_ code: String) -> (fr: String, en: String) {
    switch code {
    case "fr": ("en français", "in French")
    case "en": ("en anglais", "in English")
    default: ("en langue « \(code) »", "in language '\(code)'")
    }
  }

  /// A noun phrase with its article, used after « dans » / "in".
  static func owner(kind: String, id: String) -> Message {
    switch kind {
    case "course": Message(fr: "le cours « \(id) »", en: "course '\(id)'")
    case "lesson": Message(fr: "la leçon « \(id) »", en: "lesson '\(id)'")
    case "roleplay": Message(fr: "le jeu de rôle « \(id) »", en: "role-play '\(id)'")
    case "quiz": Message(fr: "le questionnaire « \(id) »", en: "quiz '\(id)'")
    case "pool": Message(fr: "le groupe d'activités « \(id) »", en: "pool '\(id)'")
    case "question": Message(fr: "la question « \(id) »", en: "question '\(id)'")
    case "skill": Message(fr: "la compétence « \(id) »", en: "skill '\(id)'")
    case "ending": Message(fr: "la fin « \(id) »", en: "ending '\(id)'")
    case "certification": Message(fr: "la certification « \(id) »", en: "certification '\(id)'")
    default: Message(fr: "« \(id) »", en: "'\(id)'")
    }
  }

  static func choiceOwner(scene: String, line: Int) -> Message {
    Message(
      fr: "le choix de la ligne \(line) (scène « \(scene) »)", en: "the choice at line \(line) (scene '\(scene)')")
  }

  static func optionOwner(number: Int, question: String) -> Message {
    Message(fr: "l'option \(number) de la question « \(question) »", en: "option \(number) of question '\(question)'")
  }

  static func itemOwner(number: Int, question: String) -> Message {
    Message(fr: "l'élément \(number) de la question « \(question) »", en: "item \(number) of question '\(question)'")
  }

  static func pairOwner(number: Int, question: String) -> Message {
    Message(fr: "la paire \(number) de la question « \(question) »", en: "pair \(number) of question '\(question)'")
  }

  // MARK: Files

  static func missingFile(_ path: String) -> Message {
    Message(
      fr: "le fichier « \(path) » n'existe pas ; vérifiez le chemin",
      en: "file '\(path)' does not exist; check the path")
  }

  static func linkLoop(_ path: String) -> Message {
    Message(
      fr: "« \(path) » est un lien symbolique qui mène à lui-même (une boucle) ; corrigez le lien",
      en: "'\(path)' is a symbolic link that leads back to itself (a loop); fix the link")
  }

  static func isDirectory(_ path: String) -> Message {
    Message(
      fr: "« \(path) » est un dossier, pas un fichier de cours ; nommez un fichier .xml",
      en: "'\(path)' is a folder, not a course file; name an .xml file")
  }

  static func unreadable(_ path: String) -> Message {
    Message(
      fr: "le fichier « \(path) » ne peut pas être lu ; vérifiez ses permissions",
      en: "file '\(path)' cannot be read; check its permissions")
  }

  static func notRegularFile(_ path: String) -> Message {
    Message(
      fr: "« \(path) » n'est pas un fichier ordinaire (tube, socket ou périphérique) ; nommez un fichier .xml",
      en: "'\(path)' is not a regular file (a pipe, socket or device); name an .xml file")
  }

  static func tooLarge(_ path: String, limit: Int) -> Message {
    Message(
      fr: "le fichier « \(path) » dépasse \(limit) Mo ; un cours est bien plus petit, vérifiez le fichier",
      en: "file '\(path)' is larger than \(limit) MB; a course is much smaller, check the file")
  }

  static let emptyFile = Message(
    fr: "le fichier est vide ; un cours commence par <course xmlns=\"urn:entraide:course:1\">",
    en: "the file is empty; a course starts with <course xmlns=\"urn:entraide:course:1\">")

  static func notUTF8(byte: String) -> Message {
    Message(
      fr: "le fichier n'est pas en UTF-8 (octet 0x\(byte) invalide) ; enregistrez-le en UTF-8",
      en: "the file is not UTF-8 (invalid byte 0x\(byte)); save it as UTF-8")
  }

  static let doctype = Message(
    fr: "les fichiers de cours ne peuvent pas contenir de déclaration <!DOCTYPE> ni d'entités ; retirez-la",
    en: "course files may not contain a <!DOCTYPE> declaration or entities; remove it")

  static let notXML = Message(
    fr: "le fichier n'est pas du XML ; un cours commence par <course xmlns=\"urn:entraide:course:1\">",
    en: "the file is not XML; a course starts with <course xmlns=\"urn:entraide:course:1\">")

  static func syntax(_ error: RawXMLError) -> Message {
    let name = error.str1 ?? ""
    switch xmlParserErrors(rawValue: UInt32(bitPattern: error.code)) {
    case XML_ERR_TAG_NOT_FINISHED:
      return Message(
        fr: "le fichier se termine avant la fermeture de l'élément <\(name)> ; est-il tronqué ?",
        en: "the file ends before element <\(name)> is closed; is it truncated?")
    case XML_ERR_GT_REQUIRED where !name.isEmpty:
      return Message(
        fr: "la balise ouvrante <\(name)> n'est pas fermée par « > » ; le fichier est-il tronqué ?",
        en: "start tag <\(name)> is not closed with '>'; is the file truncated?")
    case XML_ERR_TAG_NAME_MISMATCH:
      let end = error.str2 ?? ""
      return Message(
        fr: "la balise fermante </\(end)> ne correspond pas à la balise ouvrante <\(name)> de la ligne \(error.int1) ; "
          + "fermez d'abord <\(name)>",
        en: "end tag </\(end)> does not match start tag <\(name)> of line \(error.int1); close <\(name)> first")
    case XML_ERR_INVALID_CHAR where error.int1 > 0:
      let hex = String(error.int1, radix: 16, uppercase: true)
      let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      return Message(
        fr: "caractère \(code) interdit en XML (un caractère de contrôle) ; retirez-le",
        en: "character \(code) is not allowed in XML (a control character); remove it")
    case XML_ERR_DOCUMENT_END:
      return Message(
        fr: "du contenu suit la fin de l'élément racine ; un fichier n'a qu'un élément racine",
        en: "content follows the end of the root element; a file has one root element")
    case XML_ERR_ENTITY_LOOP:
      return Message(
        fr: "une entité se répète sans fin ou grossit démesurément ; les entités sont refusées",
        en: "an entity refers to itself or expands without bound; entities are refused")
    case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY:
      return Message(
        fr: "entité inconnue « &\(name); » ; écrivez le caractère lui-même (le fichier est en UTF-8)",
        en: "unknown entity '&\(name);'; write the character itself (the file is UTF-8)")
    case XML_ERR_DOCUMENT_EMPTY:
      return notXML
    case XML_ERR_NAME_REQUIRED where error.message.hasPrefix("xmlParseEntityRef"),
      XML_ERR_ENTITYREF_SEMICOL_MISSING:
      return Message(
        fr: "« & » seul n'est pas permis en XML : pour le caractère lui-même, écrivez &amp;",
        en: "a bare '&' is not allowed in XML: for the character itself, write &amp;")
    case XML_ERR_NAME_REQUIRED:
      return Message(
        fr: "« < » doit ouvrir une balise (un nom le suit) : pour le caractère lui-même, écrivez &lt;",
        en: "'<' must open a tag (a name follows it): for the character itself, write &lt;")
    case XML_ERR_COMMENT_NOT_FINISHED:
      return Message(
        fr: "un commentaire n'est pas fermé : terminez-le par « --> »",
        en: "a comment is not closed: end it with '-->'")
    case XML_ERR_RESERVED_XML_NAME:
      return Message(
        fr: "la déclaration <?xml …?> doit être tout au début du fichier (rien avant, pas même une espace)",
        en: "the <?xml …?> declaration must come first in the file (nothing before it, not even a space)")
    case XML_ERR_ATTRIBUTE_REDEFINED:
      return Message(
        fr: "l'attribut « \(name) » est écrit deux fois dans la même balise ; gardez-en un",
        en: "attribute '\(name)' is written twice in the same tag; keep one")
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
      return Message(
        fr: "l'attribut « \(name) » n'a pas de valeur ; écrivez \(name)=\"…\"",
        en: "attribute '\(name)' has no value; write \(name)=\"…\"")
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
      return Message(
        fr: "une valeur d'attribut s'écrit entre guillemets : nom=\"valeur\"",
        en: "an attribute value goes in quotes: name=\"value\"")
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
      return Message(
        fr: "une valeur d'attribut n'est pas fermée : ajoutez le guillemet de fin",
        en: "an attribute value is not closed: add the closing quote")
    case XML_ERR_LT_IN_ATTRIBUTE:
      return Message(
        fr: "« < » dans une valeur d'attribut : écrivez &lt;, ou fermez le guillemet resté ouvert",
        en: "'<' in an attribute value: write &lt;, or close the quote left open")
    case XML_ERR_SPACE_REQUIRED, XML_ERR_GT_REQUIRED:
      return Message(
        fr:
          "balise mal formée : séparez les attributs par une espace, écrivez-les nom=\"valeur\" et fermez la balise par « > »",
        en: "malformed tag: separate attributes with a space, write them name=\"value\" and close the tag with '>'")
    default:
      return Message(fr: "XML mal formé : \(error.message)", en: "malformed XML: \(error.message)")
    }
  }

  static func wrongRoot(name: String, namespace: String?, expecting: CourseLoader.Kind?) -> Message {
    let found = namespace.map { "<\(name) xmlns=\"\($0)\">" } ?? "<\(name)> (no namespace)"
    let foundFR = namespace.map { "<\(name) xmlns=\"\($0)\">" } ?? "<\(name)> (sans espace de noms)"
    switch expecting {
    case .course?:
      return Message(
        fr: "l'élément racine est \(foundFR) ; un cours commence par <course xmlns=\"urn:entraide:course:1\">",
        en: "the root element is \(found); a course starts with <course xmlns=\"urn:entraide:course:1\">")
    case .certifications?:
      return Message(
        fr: "l'élément racine est \(foundFR) ; le fichier des certifications commence par "
          + "<certifications xmlns=\"urn:entraide:certification:1\">",
        en: "the root element is \(found); the certifications file starts with "
          + "<certifications xmlns=\"urn:entraide:certification:1\">")
    case nil:
      return Message(
        fr: "l'élément racine est \(foundFR) ; attendu <course xmlns=\"urn:entraide:course:1\"> "
          + "ou <certifications xmlns=\"urn:entraide:certification:1\">",
        en: "the root element is \(found); expected <course xmlns=\"urn:entraide:course:1\"> "
          + "or <certifications xmlns=\"urn:entraide:certification:1\">")
    }
  }

  /// libxml2's schema message without the namespace noise: `Element 'quiz', attribute 'pass': …`.
  static func cleanSchemaText(_ text: String) -> String {
    var result = text
    for namespace in [CourseLoader.courseNamespace, CourseLoader.certificationNamespace] {
      result = result.replacingAll("{\(namespace)}", with: "")
    }
    result = result.replacingAll("{http://www.w3.org/XML/1998/namespace}", with: "xml:")
    return result
  }

  static func schema(_ error: RawXMLError) -> Message {
    var parent: String?
    if let node = error.node, node.isElement, let up = node.pointee.parent, up.pointee.type == XML_ELEMENT_NODE {
      parent = up.localName
    }
    return SchemaMessages.message(error.message, parent: parent)
  }

  static func schemaMissing(file: String, searched: [String]) -> Message {
    let places = searched.joined(separator: ", ")
    return Message(
      fr: "schéma « \(file) » introuvable (cherché dans : \(places)) ; donnez le dossier des cours avec --courses",
      en: "schema '\(file)' not found (looked in: \(places)); give the courses folder with --courses")
  }

  static let schemaUnfinished = Message(
    fr: "la validation par le schéma n’a pas pu aller au bout (mémoire insuffisante ?) ; le fichier n’est pas "
      + "accepté : réessayez",
    en: "the schema validation could not finish (out of memory?); the file is not accepted: try again")

  static func schemaInvalid(_ error: RawXMLError) -> Message {
    Message(
      fr: "le schéma lui-même est invalide : \(error.message)", en: "the schema itself is invalid: \(error.message)")
  }

  static func idFileName(id: String, fileName: String) -> Message {
    Message(
      fr: "l'identifiant du cours « \(id) » ne correspond pas au nom du fichier « \(fileName) » ; "
        + "renommez le fichier \(id).xml",
      en: "course id '\(id)' does not match file name '\(fileName)'; rename the file \(id).xml")
  }

  // MARK: Texts and languages

  static func duplicateText(element: String, language: String, owner: Message, line: Int) -> Message {
    if language.isEmpty {
      return Message(
        fr: "<\(element)> sans xml:lang est déjà donné à la ligne \(line) dans \(owner.fr) ; gardez-en un seul",
        en: "<\(element)> without xml:lang is already given at line \(line) in \(owner.en); keep only one")
    }
    let phrase = inLanguage(language)
    return Message(
      fr: "<\(element)> \(phrase.fr) est déjà donné à la ligne \(line) dans \(owner.fr) ; gardez-en un seul",
      en: "<\(element)> \(phrase.en) is already given at line \(line) in \(owner.en); keep only one")
  }

  static func undeclaredLanguage(_ language: String, element: String, declared: [String]) -> Message {
    let languages = declared.joined(separator: " ")
    return Message(
      fr: "<\(element)> est en langue « \(language) », que le cours ne déclare pas (languages=\"\(languages)\") ; "
        + "corrigez xml:lang ou ajoutez la langue",
      en: "<\(element)> is in language '\(language)', which the course does not declare "
        + "(languages=\"\(languages)\"); fix xml:lang or add the language")
  }

  static func missingTranslation(element: String, owner: Message, language: String) -> Message {
    let phrase = inLanguage(language)
    return Message(
      fr: "<\(element)> n'a pas de texte \(phrase.fr) dans \(owner.fr) ; ajoutez <\(element) xml:lang=\"\(language)\">",
      en: "<\(element)> has no text \(phrase.en) in \(owner.en); add <\(element) xml:lang=\"\(language)\">")
  }

  static func missingBlocks(page: Int, lesson: String, language: String, have: Int, need: Int) -> Message {
    let phrase = inLanguage(language)
    return Message(
      fr: "la page \(page) de la leçon « \(lesson) » a \(have) bloc(s) \(phrase.fr) mais \(need) dans une autre "
        + "langue ; traduisez chaque <p> et <list>",
      en: "page \(page) of lesson '\(lesson)' has \(have) block(s) \(phrase.en) but \(need) in another language; "
        + "translate every <p> and <list>")
  }

  static func missingLines(scene: String, language: String, have: Int, need: Int) -> Message {
    let phrase = inLanguage(language)
    return Message(
      fr: "la scène « \(scene) » a \(have) réplique(s) \(phrase.fr) mais \(need) dans une autre langue ; "
        + "traduisez chaque <line>",
      en: "scene '\(scene)' has \(have) line(s) \(phrase.en) but \(need) in another language; translate every <line>")
  }

  // MARK: Role-play elements

  static func badCondition(_ reason: Message) -> Message {
    Message(
      fr: "condition illisible : \(reason.fr) ; écrivez par exemple « confiance >= 2 and not (colere > 1) »",
      en: "unreadable condition: \(reason.en); write for example 'confiance >= 2 and not (colere > 1)'")
  }

  static func setOperation(variable: String) -> Message {
    Message(
      fr: "<set var=\"\(variable)\"> doit avoir soit add, soit value (un seul des deux)",
      en: "<set var=\"\(variable)\"> needs either add or value (exactly one of them)")
  }

  static func duplicateID(_ id: String, kind: IDKind, firstLine: Int) -> Message {
    switch kind {
    case .activity:
      return Message(
        fr: "l'identifiant d'activité « \(id) » est déjà défini à la ligne \(firstLine) ; "
          + "donnez un identifiant distinct à chaque leçon, jeu de rôle et questionnaire",
        en: "activity id '\(id)' is already defined at line \(firstLine); "
          + "give each lesson, role-play and quiz its own id")
    case .sceneOrEnding:
      return Message(
        fr: "l'identifiant « \(id) » est déjà défini à la ligne \(firstLine) ; "
          + "donnez un identifiant distinct à chaque scène et fin",
        en: "id '\(id)' is already defined at line \(firstLine); give each scene and ending its own id")
    case .question:
      return Message(
        fr: "l'identifiant de question « \(id) » est déjà défini à la ligne \(firstLine) ; "
          + "donnez un identifiant distinct à chaque question",
        en: "question id '\(id)' is already defined at line \(firstLine); give each question its own id")
    case .skill:
      return Message(
        fr: "la compétence « \(id) » est déjà définie à la ligne \(firstLine) ; retirez le doublon ou renommez-la",
        en: "skill '\(id)' is already defined at line \(firstLine); remove the duplicate or rename it")
    case .character:
      return Message(
        fr: "le personnage « \(id) » est déjà défini à la ligne \(firstLine) ; retirez le doublon ou renommez-le",
        en: "character '\(id)' is already defined at line \(firstLine); remove the duplicate or rename it")
    case .variable:
      return Message(
        fr: "la variable « \(id) » est déjà définie à la ligne \(firstLine) ; retirez le doublon ou renommez-la",
        en: "variable '\(id)' is already defined at line \(firstLine); remove the duplicate or rename it")
    case .certification:
      return Message(
        fr: "la certification « \(id) » est déjà définie à la ligne \(firstLine) ; "
          + "donnez un identifiant distinct à chaque certification",
        en: "certification '\(id)' is already defined at line \(firstLine); give each certification its own id")
    case .pathCourse(let certification, let initial):
      let pathFR = initial ? "initial" : "de renouvellement"
      let pathEN = initial ? "initial" : "renewal"
      return Message(
        fr: "le cours « \(id) » est déjà nommé à la ligne \(firstLine) dans le parcours \(pathFR) de la "
          + "certification « \(certification) » ; retirez le doublon",
        en: "course '\(id)' is already named at line \(firstLine) in the \(pathEN) path of certification "
          + "'\(certification)'; remove the duplicate")
    }
  }

  enum TargetUse {
    case start(String)
    case goto
    case choice
  }

  static func unknownTarget(_ id: String, by use: TargetUse, line: Int, scenes: [String], endings: [String]) -> Message
  {
    let sceneList = list(scenes)
    let endingList = list(endings)
    let defined = (
      fr: "scènes définies : \(sceneList.0) ; fins définies : \(endingList.0)",
      en: "defined scenes: \(sceneList.1); defined endings: \(endingList.1)"
    )
    switch use {
    case .start(let roleplay):
      return Message(
        fr: "la scène « \(id) » est la scène de départ (start) du jeu de rôle « \(roleplay) » à la ligne \(line) "
          + "mais n'est pas définie ; \(defined.fr)",
        en: "scene '\(id)' is the start of role-play '\(roleplay)' at line \(line) but is not defined; \(defined.en)")
    case .goto:
      return Message(
        fr: "la scène « \(id) » est visée par un goto à la ligne \(line) mais n'est pas définie ; \(defined.fr)",
        en: "scene '\(id)' is referenced by a goto at line \(line) but not defined; \(defined.en)")
    case .choice:
      return Message(
        fr: "la scène « \(id) » est visée par un choix à la ligne \(line) mais n'est pas définie ; \(defined.fr)",
        en: "scene '\(id)' is referenced by a choice at line \(line) but not defined; \(defined.en)")
    }
  }

  static func unknownCharacter(_ id: String, line: Int, known: [String]) -> Message {
    let names = list(known, emptyFR: "aucun", emptyEN: "none")
    return Message(
      fr: "le personnage « \(id) » parle à la ligne \(line) mais n'est pas défini ; personnages définis : \(names.0)",
      en: "character '\(id)' speaks at line \(line) but is not defined; defined characters: \(names.1)")
  }

  static func unknownSkill(_ id: String, line: Int, known: [String]) -> Message {
    let names = list(known)
    return Message(
      fr: "la compétence « \(id) » est notée à la ligne \(line) mais n'est pas définie ; "
        + "compétences définies : \(names.0)",
      en: "skill '\(id)' is scored at line \(line) but not defined; defined skills: \(names.1)")
  }

  enum VariableUse {
    case set
    case condition
  }

  static func unknownVariable(_ name: String, usage: VariableUse, line: Int, known: [String]) -> Message {
    let names = list(known)
    switch usage {
    case .set:
      return Message(
        fr: "la variable « \(name) » est modifiée à la ligne \(line) mais n'est pas déclarée ; "
          + "ajoutez <var name=\"\(name)\"/> (variables déclarées : \(names.0))",
        en: "variable '\(name)' is set at line \(line) but not declared; add <var name=\"\(name)\"/> "
          + "(declared variables: \(names.1))")
    case .condition:
      return Message(
        fr: "la variable « \(name) » est lue par une condition à la ligne \(line) mais n'est pas déclarée ; "
          + "ajoutez <var name=\"\(name)\"/> (variables déclarées : \(names.0))",
        en: "variable '\(name)' is read by a condition at line \(line) but not declared; add <var name=\"\(name)\"/> "
          + "(declared variables: \(names.1))")
    }
  }

  static func deadEnd(_ scene: String) -> Message {
    Message(
      fr: "la scène « \(scene) » n'a aucune issue (ni goto ni choix) ; ajoutez un <goto> ou un <choice>",
      en: "scene '\(scene)' has no way out (no goto and no choice); add a <goto> or a <choice>")
  }

  static func unreachableScene(_ scene: String, start: String) -> Message {
    Message(
      fr: "la scène « \(scene) » ne peut pas être atteinte depuis « \(start) » ; "
        + "ajoutez un choix ou un goto qui y mène, ou retirez-la",
      en: "scene '\(scene)' cannot be reached from '\(start)'; add a choice or goto that leads to it, or remove it")
  }

  static func unreachableEnding(_ ending: String, start: String) -> Message {
    Message(
      fr: "la fin « \(ending) » ne peut pas être atteinte depuis « \(start) » ; "
        + "ajoutez un choix ou un goto qui y mène, ou retirez-la",
      en: "ending '\(ending)' cannot be reached from '\(start)'; add a choice or goto that leads to it, or remove it")
  }

  static func roleplayPassTooHigh(pass: Int, best: Int) -> Message {
    Message(
      fr: "la note de passage pass=\"\(pass)\" dépasse le maximum de points possible (\(best)) "
        + "avant une fin réussie ; abaissez-la ou ajoutez des points",
      en: "pass=\"\(pass)\" is above the most points a run can score before a passing ending (\(best)); "
        + "lower it or add points")
  }

  static func skillMinTooHigh(skill: String, min: Int, best: Int) -> Message {
    Message(
      fr: "le minimum min=\"\(min)\" de la compétence « \(skill) » dépasse le maximum de points possible (\(best)) "
        + "avant une fin réussie ; abaissez-le ou ajoutez des points",
      en: "min=\"\(min)\" of skill '\(skill)' is above the most points a run can score in it before a passing "
        + "ending (\(best)); lower it or add points")
  }

  // MARK: Quiz

  static func quizPassTooHigh(_ percent: Int) -> Message {
    Message(
      fr: "la note de passage pass=\"\(percent)%\" dépasse 100 % ; donnez un pourcentage de 0 à 100",
      en: "pass=\"\(percent)%\" is above 100%; give a percentage from 0 to 100")
  }

  static func poolDrawTooLarge(_ pool: String, draw: Int, activities: Int) -> Message {
    let shown = draw == Int.max ? "…" : String(draw)
    return Message(
      fr: "le tirage draw=\"\(shown)\" du groupe « \(pool) » dépasse ses \(activities) activités ; "
        + "mettez draw entre 1 et \(activities), ou ajoutez des activités au groupe",
      en: "draw=\"\(shown)\" of pool '\(pool)' is more than its \(activities) activities; "
        + "set draw between 1 and \(activities), or add activities to the pool")
  }

  static func drawTooLarge(draw: Int, questions: Int) -> Message {
    Message(
      fr: "draw=\"\(draw)\" tire plus de questions que le questionnaire n'en a (\(questions)) ; "
        + "abaissez draw ou ajoutez des questions",
      en: "draw=\"\(draw)\" draws more questions than the quiz has (\(questions)); lower draw or add questions")
  }

  static func noRightAnswer(_ question: String, _ problem: NoRightAnswer) -> Message {
    switch problem {
    case .singleCorrectCount(let count):
      return Message(
        fr: "la question « \(question) » (single) a \(count) bonne(s) réponse(s) ; "
          + "marquez exactement une option correct=\"true\"",
        en: "question '\(question)' (single) has \(count) right answer(s); mark exactly one option correct=\"true\"")
    case .multipleNoneCorrect:
      return Message(
        fr: "la question « \(question) » (multiple) n'a aucune bonne réponse ; "
          + "marquez au moins une option correct=\"true\"",
        en: "question '\(question)' (multiple) has no right answer; mark at least one option correct=\"true\"")
    case .shortNoAccept:
      return Message(
        fr: "la question « \(question) » (short) n'accepte aucune réponse ; ajoutez un <accept>",
        en: "question '\(question)' (short) accepts no answer; add an <accept>")
    case .orderTooFew(let count):
      return Message(
        fr: "la question « \(question) » (order) a \(count) élément(s) ; il en faut au moins 2 à mettre en ordre",
        en: "question '\(question)' (order) has \(count) item(s); it needs at least 2 to put in order")
    case .matchTooFew(let count):
      return Message(
        fr: "la question « \(question) » (match) a \(count) paire(s) ; il en faut au moins 2 à associer",
        en: "question '\(question)' (match) has \(count) pair(s); it needs at least 2 to match")
    }
  }

  // MARK: Across files

  static func duplicateCourse(_ id: String, otherPath: String) -> Message {
    Message(
      fr: "le cours « \(id) » est déjà défini dans « \(otherPath) » ; donnez un identifiant distinct à chaque cours",
      en: "course '\(id)' is already defined in '\(otherPath)'; give each course its own id")
  }

  static func duplicateCertification(_ id: String, otherPath: String) -> Message {
    Message(
      fr: "la certification « \(id) » est déjà définie dans « \(otherPath) » ; gardez-en une seule",
      en: "certification '\(id)' is already defined in '\(otherPath)'; keep only one")
  }

  static func requiresItself(_ id: String) -> Message {
    Message(
      fr: "le cours « \(id) » se requiert lui-même ; retirez ce <requires>",
      en: "course '\(id)' requires itself; remove this <requires>")
  }

  enum CourseUse {
    case requires
    case certification(String)
  }

  static func unknownCourse(_ id: String, by use: CourseUse, known: [String]) -> Message {
    let names = list(known, emptyFR: "aucun", emptyEN: "none")
    switch use {
    case .requires:
      return Message(
        fr: "le cours requis « \(id) » n'existe pas ; cours connus : \(names.0)",
        en: "required course '\(id)' does not exist; known courses: \(names.1)")
    case .certification(let certification):
      return Message(
        fr: "la certification « \(certification) » nomme le cours « \(id) », qui n'existe pas ; "
          + "cours connus : \(names.0)",
        en: "certification '\(certification)' names course '\(id)', which does not exist; known courses: \(names.1)")
    }
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.range(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
