import CLibXML2
import CourseModel

/// Turns a schema-valid tree into model values, each with its element's location. Also reports what
/// only the tree shows: texts missing in a declared language, unreadable conditions, `set` effects.
struct ModelBuilder {
  let path: String
  let locations: ElementLocations
  var findings: [Finding] = []
  /// The course's declared languages (empty: one-language course).
  var languages: [String] = []

  init(path: String, locations: ElementLocations) {
    self.path = path
    self.locations = locations
  }

  mutating func report(
    _ code: String, _ message: Message, at location: SourceLocation, severity: Finding.Severity = .error
  ) {
    findings.append(Finding(path: path, location: location, severity: severity, code: code, message: message))
  }

  func location(_ node: xmlNodePtr) -> SourceLocation { locations.location(of: node) }

  func children(_ node: xmlNodePtr, _ name: String) -> [xmlNodePtr] {
    var result: [xmlNodePtr] = []
    var child = node.pointee.children
    while let current = child {
      if current.isElement, let childName = current.pointee.name, name.equalsCString(childName) {
        result.append(current)
      }
      child = current.pointee.next
    }
    return result
  }

  func integer(_ node: xmlNodePtr, _ name: String) -> Int? {
    node.attribute(name).flatMap { Int($0.trimmingSpaces()) }
  }

  func boolean(_ node: xmlNodePtr, _ name: String, default value: Bool = false) -> Bool {
    switch node.attribute(name)?.trimmingSpaces() {
    case "true", "1": true
    case "false", "0": false
    default: value
    }
  }

  // MARK: Localized text

  /// The texts of `parent`'s `name` children keyed by language; checks them against the declared languages.
  mutating func localized(
    _ parent: xmlNodePtr, _ name: String, owner: @autoclosure () -> Message, required: Bool = true
  ) -> LocalizedText {
    // A few elements at most: arrays, not dictionaries, until the result.
    var entries: [(language: String, text: String, location: SourceLocation)] = []
    var child = parent.pointee.children
    while let element = child {
      child = element.pointee.next
      guard element.isElement, let elementName = element.pointee.name, name.equalsCString(elementName) else {
        continue
      }
      let language = element.xmlLang ?? ""
      if let previous = entries.first(where: { $0.language == language }) {
        report(
          "duplicate-text",
          Messages.duplicateText(element: name, language: language, owner: owner(), line: previous.location.line),
          at: location(element))
        continue
      }
      entries.append((language, element.normalizedText, location(element)))
    }
    if !languages.isEmpty, !entries.isEmpty || required {
      checkLanguages(entries, element: name, owner: owner, at: entries.first?.location ?? location(parent))
    }
    var values: [String: String] = [:]
    values.reserveCapacity(entries.count)
    for entry in entries { values[entry.language] = entry.text }
    return LocalizedText(values)
  }

  /// Reports languages the course does not declare, then declared languages with no text.
  mutating func checkLanguages(
    _ entries: [(language: String, text: String, location: SourceLocation)], element: String,
    owner: () -> Message, at place: SourceLocation
  ) {
    for entry in entries.sorted(by: { $0.language < $1.language })
    where !entry.language.isEmpty && !languages.contains(entry.language) {
      report(
        "undeclared-language", Messages.undeclaredLanguage(entry.language, element: element, declared: languages),
        at: entry.location)
    }
    if entries.contains(where: { $0.language.isEmpty }) { return }
    for language in languages where !entries.contains(where: { $0.language == language }) {
      report(
        "missing-translation", Messages.missingTranslation(element: element, owner: owner(), language: language),
        at: place)
    }
  }

  // MARK: Course

