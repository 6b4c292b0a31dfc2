/// Why a benchmark could not run to the end.
struct BenchFailure: Error {
  /// What went wrong, for the one line the benchmark prints.
  var message: String
}
