import Testing

@Test func versionIsPrinted() throws {
  let result = try Entraide.run(["--version"])
  #expect(result.status == 0)
  #expect(result.stdout == "0.1.0\n")
}

/// `--version` with anything else goes through ArgumentParser, with the same words.
@Test func versionThroughArgumentParserIsTheSame() throws {
  let result = try Entraide.run(["validate", "--version"])
  #expect(result.status == 0)
  #expect(result.stdout == "0.1.0\n")
}
