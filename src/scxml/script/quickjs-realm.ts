/**
 * One session's realm: a QuickJS runtime of its own inside the shared WebAssembly module, so its
 * interrupt deadline, its memory limit and its disposal concern it alone (a disposed runtime frees
 * everything it held, cycles included).
 */
import type {
  QuickJSContext,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
  VmCallResult,
} from 'quickjs-emscripten-core';
import { conditionSource, expressionSource, locationSource, REALM_HELPERS } from './bootstrap';
import type { CheckedSyntax } from './checked-syntax';
import { type ErrorSite, scriptError } from './classify';
import type { HeapAccount, HeapMeter } from './heap-meter';
import { ScriptError, type ScriptLimits, type ScriptRealm, type ScriptValue } from './realm';
import {
  disposeEncoded,
  type Encoded,
  encodeForRealm,
  messageOf,
  type RealmJson,
  realmJson,
  toHost,
  toRealm,
} from './values';

/**
 * Compiled expressions and locations kept per realm. A document has a bounded set of them; the cap
 * only keeps a host that builds expressions on the fly from growing the cache without end.
 */
const COMPILED_CAP = 1024;

/**
 * The realm's C stack limit. The host's own stack (V8's, about 1 MB, less in a worker) is what
 * really runs out: QuickJS's parser and JSON recurse natively, and at QuickJS's default limit a
 * script like `JSON.parse('['.repeat(1e5))` overflowed the host's stack and threw out of the
 * WebAssembly module, leaving it unusable for every session. Measured here: 64 KB still let the
 * parser overflow the host on `eval('('.repeat(1e5))`; 32 KB catches every case tried, as a
 * realm `stack overflow`, and leaves 167 frames of plain JS recursion.
 */
const MAX_STACK_BYTES = 32 * 1024;

export class QuickJSRealm implements ScriptRealm {
  private readonly runtime: QuickJSRuntime;
  private readonly ctx: QuickJSContext;
  private readonly json: RealmJson;
  private readonly defineGlobal: QuickJSHandle;
  private readonly compiled = new Map<string, QuickJSHandle>();
  private deadline = Number.POSITIVE_INFINITY;
  private interrupted = false;
  private depth = 0;
  private readonly account: HeapAccount;
  /** Set once the realm is gone: disposed, or ended by a timeout or its memory running out. */
  private ended: ScriptError | null = null;

  constructor(
    module: QuickJSWASMModule,
    private readonly meter: HeapMeter,
    private readonly limits: ScriptLimits,
    /** Scripts known to compile, shared with the factory's other realms. */
    private readonly checkedSyntax: CheckedSyntax,
    /** Told when this realm ran out of memory or could not be freed: its module may have lost memory for good. */
    private readonly onRunaway: () => void,
  ) {
    this.account = { budget: limits.memoryBytes, charged: 0, spent: false };
    this.runtime = module.newRuntime();
    this.runtime.setMemoryLimit(limits.memoryBytes);
    this.runtime.setMaxStackSize(MAX_STACK_BYTES);
    this.runtime.setInterruptHandler(() => {
      // A realm past its budget is stopped at once, even if it catches its out-of-memory errors.
      if (this.account.spent) return true;
      if (Date.now() < this.deadline) return false;
      this.interrupted = true;
      return true;
    });
    this.ctx = this.runtime.newContext();
    const helpers = this.ctx.unwrapResult(
      this.ctx.evalCode(REALM_HELPERS, 'realm-bootstrap.js', { type: 'global' }),
    );
    try {
      this.defineGlobal = this.ctx.getProp(helpers, 0);
      this.json = realmJson(this.ctx, this.ctx.getProp(helpers, 1));
    } finally {
      helpers.dispose();
    }
  }

  evaluate(expr: string): ScriptValue {
    return this.step(() => {
      const value = this.valueOf(expr);
      try {
        return toHost(this.ctx, this.json, value);
      } finally {
        value.dispose();
      }
    });
  }

