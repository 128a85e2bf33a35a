import CourseModel
import Reports
import Testing

/// The text of `entraide access grant|list|revoke`, whole.
@Suite struct AccessReportTests {
  static let estrie = AccessGrant(role: "coord_estrie", regions: ["Estrie"], locals: [], readOnly: false)
  static let executive = AccessGrant(
    role: "exec_québec", regions: ["Québec"], locals: ["CSN 1", "SCFP 1234"], readOnly: true)

  @Test func aGrantWithNotesForScopesNobodyIsInYet() {
    #expect(
      AccessReport.granted(Self.executive, emptyRegions: ["Québec"], emptyLocals: ["SCFP 1234"], language: .fr) == """
        Le rôle « exec_québec » voit désormais : région Québec, syndicat CSN 1, syndicat SCFP 1234 (lecture seule).
        Note : aucun·e entraidant·e n’est dans la région « Québec » pour l’instant (portée acceptée).
        Note : aucun·e entraidant·e n’est dans le syndicat « SCFP 1234 » pour l’instant (portée acceptée).
        """)
    #expect(
      AccessReport.granted(Self.estrie, emptyRegions: [], emptyLocals: ["X"], language: .en) == """
        The role “coord_estrie” now sees: region Estrie (read-write).
        Note: no helper is in the local “X” yet (scope accepted).
        """)
  }

  @Test func theListAlignsAccentedScopes() {
    #expect(
      AccessReport.list([Self.estrie, Self.executive], owner: "entraide", language: .fr) == """
        Rôle          Portée                                             Accès
        coord_estrie  région Estrie                                      lecture et écriture
        exec_québec   région Québec, syndicat CSN 1, syndicat SCFP 1234  lecture seule
        """)
    #expect(
      AccessReport.list([Self.estrie, Self.executive], owner: "entraide", language: .en) == """
        Role          Scope                                        Access
        coord_estrie  region Estrie                                read-write
        exec_québec   region Québec, local CSN 1, local SCFP 1234  read-only
        """)
  }

  @Test func noRoleAndRevoked() {
    #expect(
      AccessReport.list([], owner: "entraide", language: .fr)
        == "Aucun rôle n’a de portée : seul le rôle propriétaire (entraide) voit le registre.")
    #expect(
      AccessReport.list([], owner: "entraide", language: .en)
        == "No role has a scope: only the owner role (entraide) sees the registry.")
    #expect(
      AccessReport.revoked(role: "coord_estrie", language: .fr)
        == "Le rôle « coord_estrie » n’a plus accès au registre.")
    #expect(
      AccessReport.revoked(role: "coord_estrie", language: .en)
        == "The role “coord_estrie” no longer has access to the registry.")
  }
}
