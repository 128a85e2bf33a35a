import Testing

@Test func versionIsPrinted() throws {
  let result = try Entraide.run(["--version"])
  #expect(result.status == 0)
  #expect(result.stdout == "0.1.0\n")
}