  run(source: string): void {
    this.step(() => {
      if (!this.checkedSyntax.has(source)) {
        // Compiled alone first, so a syntax error is told apart from a SyntaxError the script throws.
        this.settle(
          this.ctx.evalCode(source, 'script.js', { type: 'global', compileOnly: true }),
          'compile',
        ).dispose();
        this.checkedSyntax.add(source);
      }
      this.settle(this.ctx.evalCode(source, 'script.js', { type: 'global' }), 'run').dispose();
      this.runPendingJobs();
    });
  }

  set(name: string, value: ScriptValue, readOnly = false): void {
    this.step(() => {
      const encoded = encodeForRealm(this.ctx, value);
      try {
        this.bind(name, encoded.handle, readOnly, encoded);
      } finally {
        disposeEncoded(encoded);
      }
    });
  }

  assign(location: string, value: ScriptValue): void {
    this.step(() => {
      const handle = toRealm(this.ctx, this.json, value);
      try {
        this.store(location, handle);
      } finally {
        handle.dispose();
      }
    });
  }

  assignExpr(location: string, expr: string): void {
    this.step(() => {
      const value = this.valueOf(expr);
      try {
        this.store(location, value);
      } finally {
        value.dispose();
      }
    });
  }

  condition(expr: string): boolean {
    return this.step(() => {
      const fn = this.compile(`\u0000?${expr}`, () => conditionSource(expr));
      const truth = this.settle(this.ctx.callFunction(fn, this.ctx.undefined), 'run');
      return truth.consume((handle) => this.ctx.dump(handle) === true);
    });
  }

  define(name: string, fn: (...args: ScriptValue[]) => ScriptValue): void {
    this.step(() => {
      const handle = this.ctx.newFunction(name, (...args) => this.callHost(name, fn, args));
      try {
        this.bind(name, handle, true);
      } finally {
        handle.dispose();
      }
    });
  }

  dispose(): void {
    if (this.ended?.kind === 'runtime') return;
    if (this.ended === null) this.free();
    this.ended = new ScriptError('runtime', 'the realm was disposed');
  }

  /** One call into the realm: under the step's deadline, and the end of the realm if it ran away. */
  private step<T>(body: () => T): T {
    if (this.ended) throw this.ended;
    if (this.depth === 0) {
      this.deadline = Date.now() + this.limits.stepMs;
      this.interrupted = false;
    }
    this.depth++;
    try {
      const result = this.meter.charging(this.account, body);
      // Out of memory, QuickJS can fail to allocate its own error and the call looks like a success.
      if (this.account.spent) throw new ScriptError('memory', 'the session used its memory budget');
      return result;
    } catch (error) {
      const failure = error instanceof ScriptError ? error : new ScriptError('runtime', messageOf(error));
      if (this.depth === 1 && (failure.kind === 'timeout' || failure.kind === 'memory')) this.end(failure);
      throw failure;
    } finally {
      this.depth--;
      if (this.depth === 0) this.deadline = Number.POSITIVE_INFINITY;
    }
  }

  /** A realm that ran away is freed at once, so the memory it held goes back to other sessions. */
  private end(failure: ScriptError): void {
    this.free();
    this.ended = failure;
    if (failure.kind === 'memory') this.onRunaway();
  }

  /**
   * After some allocation failures inside it, QuickJS has released the context once too often, and
   * freeing it fails an assertion at its first line (`ctx->header.ref_count == 0`, seen after
   * runaways building nested arrays or maps of small objects); nothing of the realm is freed then.
   * The module reports it on the console and goes on; the error must not reach the caller, and the
   * module is retired like after a runaway (`quickjs-factory.ts`), since its memory is lost.
   */
  private free(): void {
    try {
      for (const handle of this.compiled.values()) handle.dispose();
      this.compiled.clear();
      this.defineGlobal.dispose();
      this.json.parse.dispose();
      this.json.stringify.dispose();
      this.ctx.dispose();
      this.runtime.dispose();
    } catch {
      this.onRunaway();
    }
  }

