import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './create-server';
import { WS_NAMESPACE } from './session-requests';
import { restPost, restQuery, startServer, until } from './testing';

/**
 * A teller: `balance` answers at once, `withdraw` answers positive or negative, `later` answers
 * after a `<send>` delay (in another macrostep), `ignore` never answers, `broken` answers wrongly.
 */
const TELLER = `<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:ws="${WS_NAMESPACE}" version="1.0"
    datamodel="ecmascript" name="Teller" initial="Open">
  <datamodel><data id="balance" expr="100"/><data id="heard" expr="0"/><data id="failed" expr="null"/></datamodel>
  <state id="Open">
    <transition event="balance">
      <ws:response requestid="_event.sendid"><param name="balance" expr="balance"/><param name="asked" expr="_event.data"/></ws:response>
    </transition>
    <transition event="withdraw" cond="Number(_event.data.amount) &lt;= balance">
      <assign location="balance" expr="balance - Number(_event.data.amount)"/>
      <ws:response requestid="_event.sendid"><param name="balance" expr="balance"/></ws:response>
    </transition>
    <transition event="withdraw">
      <ws:response requestid="_event.sendid" type="'negative'" resultcode="'insufficientfunds'"/>
    </transition>
    <transition event="later"><send event="'answer.now'" delay="'100ms'"/></transition>
    <transition event="answer.now"><ws:response><param name="late" expr="true"/></ws:response></transition>
    <transition event="ignore"><assign location="heard" expr="heard + 1"/></transition>
    <transition event="broken"><ws:response type="'maybe'"/></transition>
    <transition event="error.*"><assign location="failed" expr="_event.name"/></transition>
    <transition event="finish" target="Done"/>
  </state>
  <final id="Done"/>
</scxml>`;

const TIMEOUT_MS = 400;

describe('[X13] request/<name>: the session answers with <ws:response>', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'request-'));
    writeFileSync(join(dir, 'teller.scxml'), TELLER);
    server = await startServer({
      traffic: { running: false },
      strategies: dir,
      requestTimeoutMs: TIMEOUT_MS,
    });
  });
  afterAll(() => server.close());

  const post = (path: string, body: object = {}) => restPost(server.address.url, path, body);
  const teller = async (): Promise<string> =>
    (await post('/scxml/session/start', { src: 'teller.scxml' })).body.sessionid;
  const query = async (session: string) => (await restQuery(server.address.url, session)).body;

  it('[X13] the session takes the event <name>, its parameters as _event.data; the answer is its response', async () => {
    const session = await teller();
    const answer = await post(`/scxml/session/${session}/request/balance?branch=north`, { tier: 2 });
    expect(answer).toEqual({
      status: 200,
      body: {
        sessionid: session,
        request: 'balance',
        type: 'positive',
        params: { balance: 100, asked: { branch: 'north', tier: 2 } },
      },
    });
    // Journaled as any event sent from outside, so the log shows it and a replay sends it again.
    const sent = (server.host.current.eventsSince(0) ?? []).filter(
      (e) => e.name === 'session.event' && e.session === session,
    );
    expect(sent.map((e) => e.data)).toEqual([{ event: 'balance', data: { branch: 'north', tier: 2 } }]);
  });

  it('[X13] a negative response is 422 with its resultcode; a positive one is 200', async () => {
    const session = await teller();
    expect(await post(`/scxml/session/${session}/request/withdraw`, { amount: 30 })).toEqual({
      status: 200,
      body: { sessionid: session, request: 'withdraw', type: 'positive', params: { balance: 70 } },
    });
    expect(await post(`/scxml/session/${session}/request/withdraw`, { amount: 500 })).toEqual({
      status: 422,
      body: {
        sessionid: session,
        request: 'withdraw',
        type: 'negative',
        resultcode: 'insufficientfunds',
        params: {},
      },
    });
    expect((await query(session)).datamodel.balance).toBe(70);
  });

  it('[X13] a response in a later macrostep answers the oldest request waiting; one in the same macrostep, its own', async () => {
    const session = await teller();
    const later = post(`/scxml/session/${session}/request/later`);
    // Sent while `later` waits: the response in its own transition is its own, not `later`'s.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const balance = await post(`/scxml/session/${session}/request/balance`);
    expect(balance.body.params).toEqual({ balance: 100, asked: {} });
    expect(await later).toEqual({
      status: 200,
      body: { sessionid: session, request: 'later', type: 'positive', params: { late: true } },
    });
  });

  it('[X13] no response in time is 504 timeout; the session goes on and its next request is answered', async () => {
    const session = await teller();
    const asked = Date.now();
    const ignored = await post(`/scxml/session/${session}/request/ignore`);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(TIMEOUT_MS - 10);
    expect(ignored).toMatchObject({ status: 504, body: { error: { code: 'timeout', field: 'request' } } });
    expect(await query(session)).toMatchObject({ state: 'running', datamodel: { heard: 1 } });
    const balance = await post(`/scxml/session/${session}/request/balance`);
    expect(balance).toMatchObject({ status: 200, body: { request: 'balance', params: { balance: 100 } } });
  });

  it('[X13] a <ws:response> of an unknown type is an error event in the session, and the request is not answered', async () => {
    const session = await teller();
    const broken = await post(`/scxml/session/${session}/request/broken`);
    expect(broken).toMatchObject({ status: 504, body: { error: { code: 'timeout' } } });
    expect((await query(session)).datamodel.failed).toMatch(/^error\./);
  });

  it('[X13] a request to a session that ended is 409, to none 404, and nothing is journaled', async () => {
    const session = await teller();
    expect((await post(`/scxml/session/${session}/event/finish`)).status).toBe(202);
    const seq = server.host.seq;
    expect(await post(`/scxml/session/${session}/request/balance`)).toMatchObject({
      status: 409,
      body: { error: { code: 'invalidstate', field: 'session' } },
    });
    expect(await post('/scxml/session/S-NONE/request/balance')).toMatchObject({
      status: 404,
      body: { error: { code: 'unknown', field: 'session' } },
    });
    expect(server.host.seq).toBe(seq);
  });
});

describe('[X13] closing the server while a request waits', () => {
  it('[X13] the waiting request is answered 503 unavailable, not left to time out, and close() completes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'request-close-'));
    writeFileSync(join(dir, 'teller.scxml'), TELLER);
    // A timeout far off: a 504 would say the close left the request to time out.
    const server = await startServer({
      traffic: { running: false },
      strategies: dir,
      requestTimeoutMs: 10_000,
    });
    const post = (path: string, body: object = {}) => restPost(server.address.url, path, body);
    const session = (await post('/scxml/session/start', { src: 'teller.scxml' })).body.sessionid;
    const ignored = post(`/scxml/session/${session}/request/ignore`);
    await until(() => (server.host.current.eventsSince(0) ?? []).some((e) => e.name === 'session.event'));
    const closed = server.close();
    expect(await ignored).toMatchObject({
      status: 503,
      body: { error: { code: 'unavailable', field: 'server' } },
    });
    await closed;
  });
});
