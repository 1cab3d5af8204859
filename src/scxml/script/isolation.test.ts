import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRealmFactory } from './node-realms';
import type { RealmFactory, ScriptRealm } from './realm';
import { failure } from './testing';

const MB = 1024 * 1024;
const LIMITS = { stepMs: 300, memoryBytes: 8 * MB };
let factory: RealmFactory;

beforeAll(async () => {
  factory = await loadRealmFactory();
});

/** A bystander realm holding state, to show a runaway elsewhere leaves it working. */
function bystander(): ScriptRealm {
  const realm = factory.create(LIMITS);
  realm.run('var kept = {n: 1};');
  return realm;
}

function stillWorks(realm: ScriptRealm): void {
  realm.run('kept.n += 1; var made = []; for (var i = 0; i < 1000; i++) made.push({i: i});');
  expect(realm.evaluate('[kept.n > 1, made.length]')).toEqual([true, 1000]);
}

describe('[isolation] a script cannot reach the host', () => {
  it.each([
    ['process', 'typeof process'],
    ['require', 'typeof require'],
    ['fetch', 'typeof fetch'],
    ['XMLHttpRequest', 'typeof XMLHttpRequest'],
    ['the page (window, self, document)', 'typeof window + typeof self + typeof document'],
    ['WebAssembly', 'typeof WebAssembly'],
    ['setTimeout', 'typeof setTimeout'],
  ])('[isolation] %s is not there', (_name, expr) => {
    const realm = factory.create(LIMITS);
    expect(realm.evaluate(expr)).toMatch(/^(undefined)+$/);
    realm.dispose();
  });

  it("[isolation] globalThis is the realm's own, and holds nothing of the host", () => {
    const realm = factory.create(LIMITS);
    expect(
      realm.evaluate(
        'Object.getOwnPropertyNames(globalThis).filter(function (k) { return /^(process|require|fetch|window|self|postMessage|importScripts|Buffer|global)$/.test(k); })',
      ),
    ).toEqual([]);
    realm.dispose();
  });

  it("[isolation] constructor.constructor('return this')() reaches only the realm's own global", () => {
    const realm = factory.create(LIMITS);
    realm.run('var marker = 1;');
    expect(realm.evaluate("(function () {}).constructor.constructor('return this')() === globalThis")).toBe(
      true,
    );
    expect(realm.evaluate("typeof ({}).constructor.constructor('return this')().process")).toBe('undefined');
    expect(realm.evaluate("({}).constructor.constructor('return this')().marker")).toBe(1);
    realm.dispose();
  });

  it('[isolation] import() loads nothing', () => {
    const realm = factory.create(LIMITS);
    realm.run(
      'var loaded = "no", failed = ""; import("node:fs").then(function (m) { loaded = m; }, function (e) { failed = String(e); });',
    );
    expect(realm.evaluate('loaded')).toBe('no');
    expect(realm.evaluate('failed')).not.toBe('');
    realm.dispose();
  });

  it("[isolation] a host function's arguments are copies: nothing the realm passes runs in the host", () => {
    const realm = factory.create(LIMITS);
    let received: unknown;
    realm.define('report', (value) => {
      received = value;
      return null;
    });
    realm.run('report({ get secret() { return "ran"; }, toJSON: undefined, n: 1 })');
    expect(received).toEqual({ secret: 'ran', n: 1 });
    realm.dispose();
  });
});

describe('[isolation] an endless loop ends its own session within the step limit', () => {
  it.each([
    ['a plain loop', 'while (true) {}'],
    ['a loop that catches every error', 'while (true) { try { for (;;) {} } catch (e) {} }'],
    ['catastrophic backtracking in a regular expression', '/(a*)*b/.test("a".repeat(40))'],
    ['endless recursion through promises', 'function go() { Promise.resolve().then(go); } go();'],
  ])('[isolation] %s: timeout, and the other sessions go on', (_name, source) => {
    const other = bystander();
    const realm = factory.create(LIMITS);
    const started = Date.now();
    const error = failure(() => realm.run(source));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIMITS.stepMs);
    expect(failure(() => realm.evaluate('1')).kind).toBe('timeout');
    stillWorks(other);
    realm.dispose();
    other.dispose();
  });

  it('[isolation] each step gets its own time: many short steps add up past the limit without a timeout', () => {
    const realm = factory.create({ stepMs: 50, memoryBytes: 8 * MB });
    realm.run('var n = 0;');
    const started = Date.now();
    while (Date.now() - started < 200) realm.run('for (var i = 0; i < 1000; i++) n++;');
    expect(realm.evaluate('n > 0')).toBe(true);
    realm.dispose();
  });
});

