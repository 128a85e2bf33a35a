import CourseModel
import Reports
import Testing

@Test func csvHasTheHeaderQuotesAndNeutralizesFormulas() {
  #expect(
    RosterCSV.render(Sample.all)
      == "helper_id,name,local,region,certification,status,certified_on,valid_through,days_left\r\n"
      + "zoe,Zoë Roy ,'-FTQ,Abitibi,sentinelle,never,,,\r\n"
      + "mtremblay,Marie Tremblay,CSN 123,Estrie,entraidant,certified,2026-11-01,2027-10-31,343\r\n"
      + "jcote,\"Jean \"\"Ti-Jean\"\" Côté, fils\",'=1+1,Laval,entraidant,expired,2025-01-10,2026-01-09,-317\r\n"
      + "aa,'+Ana <b>&,'@local,Laval,entraidant,in-training,,,\r\n")
}

@Test func csvWithoutRowsIsTheHeaderAlone() {
  #expect(
    RosterCSV.render([])
      == "helper_id,name,local,region,certification,status,certified_on,valid_through,days_left\r\n")
}

@Test func csvQuotesAnApostropheValueWithACommaAndStripsTabs() {
  var row = Sample.marie
  row.name = "=SUM(A1,A2)"
  row.region = "Bas-\tSaint-Laurent"
  #expect(
    RosterCSV.render([row]).split(separator: "\r\n").last
      == "mtremblay,\"'=SUM(A1,A2)\",CSN 123,Bas- Saint-Laurent,entraidant,certified,2026-11-01,2027-10-31,343")
}
