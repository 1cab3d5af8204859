import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './create-server';
import { startServer, until } from './testing';

const IXN = 'http://www.genesyslab.com/modules/interaction';

/**
 * A counter: `customer` and `limit` are data items a start may set; `bump` adds its `by` to
 * `count` and keeps its data in `last`; `finish` reaches the final state.
 */
const COUNTER = `<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:ixn="${IXN}" version="1.0"
    datamodel="ecmascript" name="Counter" initial="Counting">
  <datamodel>
    <data id="customer" expr="'nobody'"/>
    <data id="limit" expr="3"/>
    <data id="count" expr="0"/>
    <data id="last" expr="null"/>
  </datamodel>
  <state id="Counting">
    <transition event="bump">
      <assign location="count" expr="count + Number(_event.data.by)"/>
      <assign location="last" expr="_event.data"/>
    </transition>
    <transition event="finish" target="Done"/>
  </state>
  <final id="Done"/>
</scxml>`;

/** The strategy directory, with a secret beside it that no `src` may reach. */
function strategyDirectory(): string {
  const base = mkdtempSync(join(tmpdir(), 'rest-'));
  writeFileSync(join(base, 'secret.scxml'), COUNTER);
  const dir = join(base, 'strategies');
  mkdirSync(join(dir, 'nested'), { recursive: true });
  writeFileSync(join(dir, 'counter.scxml'), COUNTER);
  writeFileSync(join(dir, 'nested', 'counter.scxml'), COUNTER);
  writeFileSync(
    join(dir, 'broken.scxml'),
    `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0">\n  <state id="a">\n    <transition target="nowhere"/>\n  </state>\n</scxml>`,
  );
  writeFileSync(
    join(dir, 'malformed.scxml'),
    `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0">\n  <state id="a">\n</scxml>`,
  );
  return dir;
}

const tokens = { operator: 'op-secret', viewer: 'view-secret' };

