import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadRealmFactory } from './node-realms';
import type { RealmFactory, ScriptRealm } from './realm';
import { failure } from './testing';

const LIMITS = { stepMs: 1000, memoryBytes: 8 * 1024 * 1024 };
let factory: RealmFactory;
const open: ScriptRealm[] = [];

beforeAll(async () => {
  factory = await loadRealmFactory();
});
afterEach(() => {
  for (const realm of open.splice(0)) realm.dispose();
});

function realm(): ScriptRealm {
  const created = factory.create(LIMITS);
  open.push(created);
  return created;
}

describe('QuickJS realm: values cross as copies', () => {
  it('[B.2] evaluate returns JSON values and undefined', () => {
    const r = realm();
    expect(r.evaluate('1 + 2')).toBe(3);
    expect(r.evaluate('"a" + "b"')).toBe('ab');
    expect(r.evaluate('1 < 2')).toBe(true);
    expect(r.evaluate('null')).toBe(null);
    expect(r.evaluate('undefined')).toBe(undefined);
    expect(r.evaluate('({a: [1, {b: "c"}], d: null})')).toEqual({ a: [1, { b: 'c' }], d: null });
    expect(r.evaluate('0/0')).toBeNaN();
  });

  it('[B.2] an expression ending in a line comment still evaluates', () => {
    expect(realm().evaluate('40 + 2 // the answer')).toBe(42);
  });

  it('[B.2] a host value set into the realm is a copy: changing it in the realm leaves the host one alone', () => {
    const r = realm();
    const host = { list: [1, 2] };
    r.set('data', host);
    r.run('data.list.push(3)');
    expect(r.evaluate('data.list')).toEqual([1, 2, 3]);
    expect(host.list).toEqual([1, 2]);
  });

  it('[B.2] a value read out of the realm is a copy', () => {
    const r = realm();
    r.set('data', { n: 1 });
    const out = r.evaluate('data');
    r.run('data.n = 2');
    expect(out).toEqual({ n: 1 });
  });

  it('[B.2] a function cannot leave the realm: runtime error naming it', () => {
    const error = failure(() => realm().evaluate('(function () {})'));
    expect(error.kind).toBe('runtime');
    expect(error.message).toMatch(/function cannot leave the realm/);
  });

  it('[B.2] a cyclic object cannot leave the realm: runtime error', () => {
    const r = realm();
    r.run('var loop = {}; loop.self = loop;');
    expect(failure(() => r.evaluate('loop')).kind).toBe('runtime');
  });
});

describe('QuickJS realm: scripts, globals and locations', () => {
  it('[B.3] a script declares globals that later expressions see', () => {
    const r = realm();
    r.run('var count = 1; function twice(x) { return 2 * x; }');
    expect(r.evaluate('twice(count)')).toBe(2);
  });

  it('[5.4] assign stores at a nested location', () => {
    const r = realm();
    r.set('a', { b: [0, 0, 0] });
    r.assign('a.b[2]', 'x');
    expect(r.evaluate('a')).toEqual({ b: [0, 0, 'x'] });
  });

  it('[5.4] assign to an undeclared name fails instead of creating a global', () => {
    const r = realm();
    expect(failure(() => r.assign('nowhere', 1)).kind).toBe('runtime');
    expect(r.evaluate('typeof nowhere')).toBe('undefined');
  });

  it('[5.4] assign to something that is not a location is a syntax error', () => {
    const r = realm();
    r.set('a', 1);
    expect(failure(() => r.assign('a + 1', 2)).kind).toBe('syntax');
    expect(failure(() => r.assign('a; a', 2)).kind).toBe('syntax');
    expect(r.evaluate('a')).toBe(1);
  });

  it('[5.4] assignExpr keeps what cannot be copied: a function stays callable', () => {
    const r = realm();
    r.set('f', null);
    r.assignExpr('f', 'function (x) { return x + 1; }');
    expect(r.evaluate('f(1)')).toBe(2);
  });

  it('[5.4] assignExpr keeps shared references', () => {
    const r = realm();
    r.run('var a = {n: 1}, b = null;');
    r.assignExpr('b', 'a');
    r.run('a.n = 2');
    expect(r.evaluate('b.n')).toBe(2);
  });

  it('[3.12.1] condition follows the language: a function or an object is true, 0 and "" false', () => {
    const r = realm();
    expect(r.condition('(function () {})')).toBe(true);
    expect(r.condition('({})')).toBe(true);
    expect(r.condition('0')).toBe(false);
    expect(r.condition('""')).toBe(false);
  });

  it('[5.10] a read-only global cannot be assigned, by assign or by a script, and keeps its value', () => {
    const r = realm();
    r.set('_sessionid', 'S1', true);
    expect(failure(() => r.assign('_sessionid', 'other')).kind).toBe('runtime');
    expect(failure(() => r.run('_sessionid = "other"')).message).toMatch(/read-only/);
    expect(failure(() => r.run('var _sessionid = "other"')).kind).toBe('runtime');
    expect(failure(() => r.set('_sessionid', 'other')).kind).toBe('runtime');
    expect(r.evaluate('_sessionid')).toBe('S1');
  });

  it('[5.10] a read-only value is frozen inside: its fields keep their values', () => {
    const r = realm();
    r.set('_event', { name: 'go', data: { n: 1 } }, true);
    r.run('_event.name = "changed"; _event.data.n = 2;');
    expect(r.evaluate('_event')).toEqual({ name: 'go', data: { n: 1 } });
  });

  it('[5.10] the host may rebind a read-only global (a new _event per event)', () => {
    const r = realm();
    r.set('_event', { name: 'one' }, true);
    r.set('_event', { name: 'two' }, true);
    expect(r.evaluate('_event.name')).toBe('two');
  });

  it('[5.10] a read-only global stays read-only after a script replaces Object.defineProperty', () => {
    const r = realm();
    r.run('Object.defineProperty = function () {}; Object.freeze = function (x) { return x; };');
    r.set('_name', { n: 1 }, true);
    expect(failure(() => r.run('_name = 2')).kind).toBe('runtime');
    r.run('_name.n = 2');
    expect(r.evaluate('_name.n')).toBe(1);
  });
});

