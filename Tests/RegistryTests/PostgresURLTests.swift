import PostgresRegistry
import Testing

@Test func aFullURLGivesEveryPart() throws {
  let url = try PostgresURL(parsing: "postgresql://coord%40csn:p%3Ass@db.example.org:6543/reg%20istry?sslmode=require")
  #expect(
    url
      == PostgresURL(
        user: "coord@csn", password: "p:ss", host: "db.example.org", port: 6543, database: "reg istry", tls: .require))
  #expect(url.description == "postgresql://coord@csn@db.example.org:6543/reg istry")
}

@Test func theShortSchemeDefaultsAndThePasswordFromTheEnvironment() throws {
  let url = try PostgresURL(parsing: "postgres://coord@[::1]/entraide", environmentPassword: "from-env")
  #expect(url == PostgresURL(user: "coord", password: "from-env", host: "::1", port: 5432, database: "entraide"))
  #expect(url.tls == .prefer)
  #expect(url.description == "postgresql://coord@[::1]:5432/entraide")
  let inURL = try PostgresURL(parsing: "postgres://coord:in-url@host/db", environmentPassword: "from-env")
  #expect(inURL.password == "in-url")
}

@Test func onlyServerURLsAreURLs() {
  #expect(PostgresURL.isURL("postgresql://a@b/c"))
  #expect(PostgresURL.isURL("POSTGRES://a@b/c"))
  #expect(PostgresURL.isURL("postgresql:"))
  #expect(!PostgresURL.isURL("/home/coord/registry.sqlite"))
  #expect(!PostgresURL.isURL("postgresql.sqlite"))
}

@Test(
  arguments: [
    ("postgresql://coord:secret@host", ServerRegistryError.URLProblem.database),
    ("postgresql://coord:secret@host/", .database),
    ("postgresql://host/db", .user),
    ("postgresql://:secret@host/db", .user),
    ("postgresql://coord:secret@/db", .host),
    ("postgresql://coord:secret@host:99999/db", .port),
    ("postgresql://coord:secret@host:port/db", .port),
    ("postgresql://coord:secret@host/db?sslmode=maybe", .parameter("sslmode=maybe")),
    ("postgresql://coord:secret@host/db?timeout=3", .parameter("timeout=3")),
    ("postgresql:coord@host/db", .scheme),
    ("postgresql://coord:sec%zzret@host/db", .encoding),
  ])
func aMalformedURLIsNamedWithoutItsPassword(text: String, problem: ServerRegistryError.URLProblem) throws {
  let error = #expect(throws: ServerRegistryError.self) { try PostgresURL(parsing: text) }
  guard case .malformedURL(let shown, let found) = error else {
    Issue.record("\(String(describing: error))")
    return
  }
  #expect(found == problem)
  #expect(!shown.contains("secret") && !shown.contains("sec%zzret"))
  #expect(error?.message.en.contains("secret") == false)
  #expect(error?.message.fr.contains("secret") == false)
}
