import { beforeAll, describe, expect, it } from 'vitest';
import type { RealmFactory } from '../scxml/script/realm';
import { testRealms } from '../strategy/testing';
import { runStrategyLines, type StrategyRunLine } from './replay-strategies';
import { StrategyDirectory } from './strategy-directory';

/**
 * The sample strategies of `public/strategies/`, run headless on a virtual clock: each one's ORS
 * events in the order its state machine received them, and the final state it reached.
 */
let realms: RealmFactory;
let samples: StrategyDirectory;
beforeAll(async () => {
  realms = await testRealms();
  samples = await StrategyDirectory.open('public/strategies');
});

const PROVISIONING = [
  '{"start":"desk.scxml","session":"desk"}',
  '{"provision":"sales","src":"greet-and-route.scxml"}',
  '{"provision":"support","src":"transfer.scxml"}',
  '{"provision":"billing","src":"handoff.scxml"}',
  '{"provision":"retention","src":"ipd-wrapper.scxml"}',
  '{"provision":"collections","src":"fallback.scxml"}',
];

function run(...lines: string[]): StrategyRunLine[] {
  return [...runStrategyLines({ realms, documents: samples.read, time: 0 }, [...PROVISIONING, ...lines])];
}

const arrival = (queue: string, media = 'TMediaVoice') =>
  `{"verb":"arrive","media":"${media}","queue":"${queue}","g_uid":"G1","session":"S-1"}`;

function summary(out: StrategyRunLine[], session: string) {
  const found = out.find((l) => l.type === 'session' && l.session === session);
  if (found?.type !== 'session') throw new Error(`no summary for ${session}`);
  return found;
}

/** The engine's events for one interaction, as `session name` (who received it). */
const journalOf = (out: StrategyRunLine[]) =>
  out.flatMap((l) =>
    l.type === 'event' &&
    'interactionid' in l.data &&
    l.data.interactionid === 'G1' &&
    !l.name.includes('state')
      ? [`${l.session} ${l.name}`]
      : [],
  );

describe('sample strategies', () => {
  it('greet and route: greets, submits to a virtual queue, redirects to the target picked, ends the call after its talk time', () => {
    const out = run(arrival('sales'), '{"advance":3999}');
    expect(summary(out, 'S-1').activeStates).toEqual(['Connected1']);
    const after = run(arrival('sales'), '{"advance":4000}');
    expect(summary(after, 'S-1')).toMatchObject({
      strategy: 'GreetAndRoute',
      received: [
        'interaction.added',
        'dialog.start.done',
        'queue.submit.done',
        'interaction.udata.changed',
        'interaction.udata.changed',
        'interaction.redirect.done',
        'Connected1.done',
        'interaction.terminate.done',
        'interaction.deleted',
      ],
      activeStates: [],
      final: 'Exit',
    });
    const redirected = after.find((l) => l.type === 'event' && l.name === 'interaction.redirect.done');
    const submitted = after.find((l) => l.type === 'received' && l.name === 'queue.submit.done');
    expect(submitted?.type === 'received' && submitted.data).toMatchObject({ vqselected: 'VQ_Sales' });
    expect(redirected).toMatchObject({
      cause: {
        origin: 'strategy',
        strategy: { strategy: 'GreetAndRoute', state: 'Redirect1', element: 'ixn:redirect' },
      },
    });
    expect(after.find((l) => l.type === 'event' && l.name === 'session.ended')).toMatchObject({
      session: 'S-1',
      time: 4000,
      data: { reason: 'done.scxml' },
    });
  });

  it('transfer: <ixn:associate> hands the interaction to the desk session, which ends it after its handling time', () => {
    const out = run(arrival('support'), '{"advance":5000}');
    expect(summary(out, 'S-1')).toMatchObject({
      strategy: 'Transfer',
      received: [
        'interaction.added',
        'interaction.udata.changed',
        'interaction.deleted',
        'interaction.notcontrolled',
        'interaction.associate.done',
      ],
      final: 'Exit',
    });
    expect(summary(out, 'desk')).toMatchObject({
      received: [
        'interaction.added',
        'interaction.present',
        'wrapup',
        'interaction.terminate.done',
        'interaction.deleted',
      ],
      activeStates: ['Serving'],
      final: null,
    });
    expect(journalOf(out)).toEqual([
      'S-1 interaction.owner.changed',
      'S-1 interaction.added',
      'S-1 interaction.udata.changed',
      'desk interaction.owner.changed',
      'desk interaction.added',
      'desk interaction.present',
      'S-1 interaction.deleted',
      'S-1 interaction.notcontrolled',
      'S-1 interaction.associate.done',
      'desk interaction.owner.changed',
      'desk interaction.ended',
      'desk interaction.terminate.done',
      'desk interaction.deleted',
    ]);
  });

  it('detach and attach handoff: the session detaches, tells the desk, and the desk attaches what nobody owns', () => {
    const out = run(arrival('billing', 'TMediaChat'));
    expect(summary(out, 'S-1')).toMatchObject({
      strategy: 'Handoff',
      received: ['interaction.added', 'interaction.deleted', 'interaction.detach.done'],
      final: 'Exit',
    });
    expect(summary(out, 'desk').received).toEqual([
      'handoff',
      'interaction.added',
      'interaction.attach.done',
    ]);
    const owners = out.flatMap((l) =>
      l.type === 'event' && l.name === 'interaction.owner.changed'
        ? [[l.data.from, l.data.to, l.data.via]]
        : [],
    );
    expect(owners).toEqual([
      [null, 'S-1', 'arrival'],
      ['S-1', null, 'detach'],
      [null, 'desk', 'attach'],
    ]);
  });

  it('parallel IPD-style wrapper: one region routes while the other watches; the wrapper ends when both are done', () => {
    const out = run(arrival('retention'), '{"advance":2999}');
    expect(summary(out, 'S-1').activeStates).toEqual(['Watching', 'Talking1']);
    const done = run(arrival('retention'), '{"advance":3000}');
    expect(summary(done, 'S-1')).toMatchObject({
      strategy: 'IpdWrapper',
      received: [
        'interaction.added',
        'queue.submit.done',
        'interaction.udata.changed',
        'interaction.redirect.done',
        'Talking1.done',
        'interaction.terminate.done',
        'interaction.deleted',
        'done.state.IPD',
      ],
      final: 'Exit',
    });
  });

  it('error handling with a fallback: error.script.TypeError and error.interaction.redirect each go to a fallback; the overflow takes the call', () => {
    const out = run(arrival('collections'), '{"advance":3000}');
    expect(summary(out, 'S-1')).toMatchObject({
      strategy: 'Fallback',
      received: [
        'interaction.added',
        'error.script.TypeError',
        'error.interaction.redirect',
        'interaction.redirect.done',
        'Talking1.done',
        'interaction.terminate.done',
        'interaction.deleted',
      ],
      final: 'Exit',
    });
    const errors = out.flatMap((l) => (l.type === 'received' && l.name.startsWith('error.') ? [l.data] : []));
    expect(errors).toEqual([
      {
        document: 'Fallback',
        element: 'script',
        linenumber: expect.any(Number),
        description: expect.stringContaining('TypeError'),
      },
      {
        requestid: expect.any(String),
        error: 'invaliddestination',
        description: expect.stringContaining('[R2]'),
      },
    ]);
    const redirect = out.find((l) => l.type === 'event' && l.name === 'interaction.redirect.done');
    expect(
      redirect?.type === 'event' && redirect.name === 'interaction.redirect.done' && redirect.data.resource,
    ).toMatchObject({ target: 'CollectionsOverflow', type: 'GA' });
  });
});
