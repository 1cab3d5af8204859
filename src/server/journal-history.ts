import type { EngineEvent, Snapshot } from '../engine';
import { type ArchivedHistory, concerns, type HistoryArchive } from '../protocol/history';
import type { JournalLine } from '../protocol/journal-lines';
import type { HistoryQuery } from '../protocol/messages';
import { forEachLine } from './journal-read';

/**
 * The journal file as the host's archive for `history`: the events of one interaction or session
 * that the engine no longer keeps in memory. The file holds the latest epoch from its last
 * checkpoint on (compaction leaves the state at the checkpoint, not the events before it), so
 * that is what it can tell; with the defaults the engine's memory reaches at least as far back.
 */
export function journalArchive(path: string): HistoryArchive {
  return {
    async find(query, epoch, through) {
      const found = await readHistory(path, query, through);
      return found?.epoch === epoch ? found.history : null;
    },
  };
}

/** The latest epoch's events of `query` up to seq `through`, and the checkpoint they follow. */
async function readHistory(
  path: string,
  query: HistoryQuery,
  through: number,
): Promise<{ epoch: string; history: ArchivedHistory } | null> {
  // Only lines that name the target are parsed (ids are plain, so JSON writes them as they are),
  // and the mark lines, which say where an epoch starts. The file is the server's own, checked
  // line by line when it was opened: its lines are taken for what they say they are.
  const named = JSON.stringify(query.target);
  const latest: { epoch: string | null; history: ArchivedHistory & { events: EngineEvent[] } } = {
    epoch: null,
    history: fresh(null),
  };
  const read = await forEachLine(path, (text) => {
    if (text.startsWith('{"type"')) {
      const mark = JSON.parse(text) as JournalLine;
      if (!('type' in mark)) return;
      if (mark.type === 'epoch' || mark.type === 'checkpoint' || mark.type === 'recovered')
        latest.epoch = mark.epoch;
      if (mark.type === 'epoch') latest.history = fresh(null);
      else if (mark.type === 'checkpoint') latest.history = fresh(only(mark.snapshot, query));
      return;
    }
    if (!text.includes(named)) return;
    const event = JSON.parse(text) as EngineEvent;
    if (event.seq <= through && concerns(event, query)) latest.history.events.push(event);
  });
  const { epoch, history } = latest;
  return read === null || epoch === null ? null : { epoch, history };
}

function fresh(checkpoint: Snapshot | null): ArchivedHistory & { events: EngineEvent[] } {
  return { from: (checkpoint?.seq ?? 0) + 1, checkpoint, events: [] };
}

/** A checkpoint cut down to the target's record: the rest of the state is not asked for. */
function only(snapshot: Snapshot, { of, target }: HistoryQuery): Snapshot {
  return {
    ...snapshot,
    sessions: of === 'session' ? snapshot.sessions.filter((s) => s.id === target) : [],
    interactions: of === 'interaction' ? snapshot.interactions.filter((i) => i.g_uid === target) : [],
  };
}
