import { describe, expect, it } from 'vitest';
import { Engine, type EngineEvent } from '../engine';
import { type Steppable, stepTarget } from './steps';
import { TimelineError } from './timeline-error';

/** G1 arrives in S-A (seqs 1-5), S-B starts (6), G1 moves to S-B (7-12): real events. */
function journal(): Steppable & { events: EngineEvent[] } {
  const engine = new Engine({ clock: () => 1_700_000_000_000 });
  const events: EngineEvent[] = [];
  engine.subscribe((batch) => events.push(...batch));
  engine.dispatch({ verb: 'arrive', media: 'TMediaVoice', session: 'S-A', g_uid: 'G1' });
  engine.dispatch({ verb: 'startSession', src: 'x', session: 'S-B' });
  engine.dispatch({ verb: 'associate', session: 'S-A', interactionid: 'G1', sessionid: 'S-B' });
  return { events, first: 0, last: events.length, eventAt: (seq) => events[seq - 1] };
}

const seqOf = (events: EngineEvent[], name: string) =>
  events.filter((e) => e.name === name).map((e) => e.seq);

describe('stepTarget', () => {
  it('by event: one seq either way, nothing past either end', () => {
    const held = journal();
    expect(stepTarget(held, 4, 'event', -1)).toBe(3);
    expect(stepTarget(held, 4, 'event', 1)).toBe(5);
    expect(stepTarget(held, held.first, 'event', -1)).toBeNull();
    expect(stepTarget(held, held.last, 'event', 1)).toBeNull();
  });

  it('by move: back lands just before the move (undone), forward just after it', () => {
    const held = journal();
    const [arrival, associate] = seqOf(held.events, 'interaction.owner.changed') as [number, number];
    expect(stepTarget(held, held.last, 'move', -1)).toBe(associate - 1);
    expect(stepTarget(held, associate - 1, 'move', -1)).toBe(arrival - 1);
    expect(stepTarget(held, arrival - 1, 'move', -1)).toBeNull();
    expect(stepTarget(held, arrival - 1, 'move', 1)).toBe(arrival);
    expect(stepTarget(held, associate, 'move', 1)).toBeNull();
  });

  it('by the selected item: its previous or next event, and a typed error without a selection', () => {
    const held = journal();
    const session = { of: 'session', target: 'S-B' } as const;
    const started = seqOf(held.events, 'session.started')[1] as number;
    expect(stepTarget(held, started, 'selected', -1, session)).toBeNull();
    const next = stepTarget(held, started, 'selected', 1, session) as number;
    expect(held.eventAt(next)?.name).toBe('interaction.owner.changed');
    const ofB = held.events.filter(
      (e) => e.session === 'S-B' || (e.name === 'interaction.owner.changed' && e.data.to === 'S-B'),
    );
    expect(stepTarget(held, held.last, 'selected', -1, session)).toBe(
      ofB.filter((e) => e.seq < held.last).at(-1)?.seq,
    );
    expect(() => stepTarget(held, 3, 'selected', 1)).toThrow(TimelineError);
  });
});
