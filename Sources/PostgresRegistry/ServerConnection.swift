import Foundation
import Logging
import PostgresNIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One connection to the registry's server, used synchronously.
///
/// The commands are synchronous; this waits (`EventLoopFuture.wait()`) for PostgresNIO's event loop, which
/// runs on its own threads, so a command never turns async and never blocks the loop it waits on. Server
/// errors become `ServerRegistryError` (or `RegistryError` for what the registry itself refuses).
final class ServerConnection: @unchecked Sendable {
  let url: PostgresURL
  private let connection: PostgresConnection
  let logger: Logger
  private let lock = NSLock()
  private let pendingLock = NSLock()
  /// The answer `run` waits for; failed when the connection ends first.
  private var pending: EventLoopPromise<PostgresQueryResult>?

  private init(url: PostgresURL, connection: PostgresConnection, logger: Logger) {
    self.url = url
    self.connection = connection
    self.logger = logger
    connection.closeFuture.whenComplete { [weak self] _ in self?.failPending() }
  }

  deinit {
    try? connection.close().wait()
  }

  /// Connects to `url`'s server as its user; a clear error for an unknown host, a refused connection,
  /// a wrong password, a missing database or a failed TLS handshake.
  static func open(_ url: PostgresURL) throws -> ServerConnection {
    let server = url.description
    guard resolves(url.host) else { throw ServerRegistryError.unknownHost(host: url.host) }
    let tls: PostgresConnection.Configuration.TLS
    do {
      switch url.tls {
      case .disable:
        tls = .disable
      case .prefer, .require:
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        let context = try NIOSSLContext(configuration: configuration)
        tls = url.tls == .prefer ? .prefer(context) : .require(context)
      case .verifyFull:
        tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
      }
    } catch {
      throw ServerRegistryError.tlsFailed(server: server, reason: "\(error)")
    }
    var configuration = PostgresConnection.Configuration(
      host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
    configuration.options.connectTimeout = .seconds(10)
    if url.tls == .verifyFull { configuration.options.tlsServerName = url.host }
    // PostgresNIO logs nothing at this level; the password never reaches a log line.
    var logger = Logger(label: "entraide.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    logger.logLevel = .critical
    do {
      let connection = try PostgresConnection.connect(
        on: PostgresConnection.defaultEventLoopGroup.next(), configuration: configuration, id: 1, logger: logger
      ).wait()
      let opened = ServerConnection(url: url, connection: connection, logger: logger)
      try opened.execute("SET application_name = 'entraide'")
      return opened
    } catch let error as PSQLError {
      throw translateConnectError(error, url: url)
    } catch let error as ServerRegistryError {
      throw error
    } catch {
      throw ServerRegistryError.cannotConnect(server: server, refused: "\(error)".contains("refused"))
    }
  }

  /// Whether `host` is a name or address the system can resolve.
  static func resolves(_ host: String) -> Bool {
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var result: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, nil, &hints, &result)
    if let result { freeaddrinfo(result) }
    return status == 0
  }

  static func translateConnectError(_ error: PSQLError, url: PostgresURL) -> ServerRegistryError {
    let server = url.description
    if error.code == .server, let state = error.serverInfo?[.sqlState] {
      switch state {
      case "28P01", "28000": return .authenticationFailed(server: server, user: url.user)
      case "3D000": return .noSuchDatabase(server: server)
      default: return .server(error.serverInfo?[.message] ?? state)
      }
    }
    if error.code == .authMechanismRequiresPassword { return .authenticationFailed(server: server, user: url.user) }
    if error.code == .sslUnsupported { return .tlsFailed(server: server, reason: "the server does not offer TLS") }
    if error.code == .failedToAddSSLHandler || error.code == .receivedUnencryptedDataAfterSSLRequest {
      return .tlsFailed(server: server, reason: String(describing: error.underlying.map { "\($0)" } ?? "handshake"))
    }
    let underlying = error.underlying.map { "\($0)" } ?? ""
    if let ioError = error.underlying as? IOError {
      return .cannotConnect(server: server, refused: ioError.errnoCode == ECONNREFUSED)
    }
    if underlying.contains("NIOSSL") || underlying.contains("handshake") {
      return .tlsFailed(server: server, reason: underlying)
    }
    return .cannotConnect(server: server, refused: underlying.contains("refused") || underlying.contains("111"))
  }

  // MARK: - Queries

  /// Runs `query` and returns its rows.
  @discardableResult
  func query(_ query: PostgresQuery) throws -> [PostgresRow] {
    try run(query).rows
  }

  /// Runs a statement and returns how many rows it changed.
  @discardableResult
  func execute(_ query: PostgresQuery) throws -> Int {
    try run(query).metadata.rows ?? 0
  }

  /// Runs `query`, waiting for its answer or for the connection's end, whichever comes first.
  ///
  /// A query written after the server closed the connection (a restart) is never answered: PostgresNIO
  /// drops it without failing it. The connection's end fails the query waited on (`pending`) instead, so
  /// the command stops with `connectionLost`.
  private func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
    lock.lock()
    defer { lock.unlock() }
    let answer = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
    pendingLock.withLock { pending = answer }
    defer { pendingLock.withLock { pending = nil } }
    if connection.isClosed {
      answer.fail(ServerRegistryError.connectionLost(server: url.description))
    } else {
      connection.query(query, logger: logger).cascade(to: answer)
    }
    do {
      return try answer.futureResult.wait()
    } catch let error as PSQLError {
      throw translate(error)
    }
  }

  /// Fails the query waited on, if any, when the connection ends (completing a promise twice does nothing).
  private func failPending() {
    let promise = pendingLock.withLock { pending }
    promise?.fail(ServerRegistryError.connectionLost(server: url.description))
  }

  /// The error a failed query becomes: the server's refusal in words, or a lost connection.
  func translate(_ error: PSQLError) -> any Error {
    switch error.code {
    case .server:
      let state = error.serverInfo?[.sqlState] ?? ""
      let message = error.serverInfo?[.message] ?? state
      if state == "42501" { return ServerRegistryError.notPermitted(role: url.user, reason: message) }
      if state.hasPrefix("57P") || state.hasPrefix("08") {
        return ServerRegistryError.connectionLost(server: url.description)
      }
      return ServerFailure(sqlState: state, message: message)
    case .serverClosedConnection, .uncleanShutdown, .connectionError, .clientClosedConnection:
      return ServerRegistryError.connectionLost(server: url.description)
    default:
      return ServerRegistryError.server("\(error.code)")
    }
  }

  // MARK: - Transactions

  /// Runs `body` in one transaction, committed when it returns, rolled back when it throws.
  func transaction<T>(readOnly: Bool = false, _ body: () throws -> T) throws -> T {
    try execute(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY" : "BEGIN")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      _ = try? execute("ROLLBACK")
      throw error
    }
  }
}

/// A server error the registry's code may recognise by its SQLSTATE (unique violation, trigger refusal…).
struct ServerFailure: Error {
  var sqlState: String
  var message: String
}
