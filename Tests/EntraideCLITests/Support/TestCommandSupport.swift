import Foundation

/// Course files for the end-to-end tests of `entraide test`.
enum TestCommandFixtures {
  /// A course that lints without schema errors but cannot be passed: a dead end, parts never reached.
  static let deadEndCourse = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <course xmlns="urn:entraide:course:1" id="impasse" version="1" languages="fr en" duration="PT5M">
      <title xml:lang="fr">Impasse</title>
      <title xml:lang="en">Dead end</title>
      <summary xml:lang="fr">Un cours qui ne peut pas être réussi.</summary>
      <summary xml:lang="en">A course that cannot be passed.</summary>
      <roleplay id="couloir" start="debut" pass="1">
        <title xml:lang="fr">Le couloir</title>
        <title xml:lang="en">The corridor</title>
        <character id="luc" name="Luc"/>
        <skill id="ecoute">
          <title xml:lang="fr">Écoute</title>
          <title xml:lang="en">Listening</title>
        </skill>
        <var name="x" value="0"/>
        <scene id="debut">
          <line by="luc" xml:lang="fr">Salut.</line>
          <line by="luc" xml:lang="en">Hi.</line>
          <choice to="milieu">
            <say xml:lang="fr">Bonjour, Luc.</say>
            <say xml:lang="en">Hello, Luc.</say>
            <feedback xml:lang="fr">Un bon début.</feedback>
            <feedback xml:lang="en">A good start.</feedback>
            <score skill="ecoute" points="1"/>
          </choice>
          <choice to="fin-bonne" if="x &gt; 5">
            <say xml:lang="fr">Au revoir.</say>
            <say xml:lang="en">Goodbye.</say>
            <feedback xml:lang="fr">Trop tôt.</feedback>
            <feedback xml:lang="en">Too early.</feedback>
          </choice>
        </scene>
        <scene id="milieu">
          <line by="luc" xml:lang="fr">Hum.</line>
          <line by="luc" xml:lang="en">Hmm.</line>
          <choice to="fin-bonne" if="x = 1">
            <say xml:lang="fr">On y va ?</say>
            <say xml:lang="en">Shall we?</say>
            <feedback xml:lang="fr">Bien.</feedback>
            <feedback xml:lang="en">Good.</feedback>
          </choice>
        </scene>
        <ending id="fin-bonne" result="pass">
          <debrief xml:lang="fr">Bravo.</debrief>
          <debrief xml:lang="en">Well done.</debrief>
        </ending>
      </roleplay>
    </course>
    """#

  /// A folder holding the shipped format tour, `certifications.xml` and `impasse.xml`, with the schemas.
  static func coursesFolder(withDeadEnd: Bool) throws -> URL {
    let folder = try Entraide.temporaryDirectory("entraide-test-command")
    let shipped = Entraide.coursesDirectory
    let manager = FileManager.default
    try manager.copyItem(at: shipped.appendingPathComponent("schema"), to: folder.appendingPathComponent("schema"))
    for name in ["format-tour.xml", "certifications.xml"] {
      try manager.copyItem(at: shipped.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    if withDeadEnd {
      try Data(deadEndCourse.utf8).write(to: folder.appendingPathComponent("impasse.xml"))
    }
    return folder
  }
}
