/**
 * Script sources known to compile, shared by every realm of a factory. `run` compiles a script
 * alone before running it, so that a syntax error is told apart from a `SyntaxError` the script
 * throws; syntax does not depend on the realm, and that check is a compile as costly as the run
 * itself (about 0.3 ms for `_genesys`'s bootstrap), so each source is checked once, not once per
 * session. Bounded, like the realms' compiled expressions, for a host that builds scripts on the fly.
 */
const CHECKED_CAP = 4096;

export class CheckedSyntax {
  private readonly known = new Set<string>();

  has(source: string): boolean {
    return this.known.has(source);
  }

  add(source: string): void {
    if (this.known.size >= CHECKED_CAP) this.known.clear();
    this.known.add(source);
  }
}
