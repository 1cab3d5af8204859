import { describe, expect, it } from 'vitest';
import type { ActionContext } from '../scxml/actions';
import { parseXml } from '../scxml/xml';
import { type RequestOutcome, SessionRequests, WS_NAMESPACE } from './session-requests';

const RESPONSE = parseXml(`<ws:response xmlns:ws="${WS_NAMESPACE}"/>`);

/** The session's `<ws:response>` run in a later macrostep (after a delay): it answers the oldest request waiting. */
function respondLater(requests: SessionRequests, sessionId: string): void {
  const context: Pick<ActionContext, 'sessionId' | 'evaluate'> = {
    sessionId,
    evaluate: (expr) => JSON.parse(expr),
  };
  requests.respond(RESPONSE, context as ActionContext);
}

const sent = () => ({ ok: true, value: null }) as const;

describe('[X13] SessionRequests', () => {
  it('[X13] a send that throws leaves nothing waiting: the next response answers the next request', async () => {
    // Short: a request the response missed settles as a timeout, not the test's own.
    const requests = new SessionRequests(200);
    const failure = new Error('the runtime failed');
    expect(() =>
      requests.ask('S-1', () => {
        throw failure;
      }),
    ).toThrow(failure);
    const asked = requests.ask('S-1', sent) as Promise<RequestOutcome>;
    respondLater(requests, 'S-1');
    expect(await asked).toEqual({ kind: 'answered', response: { type: 'positive', params: {} } });
  });

  it('[X13] once stopped, a request is answered stopped at once and its event is not sent', async () => {
    const requests = new SessionRequests(60_000);
    const waiting = requests.ask('S-1', sent) as Promise<RequestOutcome>;
    requests.stop();
    expect(await waiting).toEqual({ kind: 'stopped' });
    let sends = 0;
    const late = requests.ask('S-1', () => {
      sends++;
      return sent();
    });
    expect(sends).toBe(0);
    expect(await late).toEqual({ kind: 'stopped' });
  });
});