describe('QuickJS realm: host functions', () => {
  it('[B.3] a defined host function receives copies and returns a copy', () => {
    const r = realm();
    const seen: unknown[] = [];
    r.define('In', (...args) => {
      seen.push(args);
      return args[0] === 'idle';
    });
    expect(r.evaluate('In("idle")')).toBe(true);
    expect(r.evaluate('In("busy", {x: [1]})')).toBe(false);
    expect(seen).toEqual([['idle'], ['busy', { x: [1] }]]);
  });

  it('[B.3] a host function that throws is an error the script can catch, with its message', () => {
    const r = realm();
    r.define('fail', () => {
      throw new Error('no such interaction');
    });
    expect(r.evaluate('(function () { try { fail(); } catch (e) { return e.message; } })()')).toBe(
      'fail: no such interaction',
    );
    expect(failure(() => r.evaluate('fail()')).message).toMatch(/no such interaction/);
  });

  it('[B.3] a host function cannot be replaced by a script', () => {
    const r = realm();
    r.define('In', () => true);
    expect(failure(() => r.run('In = function () { return false; }')).kind).toBe('runtime');
    expect(r.evaluate('In("x")')).toBe(true);
  });
});

describe('QuickJS realm: errors', () => {
  it('[B.2] a syntax error in an expression or a script is kind syntax', () => {
    const r = realm();
    expect(failure(() => r.evaluate('1 +')).kind).toBe('syntax');
    expect(failure(() => r.run('var = 3')).kind).toBe('syntax');
  });

  it('[B.2] a SyntaxError thrown while running is a runtime error, not a syntax error', () => {
    expect(failure(() => realm().run('JSON.parse("{")')).kind).toBe('runtime');
  });

  it('[B.2] a thrown error is kind runtime with its message, and the realm goes on', () => {
    const r = realm();
    const error = failure(() => r.run('throw new TypeError("bad thing")'));
    expect(error.kind).toBe('runtime');
    expect(error.message).toBe('TypeError: bad thing');
    expect(r.evaluate('1')).toBe(1);
  });

  it('[B.2] a script that throws half way keeps what it did before', () => {
    const r = realm();
    r.run('var n = 0;');
    failure(() => r.run('n = 1; throw 0; n = 2;'));
    expect(r.evaluate('n')).toBe(1);
  });

  it('[B.3] promise callbacks run before run() returns', () => {
    const r = realm();
    r.run('var seen = 0; Promise.resolve(5).then(function (v) { seen = v; });');
    expect(r.evaluate('seen')).toBe(5);
  });

  it('calls after dispose fail with a ScriptError', () => {
    const r = factory.create(LIMITS);
    r.dispose();
    expect(failure(() => r.evaluate('1')).message).toMatch(/disposed/);
    r.dispose();
  });
});

describe('QuickJS realm: SCXML documents as written', () => {
  it('[5.10] a field set to undefined is still a field in the realm (W3C test 330: "origin" in _event)', () => {
    const r = realm();
    r.set('_event', { name: 'foo', origin: undefined, data: { list: [1, undefined] } }, true);
    expect(r.evaluate("'origin' in _event && _event.origin === undefined")).toBe(true);
    expect(r.evaluate('_event.data.list.length === 2 && _event.data.list[1] === undefined')).toBe(true);
  });

  it('[5.10] undefined fields survive at any depth, through set and assign, in their place', () => {
    const r = realm();
    r.set('e', { a: undefined, b: 1, c: { d: undefined, list: [undefined] } }, true);
    expect(
      r.evaluate("[Object.keys(e).join(), 'a' in e, 'd' in e.c, e.c.list.length, 0 in e.c.list]"),
    ).toEqual(['a,b,c', true, true, 1, true]);
    r.set('x', null);
    r.assign('x', { a: undefined, b: 2 });
    expect(r.evaluate('[Object.keys(x).join(), x.a === undefined, x.b]')).toEqual(['a,b', true, 2]);
  });

  it('[5.9] an expression may end with a semicolon (W3C test 452: expr="new testobject();")', () => {
    const r = realm();
    r.run('function testobject() { this.bar = 0; }');
    expect(r.evaluate('new testobject();')).toEqual({ bar: 0 });
  });
});
