import { ScriptError, type ScriptRealm, type ScriptValue } from './script/realm';

const IN_CALL = /^\s*In\(\s*(['"])([^'"]*)\1\s*\)\s*$/;

/**
 * The null datamodel (section B.1): no data and no scripts; the only expression is `In('state')`.
 * Anything else is a syntax error, so it raises `error.execution` like a bad expression would.
 */
export class NullDatamodel implements ScriptRealm {
  private inState: ((id: string) => boolean) | null = null;

  evaluate(expr: string): ScriptValue {
    return this.condition(expr);
  }

  condition(expr: string): boolean {
    const match = IN_CALL.exec(expr);
    if (!match || !this.inState)
      throw new ScriptError('syntax', `the null datamodel has no expression "${expr}"; only In('state')`);
    return this.inState(match[2] ?? '');
  }

  run(): void {
    throw new ScriptError('runtime', 'the null datamodel runs no scripts');
  }

  /** System variables are offered to every datamodel; this one has nowhere to keep them. */
  set(): void {}

  assign(location: string): void {
    throw new ScriptError('runtime', `the null datamodel has no location "${location}"`);
  }

  assignExpr(location: string): void {
    this.assign(location);
  }

  define(name: string, fn: (...args: ScriptValue[]) => ScriptValue): void {
    if (name === 'In') this.inState = (id) => fn(id) === true;
  }

  dispose(): void {}
}
