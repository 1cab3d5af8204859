import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import type { ChartState } from '../protocol/messages';
import { T0 } from '../store/testing';
import { activeTree, TIMELINE_LINES, timeline } from './timeline';

describe('timeline', () => {
  it('puts a trace entry made at seq N after event N and before N + 1; events of other sessions are left out', () => {
    const engine = new Engine({ clock: () => T0 });
    const arrived = engine.execute({ verb: 'arrive', media: 'TMediaVoice', session: 'S-1', g_uid: 'G1' });
    engine.execute({ verb: 'arrive', media: 'TMediaVoice', session: 'S-2', g_uid: 'G2' });
    if (!arrived.ok) throw new Error('arrive refused');
    const added = arrived.events.find((e) => e.name === 'interaction.added');
    if (added === undefined) throw new Error('no interaction.added');
    const events = engine.eventsSince(0) ?? [];
    const lines = timeline('S-1', events, [
      { seq: added.seq, kind: 'event', text: 'interaction.added' },
      { seq: added.seq, kind: 'transition', text: 'a → b on interaction.added' },
    ]);
    const at = lines.findIndex((l) => l.seq === added.seq);
    expect(lines.slice(at, at + 4).map((l) => [l.seq, l.kind])).toEqual([
      [added.seq, 'ors'],
      [added.seq, 'event'],
      [added.seq, 'transition'],
      [added.seq + 1, 'ors'],
    ]);
    expect(events.some((e) => e.session === 'S-2')).toBe(true);
    expect(
      lines.every((l) => l.kind !== 'ors' || events.find((e) => e.seq === l.seq)?.session === 'S-1'),
    ).toBe(true);
  });

  it('keeps the newest lines only', () => {
    const trace = Array.from({ length: TIMELINE_LINES + 5 }, (_, i) => ({
      seq: i,
      kind: 'action' as const,
      text: `a${i}`,
    }));
    const lines = timeline('S-1', [], trace);
    expect(lines).toHaveLength(TIMELINE_LINES);
    expect(lines.at(-1)?.text).toBe(`a${TIMELINE_LINES + 4}`);
  });
});

describe('activeTree', () => {
  it('marks the active states and every state that holds one', () => {
    const chart: ChartState = {
      id: 'root',
      kind: 'scxml',
      children: [
        {
          id: 'p',
          kind: 'parallel',
          children: [
            { id: 'x', kind: 'state', children: [] },
            { id: 'y', kind: 'state', children: [] },
          ],
        },
        { id: 'z', kind: 'final', children: [] },
      ],
    };
    expect([...activeTree(chart, ['x'])].sort()).toEqual(['p', 'root', 'x']);
  });
});
