/**
 * The contract between the interpreter and the scripts of one session (the ECMAScript datamodel).
 * A session's variables live inside its realm, never in the host: the interpreter hands source text
 * in and gets plain values out. The realm is a sandbox (a WebAssembly JavaScript engine), because
 * strategy code is someone else's code: it must not reach the host, and it runs with limits.
 */

/** What crosses between a realm and the host: what JSON holds, plus `undefined`. */
export type ScriptValue =
  | null
  | undefined
  | boolean
  | number
  | string
  | readonly ScriptValue[]
  | { readonly [key: string]: ScriptValue };

/**
 * Why a script failed. `syntax` and `runtime` become `error.execution` in the session; `timeout`
 * (the step's time ran out) and `memory` (the session's memory ran out) end the session.
 */
export type ScriptErrorKind = 'syntax' | 'runtime' | 'timeout' | 'memory';

export class ScriptError extends Error {
  constructor(
    readonly kind: ScriptErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ScriptError';
  }
}

export interface ScriptLimits {
  /** Time one call into the realm may take before it is interrupted. */
  readonly stepMs: number;
  /** Memory the session's realm may hold. */
  readonly memoryBytes: number;
}

/** One session's sandboxed script world. Every method throws `ScriptError` on failure. */
export interface ScriptRealm {
  /** The value of an expression (`cond`, `expr`, `eventexpr`, a location read...). */
  evaluate(expr: string): ScriptValue;
  /**
   * Whether an expression is true by the script language's rules (`cond`). Unlike `evaluate`, it
   * works for values that cannot leave the realm: a function is true.
   */
  condition(expr: string): boolean;
  /** Runs statements: a `<script>` body. */
  run(source: string): void;
  /** Binds a global variable to a host value; `readOnly` for system variables (`_event`, `_sessionid`...). */
  set(name: string, value: ScriptValue, readOnly?: boolean): void;
  /** Assigns a host value to a location expression (`a`, `a.b[2]`); fails if it is not assignable. */
  assign(location: string, value: ScriptValue): void;
  /**
   * Assigns the value of an expression to a location inside the realm, without copying it out:
   * functions, dates and shared references survive (`<assign location expr>`, `<data id expr>`).
   */
  assignExpr(location: string, expr: string): void;
  /** A host function scripts may call (`In()`, and later ORS's functions); arguments and result are copied. */
  define(name: string, fn: (...args: ScriptValue[]) => ScriptValue): void;
  /** Frees the realm; calls after this fail. */
  dispose(): void;
}

/** Makes realms. One factory serves many sessions; it may share compiled code and runtimes between them. */
export interface RealmFactory {
  create(limits: ScriptLimits): ScriptRealm;
}
