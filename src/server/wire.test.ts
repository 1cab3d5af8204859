import { afterEach, describe, expect, it } from 'vitest';
import type { HostMessage } from '../protocol/messages';
import type { RunningServer } from './create-server';
import { WIRE_LIMITS } from './serve-socket';
import { rawClient, startServer, until } from './testing';

type Raw = Awaited<ReturnType<typeof rawClient>>;

/** JSON text of arrays nested `depth` deep: `[[[...]]]`. */
function deepArray(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** Nested `depth` levels deep: `{ a: { a: ... } }`. */
function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('the wire, against what a well-behaved client never sends', () => {
  let server: RunningServer | null = null;
  const clients: Raw[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.socket.disconnect();
    await server?.close();
    server = null;
  });

  async function setup() {
    const running = await startServer({ traffic: { running: false } });
    server = running;
    for (let i = 0; i < 3; i++) running.host.current.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
    return { running, before: running.host.current.snapshot() };
  }

  async function client(running: RunningServer): Promise<Raw> {
    const raw = await rawClient(running.address.url);
    clients.push(raw);
    return raw;
  }

  /** A fresh client is served: it syncs and gets the engine's current state. */
  async function expectServed(running: RunningServer): Promise<void> {
    const fresh = await client(running);
    fresh.socket.emit('ors', { v: 1, type: 'sync', id: 1 });
    expect(await fresh.replyTo(1)).toMatchObject({ kind: 'reply', type: 'sync', mode: 'snapshot' });
    const snapshot = fresh.inbox.find((m) => m.kind === 'snapshot');
    expect(snapshot).toMatchObject({ snapshot: { seq: running.host.seq } });
  }

  it('answers malformed payloads and wrong types with badmessage, and leaves the engine alone', async () => {
    const { running, before } = await setup();
    const raw = await client(running);
    const notObjects: unknown[] = ['a string', [1, 2, 3], 42, null, true, [nested(100)]];
    const noType: unknown[] = [{}, nested(100)];
    const noId = [...notObjects, ...noType];
    for (const payload of noId) raw.socket.emit('ors', payload);
    // Deeper than socket.io-client can encode: written as a raw socket.io EVENT packet (type 2).
    raw.socket.io.engine.send(`2["ors",${deepArray(30_000)}]`);
    const withId: [unknown, string][] = [
      [{ v: 1, type: 'command', id: 1, command: 'arrive' }, 'command'],
      [{ v: 1, type: 'command', id: 2, command: [] }, 'command'],
      [{ v: 1, type: 'traffic', id: 3, rate: 'fast' }, 'rate'],
      [{ v: 1, type: 'traffic', id: 4, rate: 1e9 }, 'rate'],
      [{ v: 2, type: 'sync', id: 5 }, 'v'],
      [{ v: 1, type: 'sync', id: 6, extra: nested(50) }, 'extra'],
      [{ v: 1, type: 'explode', id: 7 }, 'type'],
      [{ v: 1, type: 'reset', id: 8, seed: -1 }, 'seed'],
      [{ v: 1, type: 'sync', id: 9, after: 'yesterday' }, 'after'],
    ];
    for (const [payload] of withId) raw.socket.emit('ors', payload);
    await until(() => raw.inbox.length === noId.length + 1 + withId.length);

    const errors = raw.inbox.map((m) => (m.kind === 'error' ? [m.id, m.error.code, m.error.field] : m.kind));
    expect(errors.slice(0, noId.length + 1)).toEqual([
      ...notObjects.map(() => [null, 'badmessage', 'message']),
      ...noType.map(() => [null, 'badmessage', 'type']),
      [null, 'badmessage', 'message'],
    ]);
    expect(errors.slice(noId.length + 1)).toEqual(
      withId.map(([payload, field]) => [(payload as { id: number }).id, 'badmessage', field]),
    );
    // Commands the host takes are checked by the engine: refused with its own typed error.
    raw.socket.emit('ors', {
      v: 1,
      type: 'command',
      id: 20,
      command: { verb: 'arrive', udata: nested(100) },
    });
    raw.socket.emit('ors', { v: 1, type: 'command', id: 21, command: { verb: 'teleport' } });
    const deepCommand = `{"v":1,"type":"command","id":22,"command":{"verb":"arrive","udata":{"k":${deepArray(30_000)}}}}`;
    raw.socket.io.engine.send(`2["ors",${deepCommand}]`);
    // JSON.parse makes `__proto__` an own key: a command hidden in it is no command.
    const hidden =
      '{"v":1,"type":"command","id":23,"command":{"__proto__":{"verb":"arrive","media":"TMediaChat"}}}';
    raw.socket.io.engine.send(`2["ors",${hidden}]`);
    for (const id of [20, 21, 22, 23])
      expect(await raw.replyTo(id)).toMatchObject({ kind: 'reply', result: { ok: false } });
    expect(({} as { verb?: unknown }).verb).toBeUndefined();

    expect(running.host.current.snapshot()).toEqual(before);
    await expectServed(running);
  });

  it('answers unknown events, extra arguments and acknowledgements with badmessage', async () => {
    const { running, before } = await setup();
    const raw = await client(running);
    raw.socket.emit('hello', { v: 1, type: 'reset', id: 1 });
    raw.socket.emit('reset');
    raw.socket.emit('ors');
    raw.socket.emit('ors', { v: 1, type: 'reset', id: 2 }, 'and more');
    raw.socket.emit('ors', { v: 1, type: 'reset', id: 3 }, () => {});
    await until(() => raw.inbox.length === 5);

    expect(raw.inbox.map((m) => (m.kind === 'error' ? [m.id, m.error.code, m.error.field] : m))).toEqual([
      [null, 'badmessage', 'event'],
      [null, 'badmessage', 'event'],
      [null, 'badmessage', 'message'],
      [2, 'badmessage', 'message'],
      [3, 'badmessage', 'message'],
    ]);
    expect(running.host.current.snapshot()).toEqual(before);
    await expectServed(running);
  });

  it('answers a message over the limit with toolarge, and drops a packet past the transport limit', async () => {
    const { running, before } = await setup();
    const raw = await client(running);
    const big = 'x'.repeat(WIRE_LIMITS.messageChars);
    raw.socket.emit('ors', { v: 1, type: 'command', id: 1, command: { verb: 'arrive', udata: { big } } });
    expect(await raw.replyTo(1)).toEqual({
      v: 1,
      kind: 'error',
      id: 1,
      error: {
        code: 'toolarge',
        field: 'message',
        reason: `is longer than ${WIRE_LIMITS.messageChars} characters of JSON`,
      },
    });
    expect(raw.socket.connected).toBe(true);

    const huge = 'x'.repeat(WIRE_LIMITS.packetBytes + 1);
    const dropped = new Promise<string>((resolve) => raw.socket.once('disconnect', resolve));
    raw.socket.emit('ors', { v: 1, type: 'command', id: 2, command: { verb: 'arrive', udata: { huge } } });
    expect(await dropped).toBe('transport close');

    expect(running.host.current.snapshot()).toEqual(before);
    await expectServed(running);
  });

  it('refuses a __proto__ key in a command, its udata or its hints with badcommand, and stores constructor as data', async () => {
    const { running, before } = await setup();
    const raw = await client(running);
    const g_uid = [...running.host.current.state.interactions.keys()][0] as string;
    const session = running.host.current.state.interactions.get(g_uid)?.owner as string;
    // Decoded from JSON, `__proto__` is an own key like any other; built as literals, it would not be.
    const commands = [
      '{"verb":"arrive","media":"TMediaChat","udata":{"__proto__":"x","constructor":"c"}}',
      `{"verb":"setuData","session":"${session}","interactionid":"${g_uid}","udata":{"__proto__":{"a":1}}}`,
      `{"verb":"terminate","session":"${session}","interactionid":"${g_uid}","hints":{"__proto__":"x"}}`,
      '{"verb":"startSession","src":"a","__proto__":{"session":"S-X"}}',
    ];
    for (const [i, text] of commands.entries())
      raw.socket.emit('ors', { v: 1, type: 'command', id: i + 1, command: JSON.parse(text) });
    const refusals = await Promise.all(commands.map((_, i) => raw.replyTo(i + 1)));
    expect(
      refusals.map((m) => (m.kind === 'reply' && m.type === 'command' && !m.result.ok ? m.result.error : m)),
    ).toMatchObject([
      { code: 'badcommand', field: 'udata.__proto__' },
      { code: 'badcommand', field: 'udata.__proto__' },
      { code: 'badcommand', field: 'hints.__proto__' },
      { code: 'badcommand', field: '__proto__' },
    ]);
    expect(running.host.current.snapshot()).toEqual(before);

    const udata = JSON.parse('{"constructor":"c","toString":"t"}');
    raw.socket.emit('ors', {
      v: 1,
      type: 'command',
      id: 9,
      command: { verb: 'setuData', session, interactionid: g_uid, udata },
    });
    expect(await raw.replyTo(9)).toMatchObject({ kind: 'reply', result: { ok: true } });
    expect(running.host.current.state.interactions.get(g_uid)?.udata).toEqual(udata);
  });

  it('answers a flood from one client with busy past its rate, and goes on serving the others', async () => {
    const { running, before } = await setup();
    const flooder = await client(running);
    const other = await client(running);
    const started = Date.now();
    for (let id = 1; id <= 5000; id++)
      flooder.socket.emit('ors', {
        v: 1,
        type: 'command',
        id,
        command: { verb: 'arrive', media: 'TMediaChat' },
      });
    other.socket.emit('ors', { v: 1, type: 'sync', id: 1 });
    expect(await other.replyTo(1)).toMatchObject({ kind: 'reply', type: 'sync' });
    // Bounds a wait, not a speed: a busy machine may take many seconds over 5,000 answers.
    await until(
      () => flooder.inbox.filter((m) => m.kind === 'reply' || m.kind === 'error').length === 5000,
      60_000,
    );
    const seconds = (Date.now() - started) / 1000;

    const answers = flooder.inbox.filter(
      (m): m is Extract<HostMessage, { kind: 'reply' | 'error' }> => m.kind === 'reply' || m.kind === 'error',
    );
    const accepted = answers.filter((m) => m.kind === 'reply' && m.type === 'command' && m.result.ok).length;
    const busy = answers.filter((m) => m.kind === 'error' && m.error.code === 'busy').length;
    expect(accepted + busy).toBe(5000);
    expect(accepted).toBeGreaterThanOrEqual(WIRE_LIMITS.burst);
    expect(accepted).toBeLessThanOrEqual(
      WIRE_LIMITS.burst + Math.ceil(seconds * WIRE_LIMITS.ratePerSecond) + 1,
    );
    // Each accepted arrival is five events; the refused ones changed nothing.
    expect(running.host.seq).toBe(before.seq + 5 * accepted);
    await expectServed(running);
  }, 90_000);
});