  mutating func buildCourse(_ root: xmlNodePtr) -> Course {
    let id = root.attribute("id") ?? ""
    languages = (root.attribute("languages") ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
      .map(String.init)
    let owner = Messages.owner(kind: "course", id: id)
    var course = Course(
      id: id, version: root.attribute("version")?.trimmingSpaces() ?? "", languages: languages,
      duration: root.attribute("duration")?.trimmingSpaces() ?? "",
      audience: root.attribute("audience").flatMap { Audience(rawValue: $0.trimmingSpaces()) } ?? .helpers,
      location: location(root))
    course.title = localized(root, "title", owner: owner)
    course.summary = localized(root, "summary", owner: owner, required: false)
    course.sources = children(root, "source").map(\.normalizedText)
    course.requires = children(root, "requires").map {
      Prerequisite(courseID: $0.attribute("course")?.trimmingSpaces() ?? "", location: location($0))
    }
    for element in root.elementChildren {
      if element.localName == "pool" {
        course.activities.append(.pool(buildPool(element)))
      } else if let activity = buildActivity(element) {
        course.activities.append(activity)
      }
    }
    return course
  }

  /// A lesson, role-play or quiz element as an activity; nil for any other element.
  mutating func buildActivity(_ element: xmlNodePtr) -> Activity? {
    switch element.localName {
    case "lesson": .lesson(buildLesson(element))
    case "roleplay": .roleplay(buildRoleplay(element))
    case "quiz": .quiz(buildQuiz(element))
    default: nil
    }
  }

  // MARK: Pool

  mutating func buildPool(_ node: xmlNodePtr) -> Pool {
    // The schema makes draw a positive integer; one too large for Int still draws more than the pool holds.
    let draw = node.attribute("draw").map { Int($0.trimmingSpaces()) ?? Int.max } ?? 1
    var pool = Pool(id: node.attribute("id") ?? "", draw: draw, location: location(node))
    pool.activities = node.elementChildren.compactMap { buildActivity($0) }
    return pool
  }

  // MARK: Lesson

  mutating func buildLesson(_ node: xmlNodePtr) -> Lesson {
    let id = node.attribute("id") ?? ""
    let owner = Messages.owner(kind: "lesson", id: id)
    var lesson = Lesson(id: id, location: location(node))
    lesson.title = localized(node, "title", owner: owner)
    for (index, pageNode) in children(node, "page").enumerated() {
      var page = Page(location: location(pageNode))
      for blockNode in pageNode.elementChildren {
        let language = blockNode.xmlLang
        switch blockNode.localName {
        case "p":
          page.blocks.append(
            LanguageBlock(language: language, block: .paragraph(inlines(blockNode)), location: location(blockNode)))
        case "list":
          let items = children(blockNode, "item").map { inlines($0) }
          page.blocks.append(LanguageBlock(language: language, block: .list(items), location: location(blockNode)))
        default: break
        }
      }
      checkBlockLanguages(page, number: index + 1, lesson: id)
      lesson.pages.append(page)
    }
    return lesson
  }

  /// Each declared language needs as many blocks on the page as the others.
  mutating func checkBlockLanguages(_ page: Page, number: Int, lesson: String) {
    guard !languages.isEmpty else { return }
    var counts: [String: Int] = [:]
    for block in page.blocks {
      if let language = block.language {
        if !languages.contains(language) {
          report(
            "undeclared-language",
            Messages.undeclaredLanguage(language, element: block.block.elementName, declared: languages),
            at: block.location)
        }
        counts[language, default: 0] += 1
      }
    }
    guard let most = languages.map({ counts[$0, default: 0] }).max(), most > 0 else { return }
    for language in languages where counts[language, default: 0] < most {
      report(
        "missing-translation",
        Messages.missingBlocks(
          page: number, lesson: lesson, language: language, have: counts[language, default: 0], need: most),
        at: page.location)
    }
  }

  /// Inline content with `em`/`strong`, whitespace collapsed, trimmed at both ends.
  func inlines(_ node: xmlNodePtr) -> [Inline] {
    func walk(_ node: xmlNodePtr) -> [Inline] {
      var result: [Inline] = []
      var child = node.pointee.children
      while let current = child {
        switch current.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_ENTITY_REF_NODE:
          let text = current.collapsedText
          if case .text(let previous)? = result.last {
            result[result.count - 1] = .text((previous + text).collapsingWhitespace())
          } else if !text.isEmpty {
            result.append(.text(text))
          }
        case XML_ELEMENT_NODE:
          switch current.localName {
          case "em": result.append(.emphasis(walk(current)))
          case "strong": result.append(.strong(walk(current)))
          default: result += walk(current)
          }
        default: break
        }
        child = current.pointee.next
      }
      return result
    }
    return trimInlines(walk(node))
  }

  // MARK: Role-play

