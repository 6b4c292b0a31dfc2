import Foundation
import PreflightTestSupport

/// A self-signed certificate for 127.0.0.1 and its key, made once per test run in a folder of
/// its own (never committed): with the `openssl` command when there is one, else with the
/// `cryptography` package that the mcp 2.x environment already has.
struct SelfSignedCertificate: Sendable, Hashable {
  /// The PEM certificate's path.
  let certificate: String
  /// The PEM private key's path.
  let key: String

  /// The run's certificate, made on first use.
  static func shared() async throws -> SelfSignedCertificate {
    try await made.value
  }

  private static let made = Task { try await make() }

  private static func make() async throws -> SelfSignedCertificate {
    let folder =
      FileManager.default.temporaryDirectory.path + "/preflight-tls-\(getpid())-\(UUID())"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let made = SelfSignedCertificate(certificate: folder + "/cert.pem", key: folder + "/key.pem")
    let output: ProcessOutput
    if let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"]
      .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    {
      output = try await ProcessRunner.run(
        openssl,
        [
          "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "2",
          "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
          "-keyout", made.key, "-out", made.certificate,
        ], timeout: .seconds(60))
    } else {
      output = try await ProcessRunner.run(
        Interop.venv2 + "/bin/python", ["-c", pythonMaker, made.certificate, made.key],
        timeout: .seconds(60))
    }
    guard output.exitStatus == 0,
      FileManager.default.fileExists(atPath: made.certificate),
      FileManager.default.fileExists(atPath: made.key)
    else {
      throw InteropFailure("could not make a self-signed certificate: \(output.stderrText)")
    }
    return made
  }

  /// Makes the same certificate with `cryptography` (argv: certificate path, key path).
  private static let pythonMaker = """
    import datetime, ipaddress, sys
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    san = x509.SubjectAlternativeName(
        [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(san, critical=False).sign(key, hashes.SHA256()))
    open(sys.argv[1], "wb").write(cert.public_bytes(serialization.Encoding.PEM))
    open(sys.argv[2], "wb").write(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption()))
    """
}