describe('[X12] [X13] the ORS REST interface', () => {
  let server: RunningServer;
  let url: string;
  beforeAll(async () => {
    server = await startServer({ tokens, traffic: { running: false }, strategies: strategyDirectory() });
    url = server.address.url;
  });
  afterAll(() => server.close());

  const operator = { authorization: `Bearer ${tokens.operator}` };
  const call = async (
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) => {
    const response = await fetch(`${url}${path}`, {
      method: init.method ?? 'POST',
      headers: { ...operator, ...init.headers },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  const formType = { 'content-type': 'application/x-www-form-urlencoded' };
  const form = (body: string) => ({ headers: formType, body });
  const json = (body: unknown) => ({
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const start = async (body: string) => {
    const response = await call('/scxml/session/start', form(body));
    expect(response.status).toBe(201);
    return response.body.sessionid as string;
  };
  const query = async (session: string) =>
    (await call(`/scxml/session/${session}/query`, { method: 'GET' })).body;
  /** The engine's journal length and what its sessions are: what a refusal must leave alone. */
  const engineState = () => ({
    seq: server.host.current.seq,
    sessions: [...server.host.current.state.sessions.values()].map((s) => [s.id, s.state]),
  });

  it('[X12] start, form-encoded: src from the directory, other parameters set the data of the same id', async () => {
    const session = await start('src=counter.scxml&customer=C-1&limit=9&extra=x');
    expect(await query(session)).toEqual({
      sessionid: session,
      state: 'running',
      src: 'counter.scxml',
      strategy: 'Counter',
      activeStates: ['Counting'],
      datamodel: { customer: 'C-1', limit: '9', count: 0, last: null },
      interactions: [],
    });
    expect(server.host.current.state.sessions.get(session)?.src).toBe('counter.scxml');
  });

  it('[X12] start with JSON: parameters keep their JSON types; a folder inside the directory is fine', async () => {
    const response = await call(
      '/scxml/session/start',
      json({ src: 'nested/counter.scxml', limit: 5, customer: ['a', 'b'] }),
    );
    expect(response.status).toBe(201);
    expect((await query(response.body.sessionid)).datamodel).toMatchObject({
      limit: 5,
      customer: ['a', 'b'],
    });
  });

  it('[X13] an event: parameters (query string and body) become _event.data', async () => {
    const session = await start('src=counter.scxml');
    const sent = await call(`/scxml/session/${session}/event/bump?by=2`, form('note=hi'));
    expect(sent).toMatchObject({ status: 202, body: { sessionid: session, event: 'bump' } });
    await until(() => server.host.strategies?.datamodel(session)?.count === 2);
    expect((await query(session)).datamodel.last).toEqual({ by: '2', note: 'hi' });
    await call(`/scxml/session/${session}/event/bump`, json({ by: 5 }));
    await until(() => server.host.strategies?.datamodel(session)?.count === 7);
  });

  it('[X13] [X11] terminate ends the session (its engine session too); a final state ends it as well', async () => {
    const session = await start('src=counter.scxml');
    const ended = await call(`/scxml/session/${session}/terminate`);
    expect(ended).toEqual(
      expect.objectContaining({ status: 200, body: { sessionid: session, terminated: 'running' } }),
    );
    expect(server.host.current.state.sessions.get(session)?.state).toBe('ended');
    expect(await query(session)).toMatchObject({ state: 'ended', strategy: null, activeStates: [] });

    const other = await start('src=counter.scxml');
    await call(`/scxml/session/${other}/event/finish`);
    await until(() => server.host.current.state.sessions.get(other)?.state === 'ended');
  });

  it('[X13] query lists the interactions the session owns, as the engine holds them', async () => {
    const session = await start('src=counter.scxml');
    const engine = server.host.current;
    const made = engine.dispatch({ verb: 'arrive', media: 'TMediaVoice', queue: 'q', g_uid: 'G-REST-1' });
    expect(made.ok).toBe(true);
    const owner = [...engine.state.sessions.values()].find((s) => s.interactions.includes('G-REST-1'))?.id;
    expect(
      engine.dispatch({ verb: 'associate', session: owner, interactionid: 'G-REST-1', sessionid: session })
        .ok,
    ).toBe(true);
    const interactions = (await query(session)).interactions;
    expect(interactions).toEqual([
      expect.objectContaining({ g_uid: 'G-REST-1', media: 'TMediaVoice', owner: session }),
    ]);
  });

  it('[X12] idealtime: the start waits for its time under the id it answered, and can be terminated before', async () => {
    const due = Date.now() + 300;
    const scheduled = await call(
      '/scxml/session/start',
      form(`src=counter.scxml&idealtime=${due}&customer=later`),
    );
    expect(scheduled).toMatchObject({ status: 202, body: { idealtime: due } });
    const session = scheduled.body.sessionid;
    expect(await query(session)).toEqual({ sessionid: session, state: 'scheduled', idealtime: due });
    expect(server.host.current.state.sessions.has(session)).toBe(false);
    const early = await call(`/scxml/session/${session}/event/bump`);
    expect(early).toMatchObject({ status: 409, body: { error: { code: 'invalidstate', field: 'session' } } });
    await until(() => server.host.current.state.sessions.has(session));
    expect((await query(session)).datamodel.customer).toBe('later');

    const cancelled = await call(
      '/scxml/session/start',
      form(`src=counter.scxml&idealtime=${Date.now() + 60_000}`),
    );
    const id = cancelled.body.sessionid;
    expect((await call(`/scxml/session/${id}/terminate`)).body).toEqual({
      sessionid: id,
      terminated: 'scheduled',
    });
    expect((await call(`/scxml/session/${id}/query`, { method: 'GET' })).status).toBe(404);
  });

  it('a viewer may query and nothing else; no token or a wrong one is refused with 401', async () => {
    const session = await start('src=counter.scxml');
    const viewer = { authorization: `Bearer ${tokens.viewer}` };
    expect((await call(`/scxml/session/${session}/query`, { method: 'GET', headers: viewer })).status).toBe(
      200,
    );
    const before = engineState();
    for (const path of [
      '/scxml/session/start',
      `/scxml/session/${session}/event/bump`,
      `/scxml/session/${session}/terminate`,
    ]) {
      const refused = await call(path, { ...form('src=counter.scxml'), headers: { ...viewer, ...formType } });
      expect([path, refused.status, refused.body.error.code]).toEqual([path, 403, 'forbidden']);
    }
    for (const authorization of ['', 'Bearer nope', `Basic ${tokens.operator}`]) {
      const refused = await call('/scxml/session/start', {
        ...form('src=counter.scxml'),
        headers: { authorization, ...formType },
      });
      expect([authorization, refused.status, refused.body.error.code]).toEqual([
        authorization,
        401,
        'unauthorized',
      ]);
      expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    }
    expect(engineState()).toEqual(before);
  });

  it('a page from another origin is refused, whatever its token (no cross-site form posts)', async () => {
    const before = engineState();
    const refused = await call('/scxml/session/start', {
      ...form('src=counter.scxml'),
      headers: { origin: 'http://evil.example', ...formType },
    });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden', field: 'origin' } } });
    expect(engineState()).toEqual(before);
  });

  it('each bad request gets its typed error and status, and changes nothing', async () => {
    const session = await start('src=counter.scxml');
    const before = engineState();
    const cases: [string, Parameters<typeof call>[1], number, string, string][] = [
      ['/scxml/session/start', form('customer=x'), 400, 'badparams', 'src'],
      ['/scxml/session/start', form('src=missing.scxml'), 404, 'unknown', 'src'],
      ['/scxml/session/start', form('src=/etc/passwd'), 400, 'badsrc', 'src'],
      ['/scxml/session/start', form('src=http://example.com/x.scxml'), 400, 'badsrc', 'src'],
      ['/scxml/session/start', form('src=file:///etc/passwd'), 400, 'badsrc', 'src'],
      ['/scxml/session/start', form('src=../secret.scxml'), 400, 'badsrc', 'src'],
      ['/scxml/session/start', form('src=nested/../../secret.scxml'), 400, 'badsrc', 'src'],
      ['/scxml/session/start', form('src=counter.scxml&idealtime=soon'), 400, 'badtime', 'idealtime'],
      [
        '/scxml/session/start',
        form(`src=counter.scxml&idealtime=${Date.now() + 30 * 86_400_000}`),
        400,
        'badtime',
        'idealtime',
      ],
      [
        '/scxml/session/start',
        json({ src: 'counter.scxml', deep: { a: { b: 1 } } }),
        400,
        'badparams',
        'params.deep',
      ],
      [
        '/scxml/session/start',
        json('{"src":"counter.scxml","__proto__":{"a":1}}'),
        400,
        'badcommand',
        'params.__proto__',
      ],
      ['/scxml/session/start', json('{"src": "counter.scxml",'), 400, 'badjson', 'body'],
      ['/scxml/session/start', json('["counter.scxml"]'), 400, 'badjson', 'body'],
      [
        '/scxml/session/start',
        { headers: { 'content-type': 'text/plain' }, body: 'src=counter.scxml' },
        415,
        'badtype',
        'content-type',
      ],
      [
        '/scxml/session/start',
        json({ src: 'counter.scxml', big: 'x'.repeat(70_000) }),
        413,
        'toolarge',
        'body',
      ],
      [`/scxml/session/${session}/event/bad name`, form(''), 400, 'badcommand', 'event'],
      [`/scxml/session/${session}/event/bump`, json({ by: [[1]] }), 400, 'badparams', 'params.by'],
      ['/scxml/session/S-NOPE/event/bump', form(''), 404, 'unknown', 'session'],
      ['/scxml/session/S-NOPE/terminate', form(''), 404, 'unknown', 'session'],
      ['/scxml/session/S-NOPE/query', { method: 'GET' }, 404, 'unknown', 'session'],
      [`/scxml/session/${session}/query`, { method: 'POST' }, 405, 'badmethod', 'method'],
      ['/scxml/session/start', { method: 'GET' }, 405, 'badmethod', 'method'],
      ['/scxml/session/S-NOPE/request/ask', form(''), 404, 'unknown', 'session'],
      [`/scxml/session/${session}/request/bad name`, form(''), 400, 'badcommand', 'event'],
      ['/scxml/session/nope', form(''), 404, 'notfound', 'path'],
      ['/scxml/session/%E0%A4%A/query', { method: 'GET' }, 400, 'badrequest', 'path'],
    ];
    for (const [path, init, status, code, field] of cases) {
      const response = await call(path, init);
      expect([path, response.status, response.body.error?.code, response.body.error?.field]).toEqual([
        path,
        status,
        code,
        field,
      ]);
      expect(typeof response.body.error.reason).toBe('string');
    }
    expect(engineState()).toEqual(before);
  });

  it('a document that does not parse, or is not valid SCXML, is refused with its line and column', async () => {
    const before = engineState();
    const invalid = await call('/scxml/session/start', form('src=broken.scxml'));
    expect(invalid.status).toBe(422);
    expect(invalid.body.error).toMatchObject({
      code: 'baddocument',
      field: 'src',
      position: { line: 3, column: expect.any(Number) },
    });
    expect(invalid.body.error.reason).toContain('nowhere');
    const malformed = await call('/scxml/session/start', form('src=malformed.scxml'));
    expect(malformed.status).toBe(422);
    expect(malformed.body.error).toMatchObject({
      code: 'baddocument',
      position: { line: 3, column: expect.any(Number) },
    });
    expect(engineState()).toEqual(before);
  });

  it('an ended session takes no more events: 409', async () => {
    const session = await start('src=counter.scxml');
    await call(`/scxml/session/${session}/terminate`);
    const before = engineState();
    const late = await call(`/scxml/session/${session}/event/bump`);
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'invalidstate', field: 'session' } } });
    const again = await call(`/scxml/session/${session}/terminate`);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'invalidstate', field: 'session' } } });
    expect(engineState()).toEqual(before);
  });
});