  mutating func buildRoleplay(_ node: xmlNodePtr) -> Roleplay {
    let id = node.attribute("id") ?? ""
    let owner = Messages.owner(kind: "roleplay", id: id)
    var roleplay = Roleplay(
      id: id, start: node.attribute("start")?.trimmingSpaces() ?? "", pass: integer(node, "pass"),
      retries: integer(node, "retries") ?? 1, location: location(node))
    roleplay.title = localized(node, "title", owner: owner)
    roleplay.setting = localized(node, "setting", owner: owner, required: false)
    for element in node.elementChildren {
      switch element.localName {
      case "character":
        roleplay.characters.append(
          Persona(
            id: element.attribute("id")?.trimmingSpaces() ?? "", name: element.attribute("name") ?? "",
            location: location(element)))
      case "skill":
        let skillID = element.attribute("id")?.trimmingSpaces() ?? ""
        roleplay.skills.append(
          Skill(
            id: skillID, title: localized(element, "title", owner: Messages.owner(kind: "skill", id: skillID)),
            min: integer(element, "min"), location: location(element)))
      case "var":
        roleplay.variables.append(
          Variable(
            name: element.attribute("name")?.trimmingSpaces() ?? "", initial: integer(element, "value") ?? 0,
            location: location(element)))
      case "scene": roleplay.scenes.append(buildScene(element))
      case "ending":
        let endingID = element.attribute("id")?.trimmingSpaces() ?? ""
        roleplay.endings.append(
          Ending(
            id: endingID, result: element.attribute("result")?.trimmingSpaces() == "pass" ? .pass : .fail,
            debrief: localized(
              element, "debrief", owner: Messages.owner(kind: "ending", id: endingID), required: false),
            location: location(element)))
      default: break
      }
    }
    return roleplay
  }

  mutating func condition(_ node: xmlNodePtr) -> Condition? {
    guard let text = node.attribute("if") else { return nil }
    do {
      return try Condition.parse(text)
    } catch {
      report("bad-condition", Messages.badCondition(error.message), at: location(node))
      return nil
    }
  }

  mutating func buildScene(_ node: xmlNodePtr) -> Scene {
    let id = node.attribute("id")?.trimmingSpaces() ?? ""
    var scene = Scene(id: id, location: location(node))
    var lineCounts: [String: Int] = [:]
    for element in node.elementChildren {
      switch element.localName {
      case "line":
        let language = element.xmlLang
        if let language, !languages.isEmpty, !languages.contains(language) {
          report(
            "undeclared-language", Messages.undeclaredLanguage(language, element: "line", declared: languages),
            at: location(element))
        }
        lineCounts[language ?? "", default: 0] += 1
        scene.lines.append(
          Line(
            by: element.attribute("by")?.trimmingSpaces() ?? "", language: language, text: element.normalizedText,
            location: location(element)))
      case "goto":
        scene.gotos.append(
          Goto(
            to: element.attribute("to")?.trimmingSpaces() ?? "", condition: condition(element),
            location: location(element)))
      case "choice": scene.choices.append(buildChoice(element, scene: id))
      default: break
      }
    }
    if !languages.isEmpty, let most = languages.map({ lineCounts[$0, default: 0] }).max(), most > 0 {
      for language in languages where lineCounts[language, default: 0] < most {
        report(
          "missing-translation",
          Messages.missingLines(scene: id, language: language, have: lineCounts[language, default: 0], need: most),
          at: scene.location)
      }
    }
    return scene
  }

  mutating func buildChoice(_ node: xmlNodePtr, scene: String) -> Choice {
    let line = location(node).line
    let owner = { Messages.choiceOwner(scene: scene, line: line) }
    var choice = Choice(
      to: node.attribute("to")?.trimmingSpaces() ?? "", condition: condition(node), once: boolean(node, "once"),
      critical: boolean(node, "critical"), location: location(node))
    choice.say = localized(node, "say", owner: owner())
    choice.feedback = localized(node, "feedback", owner: owner(), required: false)
    for element in children(node, "score") {
      choice.scores.append(
        ScoreEffect(
          skill: element.attribute("skill")?.trimmingSpaces() ?? "", points: integer(element, "points") ?? 0,
          location: location(element)))
    }
    for element in children(node, "set") {
      let variable = element.attribute("var")?.trimmingSpaces() ?? ""
      switch (integer(element, "add"), integer(element, "value")) {
      case (let add?, nil):
        choice.sets.append(SetEffect(variable: variable, operation: .add(add), location: location(element)))
      case (nil, let value?):
        choice.sets.append(SetEffect(variable: variable, operation: .value(value), location: location(element)))
      default:
        report("set-operation", Messages.setOperation(variable: variable), at: location(element))
      }
    }
    return choice
  }

  // MARK: Quiz

