/**
 * X13's `request/<name>`: the session takes the event `<name>` and answers with ORS's
 * `<ws:response>` (Web Services Interface), whose answer is the HTTP response. ORS matches a
 * response to its request by `requestid="_event.sendid"`; here a request's event carries no
 * `sendid` (the engine journals `session.event` without one), so [choice] a response answers the
 * request whose event the session is taking when it runs, and at any other time (after a `<send>`
 * delay, a service's answer) the session's oldest request still waiting. docs/server.md.
 */
import type { ActionHandler } from '../scxml/actions';
import type { ScriptValue } from '../scxml/script/realm';
import { SCXML_NS, type XmlElement } from '../scxml/xml';
import type { StrategyError, StrategyResult } from '../strategy';

export const WS_NAMESPACE = 'http://www.genesyslab.com/modules/ws';

/** What the session answered: `type` and `resultcode` as `<ws:response>` says, `params` its `<param>`s. */
export interface SessionResponse {
  readonly type: 'positive' | 'negative';
  readonly resultcode?: string;
  readonly params: Readonly<Record<string, ScriptValue>>;
}

export type RequestOutcome =
  | { readonly kind: 'answered'; readonly response: SessionResponse }
  | { readonly kind: 'timeout' | 'stopped' };

interface Waiting {
  readonly session: string;
  readonly resolve: (outcome: RequestOutcome) => void;
  timer: NodeJS.Timeout | null;
}

/** A response's params, as JSON, may be at most this long: what a request body may be. */
const RESPONSE_CHARS = 64 * 1024;

export class SessionRequests {
  /** Each session's requests still waiting, oldest first. */
  private readonly waiting = new Map<string, Waiting[]>();
  /** The request whose event is being delivered now (delivery is synchronous). */
  private taking: Waiting | null = null;
  private stopped = false;

  constructor(private readonly timeoutMs: number) {}

  /**
   * Sends a request's event with `send`; settles with the session's response, or `timeout` once
   * `timeoutMs` pass without one. A refused send is returned as it is, and nothing waits; a send
   * that throws is thrown on, and nothing waits either.
   */
  ask(session: string, send: () => StrategyResult<null>): StrategyError | Promise<RequestOutcome> {
    // Asked while the server closes: answered at once and not sent, so it cannot hold the close up.
    if (this.stopped) return Promise.resolve({ kind: 'stopped' });
    let resolve: (outcome: RequestOutcome) => void = () => undefined;
    const outcome = new Promise<RequestOutcome>((done) => {
      resolve = done;
    });
    const request: Waiting = { session, resolve, timer: null };
    this.waiting.set(session, [...(this.waiting.get(session) ?? []), request]);
    this.taking = request;
    let sent: StrategyResult<null>;
    try {
      sent = send();
    } catch (error) {
      // Nothing will answer it, and left waiting it would take the session's next response.
      this.forget(request);
      throw error;
    } finally {
      this.taking = null;
    }
    if (!sent.ok) {
      this.forget(request);
      return sent.error;
    }
    // Answered already, in the macrostep that took the event: no timer.
    if (this.isWaiting(request))
      request.timer = setTimeout(() => this.settle(request, { kind: 'timeout' }), this.timeoutMs);
    return outcome;
  }

  /** `<ws:response requestid type resultcode><param name expr/>…</ws:response>`: attributes are expressions (X1). */
  readonly respond: ActionHandler = (element, context) => {
    const evaluate = (expr: string) => context.evaluate(expr);
    // Evaluated for its errors (X1); the request is found as the module comment says.
    evaluated(element, 'requestid', evaluate);
    const type = evaluated(element, 'type', evaluate) ?? 'positive';
    if (type !== 'positive' && type !== 'negative')
      throw new Error(`<ws:response> type must be 'positive' or 'negative', got ${JSON.stringify(type)}`);
    const resultcode = evaluated(element, 'resultcode', evaluate);
    const params = responseParams(element, evaluate);
    const request =
      this.taking?.session === context.sessionId ? this.taking : this.waiting.get(context.sessionId)?.[0];
    // None waits (it timed out already): the caller has had its answer; nothing to do.
    if (request === undefined) return;
    this.settle(request, {
      kind: 'answered',
      response: { type, ...(resultcode === undefined ? {} : { resultcode: String(resultcode) }), params },
    });
  };

  /** Answers every waiting request, and every one asked from now on, `stopped` (the server closes). */
  stop(): void {
    this.stopped = true;
    for (const queue of [...this.waiting.values()])
      for (const request of queue) this.settle(request, { kind: 'stopped' });
  }

  private settle(request: Waiting, outcome: RequestOutcome): void {
    if (!this.isWaiting(request)) return;
    this.forget(request);
    if (request.timer !== null) clearTimeout(request.timer);
    request.resolve(outcome);
  }

  private isWaiting(request: Waiting): boolean {
    return this.waiting.get(request.session)?.includes(request) ?? false;
  }

  private forget(request: Waiting): void {
    const queue = (this.waiting.get(request.session) ?? []).filter((other) => other !== request);
    if (queue.length === 0) this.waiting.delete(request.session);
    else this.waiting.set(request.session, queue);
  }
}

function evaluated(element: XmlElement, name: string, evaluate: (expr: string) => ScriptValue): ScriptValue {
  const expr = element.attributes.get(name);
  return expr === undefined ? undefined : evaluate(expr);
}

/** The `<param name expr>` children, by name; their values must fit in a request body as JSON. */
function responseParams(
  element: XmlElement,
  evaluate: (expr: string) => ScriptValue,
): Readonly<Record<string, ScriptValue>> {
  const params: [string, ScriptValue][] = [];
  for (const child of element.children) {
    if (typeof child === 'string' || child.ns !== SCXML_NS || child.name !== 'param') continue;
    const name = child.attributes.get('name');
    if (name === undefined || name === '') throw new Error('<ws:response> has a <param> without a name');
    params.push([name, evaluated(child, 'expr', evaluate) ?? null]);
  }
  const values = Object.fromEntries(params);
  if (JSON.stringify(values).length > RESPONSE_CHARS)
    throw new Error(`<ws:response> params are longer than ${RESPONSE_CHARS} characters of JSON`);
  return values;
}
