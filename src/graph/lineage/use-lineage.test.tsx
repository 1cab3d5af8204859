// @vitest-environment happy-dom
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_TRAFFIC } from '../../protocol/messages';
import { InspectorProvider } from '../../store/react';
import { engineWithStore } from '../../store/testing';
import { useLineage } from './use-lineage';

/**
 * G arrives in S-1 and moves to S-2 before the page's record starts (a resync from a snapshot
 * after them: the page never saw those events); then it moves back to S-1 while the page looks.
 */
function lateRecord() {
  const inspector = engineWithStore();
  const { engine, store, run } = inspector;
  const direct = (command: Parameters<typeof run>[0]) => {
    const result = engine.execute(command);
    if (!result.ok) throw new Error(`${command.verb} refused`);
    return result.events;
  };
  const unseen = [
    ...direct({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G', session: 'S-1' }),
    ...direct({ verb: 'startSession', src: 'http://ors/b.scxml', session: 'S-2' }),
    ...direct({ verb: 'associate', session: 'S-1', interactionid: 'G', sessionid: 'S-2' }),
  ];
  store.getState().loadSnapshot({ epoch: 'test', snapshot: engine.snapshot(), traffic: DEFAULT_TRAFFIC });
  const before = store.getState().seq;
  const seen = run({ verb: 'associate', session: 'S-2', interactionid: 'G', sessionid: 'S-1' });
  store.getState().select({ kind: 'interaction', id: 'G' });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <InspectorProvider value={{ store, connection: inspector.connection }}>{children}</InspectorProvider>
  );
  const moveSeqs = (events: typeof seen) =>
    events.filter((e) => e.name === 'interaction.owner.changed').map((e) => e.seq);
  return { store, wrapper, before, unseen: moveSeqs(unseen), seen: moveSeqs(seen) };
}

describe('the lineage drawn', () => {
  it('holds the journal moves from before the page record, then the moves the page saw', async () => {
    const { wrapper, unseen, seen, store } = lateRecord();
    expect(
      store
        .getState()
        .history.get('G')
        ?.map((m) => m.seq),
    ).toEqual(seen);
    const { result } = renderHook(() => useLineage(), { wrapper });
    await waitFor(() => expect(result.current.map((m) => m.seq)).toEqual([...unseen, ...seen]));
    expect(result.current.map((m) => `${m.from ?? '-'}>${m.to ?? '-'}`)).toEqual([
      '->S-1',
      'S-1>S-2',
      'S-2>S-1',
    ]);
  });

  it('in the past, only the moves up to the seq on screen, the journal ones included', async () => {
    const { wrapper, unseen, store, before } = lateRecord();
    store.getState().travelTo(before);
    const { result } = renderHook(() => useLineage(), { wrapper });
    await waitFor(() => expect(result.current.map((m) => m.seq)).toEqual(unseen));
  });

  it('a page that saw the whole epoch draws its own moves and does not ask the journal', () => {
    const { store, run, connection } = engineWithStore();
    run({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G', session: 'S-1' });
    run({ verb: 'startSession', src: 'http://ors/b.scxml', session: 'S-2' });
    run({ verb: 'associate', session: 'S-1', interactionid: 'G', sessionid: 'S-2' });
    store.getState().select({ kind: 'interaction', id: 'G' });
    const asked = vi.spyOn(connection, 'history');
    const wrapper = ({ children }: { children: ReactNode }) => (
      <InspectorProvider value={{ store, connection }}>{children}</InspectorProvider>
    );
    const { result } = renderHook(() => useLineage(), { wrapper });
    expect(result.current).toBe(store.getState().history.get('G'));
    expect(asked).not.toHaveBeenCalled();
  });
});