describe('[isolation] a runaway allocation ends its own session at its memory limit', () => {
  it.each([
    ['a growing array', 'var a = []; while (true) a.push(a.length);'],
    ['string doubling', 'var s = "x"; while (true) s = s + s;'],
    [
      'string doubling, flattened each time',
      'var s = "x"; while (true) { s = s + s; s = s.slice(1) + "y"; }',
    ],
    [
      'an object with ever more keys',
      'var o = {}; for (var i = 0; ; i++) o["k" + i] = {i: i, s: "abc" + i};',
    ],
    ['an array of 1 MB strings', 'var a = []; while (true) a.push("x".repeat(1e6) + a.length);'],
    ['an array of 1 MB typed arrays', 'var a = []; while (true) a.push(new Uint8Array(1e6));'],
    ['one huge array', 'var a = new Array(5e7).fill(1);'],
    [
      'a loop that catches its out-of-memory errors',
      'var a = []; while (true) { try { a.push("x".repeat(1e5) + a.length); } catch (e) {} }',
    ],
  ])('[isolation] %s: memory, and the other sessions go on', (_name, source) => {
    const other = bystander();
    const realm = factory.create({ stepMs: 5000, memoryBytes: 8 * MB });
    expect(failure(() => realm.run(source)).kind).toBe('memory');
    expect(failure(() => realm.evaluate('1')).kind).toBe('memory');
    stillWorks(other);
    realm.dispose();
    other.dispose();
  });

  it('[isolation] the host does not balloon: process memory grows by tens of MB, not GB, through a runaway', async () => {
    // A factory of its own, so the heap starts at its initial 16 MB. QuickJS's own limit, which
    // counts 8 bytes per allocation in WebAssembly, let this script grow the process to 2.1 GB.
    const fresh = await loadRealmFactory();
    const before = process.memoryUsage().rss;
    const realm = fresh.create({ stepMs: 5000, memoryBytes: 8 * MB });
    expect(
      failure(() => realm.run('var a = []; while (true) a.push("x".repeat(1e6) + a.length);')).kind,
    ).toBe('memory');
    expect(process.memoryUsage().rss - before).toBeLessThan(128 * MB);
    realm.dispose();
  });
});

describe('[isolation] runaways in a row', () => {
  const RUNAWAYS = [
    'var a = []; while (true) a.push(a.length);',
    'var o = {}; for (var i = 0; ; i++) o["k" + i] = {i: i, s: "abc" + i};',
    'var a = []; while (true) a.push("x".repeat(1e6) + a.length);',
    'var a = []; while (true) a.push(new Uint8Array(1e6));',
    'var a = []; while (true) { try { a.push("x".repeat(1e5) + a.length); } catch (e) {} }',
    'var a = []; while (true) a = [a, [a]];',
    'var a = []; while (true) a.push([[1], [2], {x: [3]}]);',
    'var m = new Map(); for (var i = 0; ; i++) m.set(i, [i]);',
  ];

  it('[isolation] 24 memory runaways, one after another: each ends with memory, QuickJS never fails an assertion, the host keeps working and its memory stays bounded', async () => {
    // The module prints its failed assertions with the console.error it found when it was loaded.
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const fresh = await loadRealmFactory();
      const survivor = fresh.create(LIMITS);
      survivor.run('var kept = {n: 1};');
      const before = process.memoryUsage().rss;
      for (let round = 0; round < 3; round++) {
        for (const source of RUNAWAYS) {
          const realm = fresh.create({ stepMs: 5000, memoryBytes: 8 * MB });
          expect(failure(() => realm.run(source)).kind).toBe('memory');
          realm.dispose();
          await fresh.settled();
        }
      }
      // Before retiring modules, the heap grew by at least 5% per runaway: +280 MB after 24.
      expect(process.memoryUsage().rss - before).toBeLessThan(160 * MB);
      expect(printed.mock.calls.map((call) => String(call[0]))).toEqual([]);
      stillWorks(survivor);
      stillWorks(bystander());
      survivor.dispose();
    } finally {
      printed.mockRestore();
    }
  }, 120_000);
});

describe('[isolation] deep recursion is an error of the session, never of the host', () => {
  it.each([
    ['plain recursion', 'function f(n) { return f(n + 1) + 1; } f(0);'],
    [
      'recursion through a native call',
      'var o = {}; o.toString = function () { return String(this); }; String(o);',
    ],
    ['JSON.parse of deeply nested arrays', 'JSON.parse("[".repeat(100000));'],
    [
      'JSON.stringify of a deep object',
      'var x = {}; for (var i = 0; i < 100000; i++) x = {x: x}; JSON.stringify(x);',
    ],
    ['eval of deeply nested parentheses', 'eval("(".repeat(100000));'],
    ['a self-reading proxy', 'new Proxy({}, { get: function (t, k, r) { return r[k]; } }).x;'],
  ])('[isolation] %s: runtime error, the realm and the others go on', (_name, source) => {
    const other = bystander();
    const realm = factory.create({ stepMs: 5000, memoryBytes: 8 * MB });
    const error = failure(() => realm.run(source));
    expect(error.kind).toBe('runtime');
    expect(error.message).toMatch(/stack overflow/);
    expect(realm.evaluate('1 + 1')).toBe(2);
    stillWorks(other);
    realm.dispose();
    other.dispose();
  });
});

describe('[isolation] a syntax error', () => {
  it('[isolation] is kind syntax, names the problem, and the realm goes on', () => {
    const realm = factory.create(LIMITS);
    const error = failure(() => realm.run('var x = ;'));
    expect(error.kind).toBe('syntax');
    expect(error.message).toMatch(/SyntaxError/);
    expect(realm.evaluate('typeof x')).toBe('undefined');
    realm.dispose();
  });
});
