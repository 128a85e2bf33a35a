import CourseModel
import Reports
import Testing

/// The text of `entraide courses`, `courses show`, `status`, `helpers show` and `helpers list`, whole.
@Suite struct CommandReportTests {
  static let courses = [CommandSample.listening, CommandSample.welcome, CommandSample.tour]

  @Test func theCourseListInFrenchAlignsAccentsAndWideCharacters() {
    #expect(
      CourseOutline.list(Self.courses, catalog: CommandSample.catalog, language: .fr) == """
        Cours          Titre             Durée   Compte pour
        ecoute-active  Écoute active     1 h 30  Entraidant·e (formation initiale) ; Entraidant·e (renouvellement)
        accueil        同伴支持 accueil  45 min  Entraidant·e (formation initiale) ; Sentinelle (formation initiale)
        format-tour    Visite du format  P1D     visite du format pour les autrices et auteurs de cours (pas une formation)
        """)
  }

  @Test func theCourseListInEnglish() {
    #expect(
      CourseOutline.list(Self.courses, catalog: CommandSample.catalog, language: .en) == """
        Course         Title             Duration    Counts for
        ecoute-active  Active listening  1 h 30 min  Peer helper (initial training); Peer helper (renewal)
        accueil        同伴 welcome      45 min      Peer helper (initial training); Sentinel (initial training)
        format-tour    Format tour       P1D         format tour for course authors (not a training course)
        """)
  }

  @Test func aCourseOutlineInFrenchStripsControlCharacters() {
    #expect(
      CourseOutline.render(CommandSample.listening, catalog: CommandSample.catalog, language: .fr) == """
        Écoute active (ecoute-active, version 2)
        Accueillir, écouter, reformuler.

        Durée : 1 h 30
        Compte pour : Entraidant·e (formation initiale) ; Entraidant·e (renouvellement)
        Préalables : accueil

        Activités :
          1. Bienvenue (leçon, 2 pages)
          2. situations (1 parmi 2, selon ce que la personne a déjà fait : Casino · Deuil)
          3. La pause café (mise en situation, 3 scènes ; 4 points pour réussir)
          4. Vérification (questionnaire, 3 questions ; 80 % pour réussir)

        Sources :
          Guide de l’entraide, 2024
          CSN, 2023
        """)
  }

  @Test func aCourseOutlineInEnglish() {
    #expect(
      CourseOutline.render(CommandSample.listening, catalog: CommandSample.catalog, language: .en) == """
        Active listening (ecoute-active, version 2)
        Welcome, listen, reflect.

        Duration: 1 h 30 min
        Counts for: Peer helper (initial training); Peer helper (renewal)
        Prerequisites: accueil

        Activities:
          1. Welcome (lesson, 2 pages)
          2. situations (1 of 2, by what the person has already taken: Casino · Grief)
          3. The coffee break (role-play, 3 scenes; 4 points to pass)
          4. Check (quiz, 3 questions; 80% to pass)

        Sources:
          Guide de l’entraide, 2024
          CSN, 2023
        """)
  }

  @Test func theAuthorsTourOutlineHasNoEmptySummaryLine() {
    #expect(
      CourseOutline.render(CommandSample.tour, catalog: CommandSample.catalog, language: .fr) == """
        Visite du format (format-tour, version 1)

        Durée : P1D
        Compte pour : visite du format pour les autrices et auteurs de cours (pas une formation)

        Activités :
          1. Leçon (leçon, 1 page)
        """)
    #expect(
      CourseOutline.render(CommandSample.tour, catalog: CommandSample.catalog, language: .en) == """
        Format tour (format-tour, version 1)

        Duration: P1D
        Counts for: format tour for course authors (not a training course)

        Activities:
          1. Lesson (lesson, 1 page)
        """)
  }

  @Test func theStatusReportInFrench() {
    #expect(
      CommandSample.status.render(language: .fr) == """
        Zoë Côté (zcote) — CSN 123, Québec (désactivé·e)
        Au 2026-11-22

        Certification  Statut              Certifié·e le  Valide jusqu’au  Fenêtre dès  Jours restants
        Entraidant·e   certifié·e          2026-11-01     2027-10-31       2027-08-02   343
        Sentinelle     en formation (1/2)  —              —                —            —
        同伴支持       périmé·e (1/2)      2024-01-10     2025-01-09       2024-10-11   -682

        Cours réussis :
        Date        Cours          Titre             Comment
        2026-10-20  accueil        同伴支持 accueil  en personne
        2026-11-01  ecoute-active  Écoute active     dans Entraide
        2026-11-02  retire                           dans Entraide

        Tentatives dans Entraide :
        Date        Cours          Titre          Résultat  Score
        2026-11-01  ecoute-active  Écoute active  réussi    92,5 %

        Cours suivis en personne :
        Date        Cours    Titre             Note
        2026-10-20  accueil  同伴支持 accueil  —

        Cycles de certification :
        Certification  Type      Certifié·e le  Valide jusqu’au  Fenêtre dès  Par le cours
        Entraidant·e   initiale  2026-11-01     2027-10-31       2027-08-02   ecoute-active

        Pratiqué jusqu’ici :
          ecoute-active (1 tentative)
            Activités : casino
        """)
  }

  @Test func theStatusReportInEnglish() {
    #expect(
      CommandSample.status.render(language: .en) == """
        Zoë Côté (zcote) — CSN 123, Québec (deactivated)
        As of 2026-11-22

        Certification  Status             Certified on  Valid through  Window opens  Days left
        Peer helper    certified          2026-11-01    2027-10-31     2027-08-02    343
        Sentinel       in training (1/2)  —             —              —             —
        同伴 support   lapsed (1/2)       2024-01-10    2025-01-09     2024-10-11    -682

        Courses passed:
        Date        Course         Title             How
        2026-10-20  accueil        同伴 welcome      in person
        2026-11-01  ecoute-active  Active listening  in Entraide
        2026-11-02  retire                           in Entraide

        Attempts in Entraide:
        Date        Course         Title             Result  Score
        2026-11-01  ecoute-active  Active listening  passed  92.5%

        Courses taken in person:
        Date        Course   Title         Note
        2026-10-20  accueil  同伴 welcome  —

        Certification cycles:
        Certification  Kind     Certified on  Valid through  Window opens  By the course
        Peer helper    initial  2026-11-01    2027-10-31     2027-08-02    ecoute-active

        Practised so far:
          ecoute-active (1 attempt)
            Activities: casino
        """)
  }

  @Test func theStatusReportAsJSONHasBothTitlesAndNullsForAbsentDates() throws {
    #expect(
      try CommandSample.status.json() == """
        {
          "certifications" : [
            {
              "certification" : "entraidant",
              "certified_on" : "2026-11-01",
              "days_left" : 343,
              "initial_passed" : [
                "accueil",
                "ecoute-active"
              ],
              "initial_required" : [
                "accueil",
                "ecoute-active"
              ],
              "status" : "certified",
              "title_en" : "Peer helper",
              "title_fr" : "Entraidant·e",
              "valid_through" : "2027-10-31",
              "window_opens" : "2027-08-02"
            },
            {
              "certification" : "sentinelle",
              "certified_on" : null,
              "days_left" : null,
              "initial_passed" : [
                "accueil"
              ],
              "initial_required" : [
                "accueil",
                "referer"
              ],
              "status" : "in-training",
              "title_en" : "Sentinel",
              "title_fr" : "Sentinelle",
              "valid_through" : null,
              "window_opens" : null
            },
            {
              "certification" : "soutien",
              "certified_on" : "2024-01-10",
              "days_left" : -682,
              "initial_passed" : [
                "accueil"
              ],
              "initial_required" : [
                "accueil",
                "ecoute-active"
              ],
              "status" : "lapsed",
              "title_en" : "同伴 support",
              "title_fr" : "同伴支持",
              "valid_through" : "2025-01-09",
              "window_opens" : "2024-10-11"
            }
          ],
          "courses_passed" : [
            {
              "course" : "accueil",
              "how" : "recorded",
              "passed_on" : "2026-10-20"
            },
            {
              "course" : "ecoute-active",
              "how" : "passed",
              "passed_on" : "2026-11-01"
            },
            {
              "course" : "retire",
              "how" : "passed",
              "passed_on" : "2026-11-02"
            }
          ],
          "helper" : {
            "active" : false,
            "email" : "zoe@example.org",
            "id" : "zcote",
            "local" : "CSN 123",
            "name" : "Zoë Côté",
            "region" : "Québec"
          },
          "history" : {
            "attempts" : [
              {
                "course" : "ecoute-active",
                "finished_on" : "2026-11-01",
                "id" : 2,
                "result" : "passed",
                "score" : 92.5,
                "started_on" : "2026-11-01"
              }
            ],
            "cycles" : [
              {
                "certification" : "entraidant",
                "certified_on" : "2026-11-01",
                "id" : 1,
                "kind" : "initial",
                "source_course" : "ecoute-active",
                "valid_through" : "2027-10-31",
                "window_opens" : "2027-08-02"
              }
            ],
            "in_person" : [
              {
                "course" : "accueil",
                "date" : "2026-10-20",
                "id" : 1,
                "note" : null
              }
            ]
          },
          "today" : "2026-11-22"
        }
        """)
  }

  @Test func aHelperRecordInFrench() {
    #expect(
      CommandSample.record.render(language: .fr) == """
        Identifiant  zcote
        Nom          Zoë Côté
        Syndicat     CSN 123
        Région       Québec
        Courriel     zoe@example.org
        Actif        non
        Ajouté le    2026-01-05T14:03:00Z

        Historique :
        Quand                 Par     Action              Raison
        2026-01-05T14:03:00Z  coordo  helper-added
        2026-11-30T09:00:00Z  coordo  helper-deactivated  Départ à la retraite

        N°  Cours          Version  Commencé              État                      Réussi le   Score
        1   accueil        1        2026-10-20T00:00:00Z  enregistré (en personne)  2026-10-20
        2   ecoute-active  2        2026-11-01T10:00:00Z  réussi                    2026-11-01  92,5 %
        3   ecoute-active  2        2026-11-22T10:00:00Z  en cours
        """)
  }

  @Test func aHelperRecordInEnglish() {
    #expect(
      CommandSample.record.render(language: .en) == """
        Id      zcote
        Name    Zoë Côté
        Local   CSN 123
        Region  Québec
        Email   zoe@example.org
        Active  no
        Added   2026-01-05T14:03:00Z

        History:
        When                  By      Action              Reason
        2026-01-05T14:03:00Z  coordo  helper-added
        2026-11-30T09:00:00Z  coordo  helper-deactivated  Départ à la retraite

        No.  Course         Version  Started               State                 Passed on   Score
        1    accueil        1        2026-10-20T00:00:00Z  recorded (in person)  2026-10-20
        2    ecoute-active  2        2026-11-01T10:00:00Z  passed                2026-11-01  92.5%
        3    ecoute-active  2        2026-11-22T10:00:00Z  in progress
        """)
  }

  @Test func aHelperRecordWithoutAttemptsSaysSo() {
    let record = HelperRecord(
      helper: Helper(id: "mtremblay", name: "Marie", local: "L", region: "R"), events: [], attempts: [])
    #expect(
      record.render(language: .fr) == """
        Identifiant  mtremblay
        Nom          Marie
        Syndicat     L
        Région       R
        Courriel     —
        Actif        oui
        Ajouté le

        Historique :
        Quand  Par  Action  Raison

        Aucune tentative.
        """)
    #expect(record.render(language: .en).hasSuffix("\n\nNo attempts."))
  }

  @Test func theHelperListInBothLanguages() {
    let helpers = [
      CommandSample.zoe, Helper(id: "mtremblay", name: "Marie Tremblay", local: "SCFP 1234", region: "Montréal"),
    ]
    #expect(
      HelperList.render(helpers, showActive: true, language: .fr) == """
        ID         Nom             Syndicat   Région    Courriel         Actif
        zcote      Zoë Côté        CSN 123    Québec    zoe@example.org  non
        mtremblay  Marie Tremblay  SCFP 1234  Montréal                   oui
        """)
    #expect(
      HelperList.render(helpers, showActive: true, language: .en) == """
        ID         Name            Local      Region    Email            Active
        zcote      Zoë Côté        CSN 123    Québec    zoe@example.org  no
        mtremblay  Marie Tremblay  SCFP 1234  Montréal                   yes
        """)
    #expect(
      HelperList.render(helpers, showActive: false, language: .en) == """
        ID         Name            Local      Region    Email
        zcote      Zoë Côté        CSN 123    Québec    zoe@example.org
        mtremblay  Marie Tremblay  SCFP 1234  Montréal
        """)
    #expect(HelperList.render([], showActive: false, language: .fr) == "Aucun·e entraidant·e.")
    #expect(HelperList.render([], showActive: true, language: .en) == "No helpers.")
  }
}
