import Glibc

/// Starts a child process with `posix_spawn`, wired to three fresh pipes.
///
/// The child gets pipes as its stdin, stdout and stderr (never this process's), runs in a process
/// group of its own (so a terminal's Ctrl-C does not reach it), starts with no signals blocked and
/// every signal at its default action (this process ignores `SIGPIPE`; the child must not inherit
/// that), and inherits no other descriptor.
enum ProcessLauncher {
  /// A started child and this process's ends of its pipes.
  struct Child: Sendable {
    /// The child's process id, which is also its process group id.
    var pid: pid_t
    /// Write end of the child's stdin.
    var stdin: Int32
    /// Read end of the child's stdout.
    var stdout: Int32
    /// Read end of the child's stderr.
    var stderr: Int32
  }

  /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), not imported by Swift's Glibc.
  private typealias AddCloseFrom =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

  /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), not imported by Swift's Glibc.
  private typealias AddChdir =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) ->
    Int32

  /// Starts `command` with `baseEnvironment` overlaid by the command's own variables.
  ///
  /// Error messages name the program, never an environment value.
  static func launch(
    _ command: StdioCommand, baseEnvironment: [String: String]
  ) -> Result<Child, TransportError> {
    let name = command.programName
    guard !name.isEmpty else {
      return .failure(TransportError("cannot start the server: the command is empty"))
    }
    let environment = baseEnvironment.merging(command.environment) { _, extra in extra }

    let path: String
    switch resolve(name, searchPath: environment["PATH"]) {
    case .success(let found):
      path = found
    case .failure(let error):
      return .failure(error)
    }
    if let directory = command.workingDirectory {
      var info = stat()
      guard stat(directory, &info) == 0 else {
        return .failure(
          TransportError("cannot start '\(name)': working directory '\(directory)' does not exist"))
      }
      guard info.st_mode & S_IFMT == S_IFDIR else {
        return .failure(
          TransportError(
            "cannot start '\(name)': working directory '\(directory)' is not a directory"))
      }
    }

    var pipes: [StdioPOSIX.Pipe] = []
    func closeAll() {
      for pipe in pipes {
        StdioPOSIX.closeQuietly(pipe.read)
        StdioPOSIX.closeQuietly(pipe.write)
      }
    }
    for _ in 0..<3 {
      switch StdioPOSIX.makePipe() {
      case .success(let pipe):
        pipes.append(pipe)
      case .failure(let error):
        closeAll()
        return .failure(TransportError("cannot start '\(name)': cannot make a pipe: \(error.text)"))
      }
    }
    let (input, output, errors) = (pipes[0], pipes[1], pipes[2])

    var pid: pid_t = 0
    let spawnResult = withSpawnSettings(
      input: input.read, output: output.write, errors: errors.write,
      workingDirectory: command.workingDirectory
    ) { actions, attributes -> Int32 in
      withCStrings(command.commandLine) { argv in
        let pairs = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return withCStrings(pairs) { envp in
          posix_spawn(&pid, path, actions, attributes, argv, envp)
        }
      }
    }
    StdioPOSIX.closeQuietly(input.read)
    StdioPOSIX.closeQuietly(output.write)
    StdioPOSIX.closeQuietly(errors.write)
    switch spawnResult {
    case .success(0):
      return .success(Child(pid: pid, stdin: input.write, stdout: output.read, stderr: errors.read))
    case .success(let code):
      StdioPOSIX.closeQuietly(input.write)
      StdioPOSIX.closeQuietly(output.read)
      StdioPOSIX.closeQuietly(errors.read)
      return .failure(TransportError("cannot start '\(name)': \(StdioPOSIX.describe(errno: code))"))
    case .failure(let error):
      StdioPOSIX.closeQuietly(input.write)
      StdioPOSIX.closeQuietly(output.read)
      StdioPOSIX.closeQuietly(errors.read)
      return .failure(TransportError("cannot start '\(name)': \(error.message)"))
    }
  }

  /// Finds the file to run: `name` itself if it contains a `/`, else the first executable
  /// regular file called `name` in `searchPath` (as `execvp` does).
  static func resolve(_ name: String, searchPath: String?) -> Result<String, TransportError> {
    if name.contains("/") {
      return .success(name)
    }
    let directories = (searchPath ?? "/usr/local/bin:/usr/bin:/bin")
      .split(separator: ":", omittingEmptySubsequences: false)
    var sawUnexecutable = false
    for directory in directories {
      let candidate = directory.isEmpty ? name : "\(directory)/\(name)"
      var info = stat()
      guard stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
      if access(candidate, X_OK) == 0 {
        return .success(candidate)
      }
      sawUnexecutable = true
    }
    if sawUnexecutable {
      return .failure(
        TransportError("cannot start '\(name)': permission denied (found in PATH, not executable)"))
    }
    return .failure(TransportError("cannot start '\(name)': no such file or directory in PATH"))
  }

  /// Prepares the spawn file actions and attributes, runs `body` with them, and frees them.
  private static func withSpawnSettings(
    input: Int32, output: Int32, errors: Int32, workingDirectory: String?,
    _ body: (
      UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafeMutablePointer<posix_spawnattr_t>
    ) -> Int32
  ) -> Result<Int32, TransportError> {
    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    guard posix_spawn_file_actions_init(&actions) == 0 else {
      return .failure(TransportError("cannot prepare the spawn"))
    }
    defer { posix_spawn_file_actions_destroy(&actions) }
    guard posix_spawnattr_init(&attributes) == 0 else {
      return .failure(TransportError("cannot prepare the spawn"))
    }
    defer { posix_spawnattr_destroy(&attributes) }

    posix_spawn_file_actions_adddup2(&actions, input, 0)
    posix_spawn_file_actions_adddup2(&actions, output, 1)
    posix_spawn_file_actions_adddup2(&actions, errors, 2)
    // Every descriptor above 2 is ours, close-on-exec or not; the child gets none of them.
    if let addCloseFrom = StdioPOSIX.lookUp(
      "posix_spawn_file_actions_addclosefrom_np", as: AddCloseFrom.self)
    {
      _ = addCloseFrom(&actions, 3)
    }
    if let workingDirectory {
      guard
        let addChdir = StdioPOSIX.lookUp(
          "posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
      else {
        return .failure(
          TransportError("this C library cannot set a new process's working directory"))
      }
      guard addChdir(&actions, workingDirectory) == 0 else {
        return .failure(TransportError("cannot set the working directory"))
      }
    }

    let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
    posix_spawnattr_setflags(&attributes, Int16(flags))
    posix_spawnattr_setpgroup(&attributes, 0)
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)

    return .success(body(&actions, &attributes))
  }

  /// Runs `body` with a NULL-terminated C array of copies of `strings`.
  private static func withCStrings<Value>(
    _ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Value
  ) -> Value {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer {
      for pointer in pointers {
        free(pointer)
      }
    }
    return body(pointers)
  }
}
