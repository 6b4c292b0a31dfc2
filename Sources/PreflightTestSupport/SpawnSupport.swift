import Glibc

/// The POSIX pieces test helpers share to start child processes: close-on-exec pipes, the
/// spawn settings that isolate a child (its own process group, default signals, no inherited
/// descriptors), and C string arrays.
public enum SpawnSupport {
  private typealias Pipe2Function =
    @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
  private typealias AddCloseFromFunction =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

  /// A C function this libc exports that Swift's Glibc module does not declare.
  public static func lookUp<Function>(_ name: String, as type: Function.Type) -> Function? {
    guard let handle = dlopen(nil, RTLD_NOW) else { return nil }
    defer { dlclose(handle) }
    guard let symbol = dlsym(handle, name) else { return nil }
    return unsafeBitCast(symbol, to: type)
  }

  /// A close-on-exec pipe, or nil with `errno` set.
  public static func closeOnExecPipe() -> (read: Int32, write: Int32)? {
    var fds: [Int32] = [-1, -1]
    let result = fds.withUnsafeMutableBufferPointer { buffer -> Int32 in
      if let pipe2 = lookUp("pipe2", as: Pipe2Function.self) {
        return pipe2(buffer.baseAddress, O_CLOEXEC)
      }
      let made = pipe(buffer.baseAddress)
      if made == 0 {
        _ = fcntl(buffer[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(buffer[1], F_SETFD, FD_CLOEXEC)
      }
      return made
    }
    return result == 0 ? (fds[0], fds[1]) : nil
  }

  /// Closes every descriptor above 2 in the child, puts it in its own process group, and gives
  /// it no blocked and no ignored signals.
  public static func isolate(
    _ actions: inout posix_spawn_file_actions_t, _ attributes: inout posix_spawnattr_t
  ) {
    if let addCloseFrom = lookUp(
      "posix_spawn_file_actions_addclosefrom_np", as: AddCloseFromFunction.self)
    {
      _ = addCloseFrom(&actions, 3)
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
  }

  /// Runs `body` with a NULL-terminated C array of copies of `strings`.
  public static func withCStrings<Value>(
    _ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Value
  ) -> Value {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer {
      for pointer in pointers { free(pointer) }
    }
    return body(pointers)
  }
}
