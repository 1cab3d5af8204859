/**
 * SCXML sandbox benchmark: the cost of the ECMAScript datamodel's realms (QuickJS in WebAssembly)
 * with 10,000 live sessions. Each event does what the interpreter does for a guarded transition
 * with an assign: bind `_event` (read-only), test a `cond`, run an `<assign>`. The baseline, in
 * the same run, is the same work as plain JavaScript functions over host objects (no sandbox).
 */
import { loadRealmFactory } from '../src/scxml/script/node-realms';
import type { ScriptRealm } from '../src/scxml/script/realm';
import { best, fmt, rate, report } from './measure';

const SESSIONS = 10_000;
const LIMITS = { stepMs: 1000, memoryBytes: 8 * 1024 * 1024 };
const COND = '_event.data.n % 2 === 0 && count < 1e9';
const LOCATION = 'count';
const EXPR = 'count + _event.data.n';

interface HostSession {
  _event: { readonly name: string; readonly data: { readonly n: number } };
  count: number;
}

function sandboxEvents(realms: readonly ScriptRealm[]): () => void {
  let i = 0;
  return () => {
    const realm = realms[i % realms.length] as ScriptRealm;
    realm.set('_event', { name: 'tick', data: { n: i } }, true);
    if (realm.condition(COND)) realm.assignExpr(LOCATION, EXPR);
    i++;
  };
}

function plainEvents(sessions: readonly HostSession[]): () => void {
  const cond = (s: HostSession) => s._event.data.n % 2 === 0 && s.count < 1e9;
  const assign = (s: HostSession) => {
    s.count = s.count + s._event.data.n;
  };
  let i = 0;
  return () => {
    const session = sessions[i % sessions.length] as HostSession;
    session._event = Object.freeze({ name: 'tick', data: Object.freeze({ n: i }) });
    if (cond(session)) assign(session);
    i++;
  };
}

function megabytes(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}

export async function runScxmlBench(): Promise<string[]> {
  const factory = await loadRealmFactory();
  const before = megabytes();
  const started = performance.now();
  const realms: ScriptRealm[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const realm = factory.create(LIMITS);
    realm.set('_sessionid', `s${i}`, true);
    realm.set('count', 0);
    realms.push(realm);
  }
  const createMs = performance.now() - started;
  const sessions: HostSession[] = Array.from({ length: SESSIONS }, () => ({
    _event: { name: '', data: { n: 0 } },
    count: 0,
  }));

  // Warm every realm once (first use compiles its expressions), then measure.
  const sandboxStep = sandboxEvents(realms);
  for (let i = 0; i < SESSIONS; i++) sandboxStep();
  const afterWarm = megabytes();
  const plainStep = plainEvents(sessions);
  const sandbox = best([1, 2, 3].map(() => rate(sandboxStep, 1, 1000)));
  const plain = best([1, 2, 3].map(() => rate(plainStep, 1, 1000)));
  const perRealmKb = ((afterWarm - before) * 1024) / SESSIONS;
  const lines = [
    report(
      `events/s, ${fmt(SESSIONS)} live realms`,
      fmt(sandbox.perSecond),
      fmt(plain.perSecond),
      sandbox.perSecond / plain.perSecond,
      'goal ≥ 20,000 events/s',
    ),
    `realm creation: ${fmt(createMs / SESSIONS, 2)} ms each (${fmt(createMs / 1000, 1)} s for ${fmt(SESSIONS)})`,
    `memory: ${fmt(perRealmKb, 1)} KB per live realm (process RSS ${fmt(before)} MB → ${fmt(afterWarm)} MB for ${fmt(SESSIONS)} realms; goal for the whole interpreter: 10,000 sessions under 1 GB)`,
  ];
  for (const realm of realms) realm.dispose();
  return lines;
}