  mutating func buildQuiz(_ node: xmlNodePtr) -> Quiz {
    let id = node.attribute("id") ?? ""
    let owner = Messages.owner(kind: "quiz", id: id)
    let passText = node.attribute("pass")?.trimmingSpaces() ?? ""
    var quiz = Quiz(
      id: id, passPercent: Int(passText.dropLast(passText.hasSuffix("%") ? 1 : 0)) ?? 0,
      shuffle: boolean(node, "shuffle"), draw: integer(node, "draw"), retries: integer(node, "retries") ?? 0,
      location: location(node))
    quiz.title = localized(node, "title", owner: owner)
    for element in node.elementChildren {
      let questionID = element.attribute("id")?.trimmingSpaces() ?? ""
      let questionOwner = { Messages.owner(kind: "question", id: questionID) }
      let kind: Question.Kind
      switch element.localName {
      case "single", "multiple":
        let options = children(element, "option").enumerated().map { index, option in
          AnswerOption(
            text: localized(option, "text", owner: Messages.optionOwner(number: index + 1, question: questionID)),
            correct: boolean(option, "correct"),
            feedback: localized(
              option, "feedback", owner: Messages.optionOwner(number: index + 1, question: questionID),
              required: false),
            location: location(option))
        }
        kind = element.localName == "single" ? .single(options) : .multiple(options)
      case "truefalse":
        kind = .truefalse(answer: boolean(element, "answer"))
      case "order":
        kind = .order(
          children(element, "item").enumerated().map { index, item in
            localized(item, "text", owner: Messages.itemOwner(number: index + 1, question: questionID))
          })
      case "match":
        kind = .match(
          children(element, "pair").enumerated().map { index, pair in
            let pairOwner = { Messages.pairOwner(number: index + 1, question: questionID) }
            return MatchPair(
              left: localized(pair, "left", owner: pairOwner()), right: localized(pair, "right", owner: pairOwner()),
              location: location(pair))
          })
      case "short":
        kind = .short(accept: children(element, "accept").map(\.normalizedText))
      default:
        continue
      }
      quiz.questions.append(
        Question(
          id: questionID, prompt: localized(element, "prompt", owner: questionOwner()),
          explain: localized(element, "explain", owner: questionOwner(), required: false), kind: kind,
          location: location(element)))
    }
    return quiz
  }

  // MARK: Certifications

  mutating func buildCatalog(_ root: xmlNodePtr) -> CertificationCatalog {
    var catalog = CertificationCatalog()
    for element in children(root, "certification") {
      let id = element.attribute("id")?.trimmingSpaces() ?? ""
      func duration(_ name: String) -> DateDuration {
        DateDuration(iso: element.attribute(name)?.trimmingSpaces() ?? "") ?? DateDuration()
      }
      func path(_ name: String) -> [CourseReference] {
        children(element, name).flatMap { children($0, "course") }.map {
          CourseReference(courseID: $0.attribute("ref")?.trimmingSpaces() ?? "", location: location($0))
        }
      }
      catalog.certifications.append(
        Certification(
          id: id, title: localized(element, "title", owner: Messages.owner(kind: "certification", id: id)),
          validity: duration("validity"), window: duration("window"), lapse: duration("lapse"),
          initial: path("initial"), renewal: path("renewal"), location: location(element)))
    }
    return catalog
  }
}

extension Block {
  var elementName: String {
    switch self {
    case .paragraph: "p"
    case .list: "list"
    }
  }
}

/// Removes leading spaces of the first text and trailing spaces of the last, looking inside markup.
func trimInlines(_ inlines: [Inline]) -> [Inline] {
  func trimStart(_ items: [Inline]) -> [Inline] {
    guard let first = items.first else { return items }
    var rest = Array(items.dropFirst())
    switch first {
    case .text(let text):
      var trimmed = Substring(text)
      while trimmed.first == " " { trimmed.removeFirst() }
      if trimmed.isEmpty { return trimStart(rest) }
      rest.insert(.text(String(trimmed)), at: 0)
    case .emphasis(let children): rest.insert(.emphasis(trimStart(children)), at: 0)
    case .strong(let children): rest.insert(.strong(trimStart(children)), at: 0)
    }
    return rest
  }
  func trimEnd(_ items: [Inline]) -> [Inline] {
    guard let last = items.last else { return items }
    var rest = Array(items.dropLast())
    switch last {
    case .text(let text):
      var trimmed = Substring(text)
      while trimmed.last == " " { trimmed.removeLast() }
      if trimmed.isEmpty { return trimEnd(rest) }
      rest.append(.text(String(trimmed)))
    case .emphasis(let children): rest.append(.emphasis(trimEnd(children)))
    case .strong(let children): rest.append(.strong(trimEnd(children)))
    }
    return rest
  }
  return trimEnd(trimStart(inlines))
}
