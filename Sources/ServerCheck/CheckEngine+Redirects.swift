import Foundation

extension CheckEngine {
  /// Each redirect chain the check met: HTTPS kept, no loop, a bounded length, the same
  /// origin, a method-preserving status for POSTs; and a summary.
  static func redirectFindings(_ o: CheckObservation) -> [CheckFinding] {
    var out: [CheckFinding] = []
    for chain in o.redirects where !chain.hops.isEmpty {
      let evidence = chain.hops.flatMap(\.evidence)
      var visited: Set<String> = [normalizedURL(chain.start)]
      var looped = false
      for hop in chain.hops {
        let ev = hop.evidence
        guard let target = hop.location else { continue }
        let from = URLComponents(string: hop.url)
        let to = URLComponents(string: target)
        let fromScheme = from?.scheme?.lowercased() ?? ""
        let toScheme = to?.scheme?.lowercased() ?? ""
        let toHost = to?.host ?? ""
        if toScheme != "https" {
          if toScheme != "http" {
            out.append(
              CheckRules.redirectHTTPS.finding(
                "\(chain.purpose) redirects (HTTP \(hop.status)) from \(hop.url) to "
                  + "\(quoted(target, limit: 120)), which is not an https:// URL.",
                path: "Location", evidence: ev))
          } else if fromScheme == "https" {
            out.append(
              CheckRules.redirectHTTPS.finding(
                "\(chain.purpose) redirects (HTTP \(hop.status)) from \(hop.url) down to "
                  + "plain \(target).", path: "Location", evidence: ev))
          } else if !isLoopback(toHost) {
            out.append(
              CheckRules.redirectHTTPS.finding(
                "\(chain.purpose) redirects (HTTP \(hop.status)) from \(hop.url) to plain "
                  + "\(target) on \(toHost).", path: "Location", evidence: ev))
          }
        }
        if !sameOrigin(hop.url, target) {
          out.append(
            CheckRules.redirectCrossOrigin.finding(
              "\(chain.purpose) redirects (HTTP \(hop.status)) from \(origin(of: hop.url)) to "
                + "another origin, \(origin(of: target)).", path: "Location", evidence: ev))
        }
        if chain.method == "POST", [301, 302, 303].contains(hop.status) {
          out.append(
            CheckRules.redirectMethod.finding(
              "\(chain.purpose) answers a POST with HTTP \(hop.status) to \(target).",
              path: "Location", evidence: ev))
        }
        if !visited.insert(normalizedURL(target)).inserted, !looped {
          looped = true
          out.append(
            CheckRules.redirectLoop.finding(
              "\(chain.purpose) redirects in a loop: \(target) comes back after "
                + "\(chain.hops.count) hop\(chain.hops.count == 1 ? "" : "s").",
              path: "Location", evidence: evidence))
        }
      }
      if !looped && chain.hops.count > RedirectChain.hardLimit {
        out.append(
          CheckRules.redirectLoop.finding(
            "\(chain.purpose) does not stop redirecting: the check gave up after "
              + "\(RedirectChain.hardLimit) hops and a redirect still came (the limit is "
              + "\(RedirectChain.hardLimit)).",
            path: "Location", evidence: evidence))
      } else if !looped && chain.hops.count > RedirectChain.warnLimit {
        out.append(
          CheckRules.redirectLength.finding(
            "\(chain.purpose) goes through \(chain.hops.count) redirects (more than "
              + "\(RedirectChain.warnLimit)).", path: "Location", evidence: evidence))
      }
      var text = "\(chain.purpose) (\(chain.method) \(chain.start))"
      for hop in chain.hops {
        text += " → \(hop.status) " + (hop.location ?? "(no usable Location)")
      }
      if let stopped = chain.stopped { text += "; the check stopped: \(stopped)" }
      out.append(CheckRules.redirectSummary.finding(text + ".", evidence: evidence))
    }
    return out
  }

  /// `scheme://host:port` with the default port filled in, lowercased; the URL itself when it
  /// does not parse.
  public static func origin(of url: String) -> String {
    guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
      let host = parts.host?.lowercased()
    else { return url }
    let port = parts.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : 0)
    return "\(scheme)://\(host):\(port)"
  }

  /// Whether a redirect from `a` to `b` stays on one origin; an upgrade from http to https on
  /// the same host (default ports) counts as staying.
  public static func sameOrigin(_ a: String, _ b: String) -> Bool {
    let (x, y) = (origin(of: a), origin(of: b))
    if x == y { return true }
    guard let p = URLComponents(string: a), let q = URLComponents(string: b) else { return false }
    return p.host?.lowercased() == q.host?.lowercased() && p.scheme?.lowercased() == "http"
      && q.scheme?.lowercased() == "https" && (p.port ?? 80) == 80 && (q.port ?? 443) == 443
  }

  /// Whether two URLs are the same resource for loop detection: origin plus path and query.
  public static func normalizedURL(_ url: String) -> String {
    guard let parts = URLComponents(string: url) else { return url }
    let path = parts.percentEncodedPath.isEmpty ? "/" : parts.percentEncodedPath
    return origin(of: url) + path + (parts.percentEncodedQuery.map { "?" + $0 } ?? "")
  }
}