  /** The value of `expr` as a realm handle the caller disposes. */
  private valueOf(expr: string): QuickJSHandle {
    const fn = this.compile(expr, expressionSource);
    return this.settle(this.ctx.callFunction(fn, this.ctx.undefined), 'run');
  }

  private store(location: string, value: QuickJSHandle): void {
    const fn = this.compile(`=${location}`, () => locationSource(location));
    this.settle(this.ctx.callFunction(fn, this.ctx.undefined, value), 'run').dispose();
  }

  /** Binds a realm value, or (with `encoded` JSON) the copy the realm parses from it in the same call. */
  private bind(name: string, value: QuickJSHandle, readOnly: boolean, encoded?: Encoded): void {
    const nameHandle = this.ctx.newString(name);
    try {
      const args = [nameHandle, value, readOnly ? this.ctx.true : this.ctx.false];
      if (encoded?.isJson) args.push(this.ctx.true, encoded.absent);
      this.settle(this.ctx.callFunction(this.defineGlobal, this.ctx.undefined, args), 'run').dispose();
    } finally {
      nameHandle.dispose();
    }
  }

  private compile(key: string, source: (key: string) => string): QuickJSHandle {
    const cached = this.compiled.get(key);
    if (cached) return cached;
    if (this.compiled.size >= COMPILED_CAP) {
      for (const handle of this.compiled.values()) handle.dispose();
      this.compiled.clear();
    }
    const fn = this.settle(this.ctx.evalCode(source(key), 'expression.js', { type: 'global' }), 'compile');
    this.compiled.set(key, fn);
    return fn;
  }

  /** The handle of a successful call, or the realm's exception turned into a `ScriptError`. */
  private settle(result: VmCallResult<QuickJSHandle>, site: ErrorSite): QuickJSHandle {
    if (!('error' in result) || result.error === undefined) return result.value;
    const dumped: unknown = this.ctx.dump(result.error);
    result.error.dispose();
    throw scriptError(dumped, site, this.interrupted, this.account.spent, () => this.nearMemoryLimit());
  }

  private runPendingJobs(): void {
    const result = this.runtime.executePendingJobs();
    // A job chain that never ends is interrupted like a loop, but its error can come back empty.
    if (this.interrupted) {
      if (result.error) result.error.dispose();
      throw new ScriptError('timeout', 'the step ran past its time limit (in promise jobs)');
    }
    if (result.error) {
      const dumped: unknown = result.error.context.dump(result.error);
      result.error.dispose();
      throw scriptError(dumped, 'run', this.interrupted, this.account.spent, () => this.nearMemoryLimit());
    }
  }

  /** Whether the realm ran out of memory: QuickJS throws `null` when it cannot even allocate the error. */
  private nearMemoryLimit(): boolean {
    let dumped: unknown;
    try {
      const usage = this.runtime.computeMemoryUsage();
      dumped = this.ctx.dump(usage);
      usage.dispose();
    } catch {
      return true; // the report itself could not be allocated
    }
    if (typeof dumped !== 'object' || dumped === null) return true;
    const used = 'malloc_size' in dumped ? Number(dumped.malloc_size) : 0;
    const limit = 'malloc_limit' in dumped ? Number(dumped.malloc_limit) : 0;
    return used > limit * 0.9;
  }

  private callHost(
    name: string,
    fn: (...args: ScriptValue[]) => ScriptValue,
    args: QuickJSHandle[],
  ): QuickJSHandle | VmCallResult<QuickJSHandle> {
    try {
      const values = args.map((arg) => toHost(this.ctx, this.json, arg));
      return toRealm(this.ctx, this.json, fn(...values));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { error: this.ctx.newError(`${name}: ${message}`) };
    }
  }
}
