import CourseModel
import Foundation
import Testing

@testable import entraide

#if canImport(Glibc)
  import Glibc
#endif

@Test func aSystemErrorHasItsReasonInEachLanguage() {
  #expect(systemErrorReason(ENOSPC) == Message(fr: "le disque est plein", en: "the disk is full"))
  #expect(systemErrorReason(EDQUOT) == Message(fr: "le quota de disque est atteint", en: "the disk quota is reached"))
  #expect(
    systemErrorReason(EIO) == Message(fr: "erreur d’entrée-sortie du disque", en: "input/output error on the disk"))
  // With no sentence of its own: the number, and the system's English words in English only.
  #expect(
    systemErrorReason(EXDEV) == Message(fr: "erreur système 18", en: "system error 18 (Invalid cross-device link)"))
}