describe('a server that stops', () => {
  it('forgets the starts it scheduled: none runs after it closed', async () => {
    const server = await startServer({ traffic: { running: false }, strategies: strategyDirectory() });
    const response = await fetch(`${server.address.url}/scxml/session/start`, {
      method: 'POST',
      body: new URLSearchParams({ src: 'counter.scxml', idealtime: String(Date.now() + 150) }),
    });
    const { sessionid } = await response.json();
    await server.close();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(server.host.current.state.sessions.has(sessionid)).toBe(false);
  });
});

describe('a server without a strategy directory', () => {
  it('answers REST with unavailable, naming the flag', async () => {
    const server = await startServer({ traffic: { running: false } });
    try {
      const response = await fetch(`${server.address.url}/scxml/session/start`, {
        method: 'POST',
        body: 'src=x',
      });
      expect(response.status).toBe(503);
      expect((await response.json()).error).toMatchObject({ code: 'unavailable', field: 'strategies' });
    } finally {
      await server.close();
    }
  });
});

describe('a client that floods the REST interface', () => {
  it('gets 429 busy past its burst, with Retry-After, and its refused start starts nothing', async () => {
    // A rate so low that no token comes back during the test: the burst is all there is.
    const server = await startServer({
      traffic: { running: false },
      strategies: strategyDirectory(),
      limits: { ratePerSecond: 0.001, burst: 3 },
    });
    try {
      const start = () =>
        fetch(`${server.address.url}/scxml/session/start`, {
          method: 'POST',
          body: new URLSearchParams({ src: 'counter.scxml' }),
        });
      const sessionsBefore = server.host.current.state.sessions.size;
      for (let i = 0; i < 3; i++) expect((await start()).status).toBe(201);
      const refused = await start();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect((await refused.json()).error).toMatchObject({ code: 'busy', field: 'rate' });
      expect(server.host.current.state.sessions.size).toBe(sessionsBefore + 3);
    } finally {
      await server.close();
    }
  });
});
