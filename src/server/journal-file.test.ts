import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { JournalFile } from './journal-file';
import { JournalCorrupt } from './journal-read';

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'journal-')), 'nested', 'journal.jsonl');
}

function arrivals(engine: Engine, count: number): void {
  for (let i = 0; i < count; i++) engine.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
}

/** Opens the file, journals what `run` does to its engine, and closes it cleanly. */
async function session(
  path: string,
  run: (engine: Engine, journal: JournalFile) => void = () => {},
  options: { compactAfter?: number } = {},
) {
  const warnings: string[] = [];
  const opened = await JournalFile.open(path, { warn: (line) => warnings.push(line), ...options });
  opened.engine.subscribe((events) => opened.journal.append(events, () => opened.engine.snapshot()));
  run(opened.engine, opened.journal);
  await opened.journal.close();
  return { ...opened, warnings };
}

function lines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('the journal file', () => {
  it('round trip: a reopened file rebuilds the same state under the same epoch, and seq goes on', async () => {
    const path = tempFile();
    const first = await session(path, (engine) => {
      arrivals(engine, 10);
    });
    expect(first.warnings).toEqual([]);
    const written = lines(path);
    expect(written[0]).toMatchObject({ type: 'epoch', epoch: first.epoch });
    expect(written.slice(1, -1).map((line) => line.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(written.at(-1)).toMatchObject({ type: 'stopped', epoch: first.epoch, seq: 50 });

    const second = await session(path, (engine) => {
      expect(engine.snapshot()).toEqual(first.engine.snapshot());
      arrivals(engine, 1);
    });
    expect(second.epoch).toBe(first.epoch);
    expect(second.engine.seq).toBe(55);
    expect(second.warnings).toEqual([]);
  });

  it('ignores a torn last line with a warning, cuts it off, and goes on under a new epoch', async () => {
    const path = tempFile();
    const first = await session(path, (engine) => {
      arrivals(engine, 4);
    });
    // A crash mid-write: no stopped line, and half an event.
    const kept = readFileSync(path, 'utf8').trimEnd().split('\n').slice(0, -1);
    writeFileSync(path, `${kept.join('\n')}\n`);
    appendFileSync(path, '{"seq":21,"time":1,"name":"interaction.cre');

    const second = await session(path, (engine) => {
      expect(engine.snapshot()).toEqual(first.engine.snapshot());
      arrivals(engine, 1);
    });
    expect(second.warnings.join('\n')).toMatch(/torn last line \(\d+ bytes/);
    expect(second.warnings.join('\n')).toContain('did not stop cleanly');
    expect(second.epoch).not.toBe(first.epoch);
    const third = await session(path);
    expect(third.warnings).toEqual([]);
    expect(third.epoch).toBe(second.epoch);
    expect(third.engine.snapshot()).toEqual(second.engine.snapshot());
  });

  it('a reset writes a new epoch line, and only the latest epoch is restored', async () => {
    const path = tempFile();
    const fresh = new Engine();
    await session(path, (engine, journal) => {
      arrivals(engine, 3);
      journal.reset('epoch-after-reset');
      fresh.subscribe((events) => journal.append(events));
      arrivals(fresh, 2);
    });
    expect(lines(path).filter((line) => line.type === 'epoch')).toHaveLength(2);

    const second = await session(path);
    expect(second.epoch).toBe('epoch-after-reset');
    expect(second.engine.snapshot()).toEqual(fresh.snapshot());
    expect(second.engine.seq).toBe(10);
  });

  it('refuses to open a file with a bad line before its end, naming the line', async () => {
    const path = tempFile();
    await session(path, (engine) => {
      arrivals(engine, 2);
    });
    const text = readFileSync(path, 'utf8').split('\n');
    text[3] = '{"seq":3,"name":"interaction.added"'; // cut, but not the last line
    writeFileSync(path, text.join('\n'));
    const opening = JournalFile.open(path, { warn: () => {} });
    await expect(opening).rejects.toThrow(JournalCorrupt);
    await expect(opening).rejects.toThrow('line 4 is not JSON');
  });

  it('compacts: past compactAfter lines the file is one checkpoint and what followed it; a reopen restores the same state, epoch and seq', async () => {
    const path = tempFile();
    // 5 events an arrival: the 30th arrival's events cross 150 lines, and 20 more arrive while
    // the file is being replaced.
    const first = await session(path, (engine) => arrivals(engine, 50), { compactAfter: 150 });
    expect(first.warnings).toEqual([]);
    const written = lines(path);
    expect(written[0]).toMatchObject({ type: 'checkpoint', epoch: first.epoch, seq: 150 });
    expect(written.slice(1, -1).map((line) => line.seq)).toEqual(
      Array.from({ length: 100 }, (_, i) => 151 + i),
    );
    expect(written.at(-1)).toMatchObject({ type: 'stopped', epoch: first.epoch, seq: 250 });

    const second = await session(path, (engine) => {
      expect(engine.snapshot()).toEqual(first.engine.snapshot());
      arrivals(engine, 1);
    });
    expect(second.warnings).toEqual([]);
    expect(second.epoch).toBe(first.epoch);
    expect(second.engine.seq).toBe(255);
  });

  it('drops older epochs when it compacts, and refuses a checkpoint that does not start the file', async () => {
    const path = tempFile();
    const fresh = new Engine();
    await session(
      path,
      (engine, journal) => {
        arrivals(engine, 3);
        journal.reset('epoch-after-reset');
        fresh.subscribe((events) => journal.append(events, () => fresh.snapshot()));
        arrivals(fresh, 40);
      },
      { compactAfter: 100 },
    );
    const written = lines(path);
    expect(written.filter((line) => line.type === 'epoch')).toEqual([]);
    expect(written[0]).toMatchObject({ type: 'checkpoint', epoch: 'epoch-after-reset' });
    const reopened = await session(path);
    expect(reopened.engine.snapshot()).toEqual(fresh.snapshot());

    const text = readFileSync(path, 'utf8').split('\n');
    const epoch = JSON.stringify({ type: 'epoch', epoch: 'older', time: 1 });
    writeFileSync(path, [epoch, ...text].join('\n'));
    await expect(JournalFile.open(path, { warn: () => {} })).rejects.toThrow(
      'line 2 is not a checkpoint that starts the file',
    );
    // A checkpoint without its id counters (as written before they existed).
    const withoutIds = (text[0] ?? '').replace(/"ids":\{[^}]*\},/, '');
    expect(withoutIds).not.toBe(text[0]);
    writeFileSync(path, [withoutIds, ...text.slice(1)].join('\n'));
    await expect(JournalFile.open(path, { warn: () => {} })).rejects.toThrow(
      'line 1 is not a checkpoint that starts the file',
    );
  });

  it('[X12] keeps scheduled starts across epochs: a reopen gets those without an end; a bad one is corrupt', async () => {
    const path = tempFile();
    await session(path, (engine, journal) => {
      journal.schedule({ session: 'T-1', src: 'a.scxml', at: 5, params: { x: 1 } });
      journal.schedule({ session: 'T-2', src: 'b.scxml', at: 6 });
      journal.schedule({ session: 'T-3', src: 'c.scxml', at: 7 });
      journal.unschedule('T-2', 'cancelled');
      arrivals(engine, 2);
      journal.reset('next');
      journal.unschedule('T-3', 'started');
    });
    const reopened = await session(path);
    expect(reopened.scheduled).toEqual([{ session: 'T-1', src: 'a.scxml', at: 5, params: { x: 1 } }]);
    expect(reopened.engine.seq).toBe(0);

    appendFileSync(path, '{"type":"scheduled","session":"T-4","time":1}\n{"type":"stopped"}\n');
    await expect(JournalFile.open(path, { warn: () => {} })).rejects.toThrow(
      'scheduled start without its src and time',
    );
  });

  it('gives no id twice across a purge, a compaction and a restart from the file', async () => {
    const path = tempFile();
    const created = new Set<string>();
    const arrive = (engine: Engine) => {
      const result = engine.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
      for (const event of result.ok ? result.events : [])
        if (event.name === 'interaction.created') created.add(event.data.interaction.g_uid);
      return engine.state.interactions.get([...created].at(-1) as string);
    };
    await session(
      path,
      (engine) => {
        const gone = arrive(engine);
        if (gone?.owner == null) throw new Error('no arrival');
        engine.dispatch({ verb: 'terminate', session: gone.owner, interactionid: gone.g_uid });
        engine.dispatch({ verb: 'endSession', session: gone.owner });
        engine.dispatch({ verb: 'purge', before: Date.now() + 1 });
        for (let i = 0; i < 30; i++) arrive(engine);
      },
      { compactAfter: 100 },
    );
    expect(lines(path)[0]).toMatchObject({ type: 'checkpoint' });
    await session(path, (engine) => {
      arrive(engine);
    });
    // 32 arrivals, 32 different g_uids.
    expect(created.size).toBe(32);
  });
});
