import CourseModel
import CourseXML
import Foundation
import Registry

extension GlobalOptions {
  /// The course catalogue `record` and `status` need: the courses of the courses folder and
  /// `<courses>/certifications.xml`.
  ///
  /// A course file that cannot be read is left out (`entraide validate` reports it); a certifications
  /// file with errors is refused, since certification dates depend on it.
  func loadCourseIndex(includingCourses: Bool = true) throws -> CourseIndex {
    let folder = coursesDirectory
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw UserError(
        Message(
          fr: "Le dossier des cours « \(folder.path) » n’existe pas ; indiquez-le avec --courses.",
          en: "The courses folder “\(folder.path)” does not exist; give it with --courses."),
        exitCode: 2)
    }
    let loader = CourseFiles.loader(global: self)
    let certificationsFile = folder.appendingPathComponent("certifications.xml")
    guard FileManager.default.fileExists(atPath: certificationsFile.path) else {
      throw UserError(
        Message(
          fr: "Le fichier des certifications « \(certificationsFile.path) » est introuvable.",
          en: "The certifications file “\(certificationsFile.path)” is missing."),
        exitCode: 2)
    }
    let (catalog, findings) = loader.loadCertifications(at: certificationsFile)
    let errors = findings.filter { $0.severity == .error }
    guard let catalog, errors.isEmpty else {
      let first = errors.first.map { $0.formatted(language) } ?? ""
      throw UserError(
        Message(
          fr:
            "Le fichier des certifications « \(certificationsFile.path) » contient des erreurs (voir entraide validate) : \(first)",
          en: "The certifications file “\(certificationsFile.path)” has errors (see entraide validate): \(first)"),
        exitCode: 2)
    }
    var courses: [Course] = []
    if includingCourses {
      let files =
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".xml") && $0 != "certifications.xml" }.sorted()
      for file in files {
        if let course = loader.loadCourse(at: folder.appendingPathComponent(file)).course { courses.append(course) }
      }
    }
    return CourseIndex(courses: courses, certifications: catalog)
  }
}
