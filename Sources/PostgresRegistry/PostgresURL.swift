import Foundation

/// Where a shared registry is: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE]`.
///
/// `postgres://` is accepted too; user, password and database may be percent-encoded. The password comes
/// from the URL, else from `PGPASSWORD`. It is never part of `description` (the form shown in messages).
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible {
  /// How the connection is encrypted (libpq's `sslmode` names).
  public enum TLSMode: String, Sendable, Hashable, CaseIterable {
    /// Never encrypt.
    case disable
    /// Encrypt when the server offers it, without checking its certificate (libpq's default).
    case prefer
    /// Always encrypt; the certificate is not checked.
    case require
    /// Always encrypt, and check the certificate and the host name against the system's authorities.
    case verifyFull = "verify-full"
  }

  public var user: String
  public var password: String?
  public var host: String
  public var port: Int
  public var database: String
  public var tls: TLSMode

  public init(
    user: String, password: String?, host: String, port: Int = 5432, database: String, tls: TLSMode = .prefer
  ) {
    self.user = user
    self.password = password
    self.host = host
    self.port = port
    self.database = database
    self.tls = tls
  }

  /// Whether `text` names a server rather than a file: it starts with `postgresql://` or `postgres://`.
  public static func isURL(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return lowered.hasPrefix("postgresql:") || lowered.hasPrefix("postgres:")
  }

  /// Parses `text`; `environmentPassword` (`PGPASSWORD`) is used when the URL has no password.
  public init(parsing text: String, environmentPassword: String? = nil) throws(ServerRegistryError) {
    let lowered = text.lowercased()
    let rest: Substring
    if lowered.hasPrefix("postgresql://") {
      rest = text.dropFirst("postgresql://".count)
    } else if lowered.hasPrefix("postgres://") {
      rest = text.dropFirst("postgres://".count)
    } else {
      throw .malformedURL(Self.redacted(text), problem: .scheme)
    }
    let shown = Self.redacted(text)
    var remainder = rest
    var query: Substring = ""
    if let mark = remainder.firstIndex(of: "?") {
      query = remainder[remainder.index(after: mark)...]
      remainder = remainder[..<mark]
    }
    guard let slash = remainder.firstIndex(of: "/") else { throw .malformedURL(shown, problem: .database) }
    let authority = remainder[..<slash]
    let databaseText = remainder[remainder.index(after: slash)...]
    guard let at = authority.lastIndex(of: "@") else { throw .malformedURL(shown, problem: .user) }
    let credentials = authority[..<at]
    let hostPort = authority[authority.index(after: at)...]

    let userText: Substring
    var password: String?
    if let colon = credentials.firstIndex(of: ":") {
      userText = credentials[..<colon]
      guard let decoded = String(credentials[credentials.index(after: colon)...]).removingPercentEncoding else {
        throw .malformedURL(shown, problem: .encoding)
      }
      password = decoded
    } else {
      userText = credentials
    }
    guard let user = String(userText).removingPercentEncoding,
      let database = String(databaseText).removingPercentEncoding
    else { throw .malformedURL(shown, problem: .encoding) }
    guard !user.isEmpty else { throw .malformedURL(shown, problem: .user) }
    guard !database.isEmpty, !database.contains("/") else { throw .malformedURL(shown, problem: .database) }

    var host: String
    var portText: Substring?
    if hostPort.hasPrefix("[") {
      guard let close = hostPort.firstIndex(of: "]") else { throw .malformedURL(shown, problem: .host) }
      host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
      let after = hostPort[hostPort.index(after: close)...]
      if !after.isEmpty {
        guard after.hasPrefix(":") else { throw .malformedURL(shown, problem: .host) }
        portText = after.dropFirst()
      }
    } else if let colon = hostPort.lastIndex(of: ":") {
      host = String(hostPort[..<colon])
      portText = hostPort[hostPort.index(after: colon)...]
    } else {
      host = String(hostPort)
    }
    host = host.removingPercentEncoding ?? host
    guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }) else {
      throw .malformedURL(shown, problem: .host)
    }
    var port = 5432
    if let portText {
      guard let number = Int(portText), (1...65535).contains(number), portText.allSatisfy(\.isASCII) else {
        throw .malformedURL(shown, problem: .port)
      }
      port = number
    }

    var tls = TLSMode.prefer
    for pair in query.split(separator: "&") where !pair.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, parts[0] == "sslmode", let mode = TLSMode(rawValue: parts[1]) else {
        throw .malformedURL(shown, problem: .parameter(String(pair)))
      }
      tls = mode
    }
    self.init(
      user: user, password: password ?? environmentPassword, host: host, port: port, database: database, tls: tls)
  }

  /// `postgresql://USER@HOST:PORT/DATABASE`: the URL without its password.
  public var description: String {
    let shownHost = host.contains(":") ? "[\(host)]" : host
    return "postgresql://\(user)@\(shownHost):\(port)/\(database)"
  }

  /// `text` with any password between `://USER:` and `@` replaced by `***`, for messages about a bad URL.
  static func redacted(_ text: String) -> String {
    guard let scheme = text.range(of: "://") else { return text }
    let afterScheme = text[scheme.upperBound...]
    let authorityEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
    let authority = afterScheme[..<authorityEnd]
    guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
      return text
    }
    return String(text[..<authority.index(after: colon)]) + "***" + String(text[at...])
  }
}
