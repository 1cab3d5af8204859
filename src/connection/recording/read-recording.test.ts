import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, type EngineEvent } from '../../engine';
import { JournalFile } from '../../server/journal-file';
import { readRecording } from './read-recording';
import type { Recording } from './recording';
import { writeRecording } from './write-recording';

/** An engine's first `arrivals` arrivals and a move, as the recording of a page that watched it all. */
function recorded(arrivals = 3): { recording: Recording; engine: Engine } {
  const engine = new Engine({ clock: () => 1_700_000_000_000 });
  const base = engine.snapshot();
  for (let i = 0; i < arrivals; i++) engine.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
  engine.dispatch({ verb: 'startSession', src: 'r.scxml', session: 'S-TO' });
  const g_uid = [...engine.state.interactions.keys()][0] ?? '';
  const owner = engine.state.interactions.get(g_uid)?.owner ?? '';
  engine.dispatch({ verb: 'associate', session: owner, interactionid: g_uid, sessionid: 'S-TO' });
  const recording: Recording = {
    epoch: 'e-1',
    source: 'recording',
    exported: null,
    traffic: { running: true, rate: 20, seed: 1, sessions: 40 },
    base,
    events: engine.eventsSince(0) ?? [],
    labels: [{ session: 'S-TO', strategy: 'route', states: ['waiting'] }],
  };
  return { recording, engine };
}

async function text(blob: Blob): Promise<string> {
  const stream = blob.stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/** The recording's file as text lines, changed by `edit`, read back. */
async function edited(edit: (lines: string[]) => void): Promise<Recording> {
  const lines = (await text(await writeRecording(recorded().recording))).trimEnd().split('\n');
  edit(lines);
  return readRecording(new Blob([lines.join('\n')]));
}

function eventLine(lines: string[], index: number, change: (event: Record<string, unknown>) => void): void {
  const event = JSON.parse(lines[index] ?? '');
  change(event);
  lines[index] = JSON.stringify(event);
}

describe('a recording file', () => {
  it('round trip: gzipped JSON lines read back to the same epoch, base, events and labels, shown paused', async () => {
    const { recording } = recorded();
    const file = await writeRecording(recording, 1234);
    expect([...new Uint8Array(await file.slice(0, 2).arrayBuffer())]).toEqual([0x1f, 0x8b]);
    const lines = (await text(file)).trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ format: 'ors-recording', version: 1, exported: 1234 });
    expect(lines).toHaveLength(1 + recording.events.length);
    const read = await readRecording(file);
    const final = Engine.replay(recording.events, {}, recording.base).snapshot();
    expect(read).toEqual({
      ...recording,
      exported: 1234,
      traffic: { ...recording.traffic, running: false },
      final: {
        ...final,
        sessions: final.sessions.filter((session) => session.state !== 'ended'),
        interactions: final.interactions.filter((interaction) => interaction.state !== 'ended'),
      },
    });
  });

  it('reads the same lines uncompressed', async () => {
    const { recording } = recorded();
    const plain = await text(await writeRecording(recording, 5));
    expect((await readRecording(new Blob([plain]))).events).toEqual(recording.events);
  });

  it('refuses an empty file, broken gzip, and bytes that are not text', async () => {
    await expect(readRecording(new Blob([]))).rejects.toMatchObject({ code: 'empty' });
    await expect(readRecording(new Blob(['\n  \n']))).rejects.toMatchObject({ code: 'empty' });
    const gzip = new Uint8Array(await (await writeRecording(recorded().recording)).arrayBuffer());
    await expect(readRecording(new Blob([gzip.slice(0, 40)]))).rejects.toMatchObject({
      code: 'badgzip',
      message: expect.stringContaining('does not decompress'),
    });
    await expect(readRecording(new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0xc3])]))).rejects.toMatchObject({
      code: 'badjson',
    });
  });

  it('names the line that is not JSON', async () => {
    await expect(
      edited((lines) => {
        lines[3] = '{"seq":3,';
      }),
    ).rejects.toThrow('line 4: is not JSON');
  });

  it('names the line and field of a bad event, and of a bad header', async () => {
    let moved = -1;
    const wrongId = edited((lines) => {
      moved = lines.findIndex((line) => line.includes('"name":"interaction.owner.changed"'));
      eventLine(lines, moved, (event) => {
        (event.data as Record<string, unknown>).interactionid = 7;
      });
    });
    await expect(wrongId).rejects.toMatchObject({ code: 'badformat' });
    expect(moved).toBeGreaterThan(0);
    await expect(wrongId).rejects.toThrow(new RegExp(`^line ${moved + 1}, data\\.interactionid: `));
    const badName = edited((lines) =>
      eventLine(lines, 1, (event) => {
        event.name = 'interaction.teleported';
      }),
    );
    await expect(badName).rejects.toThrow(/^line 2, name: /);
    const badBase = edited((lines) =>
      eventLine(lines, 0, (header) => {
        (header.base as Record<string, unknown>).sessions = [{ id: 'S-1' }];
      }),
    );
    await expect(badBase).rejects.toThrow(/^line 1, base\.sessions\.0\.state: /);
  });

  it('refuses events that leave a gap after the base, naming where', async () => {
    await expect(edited((lines) => lines.splice(4, 1))).rejects.toThrow(
      'line 5, seq: must be 4: events follow the base without a gap',
    );
  });

  it('refuses a version it does not read, and a file that is neither a recording nor a journal', async () => {
    await expect(
      edited((lines) =>
        eventLine(lines, 0, (header) => {
          header.version = 2;
        }),
      ),
    ).rejects.toMatchObject({ code: 'badversion', where: { line: 1, field: 'version' } });
    await expect(readRecording(new Blob(['{"hello":"world"}\n']))).rejects.toMatchObject({
      code: 'badformat',
      where: { line: 1 },
    });
  });
});

describe("a server's journal file", () => {
  async function journal(run: (engine: Engine) => void, compactAfter?: number) {
    const path = join(mkdtempSync(join(tmpdir(), 'recording-journal-')), 'journal.jsonl');
    const opened = await JournalFile.open(path, {
      warn: () => {},
      ...(compactAfter === undefined ? {} : { compactAfter }),
    });
    opened.engine.subscribe((events) => opened.journal.append(events, () => opened.engine.snapshot()));
    run(opened.engine);
    await opened.journal.close();
    return { path, engine: opened.engine, epoch: opened.epoch };
  }

  function fold(recording: Recording): ReturnType<Engine['snapshot']> {
    return Engine.replay(recording.events, {}, recording.base).snapshot();
  }

  it('opens as it is, plain or gzipped: its latest epoch, from an empty engine', async () => {
    const { path, engine, epoch } = await journal((e) => {
      for (let i = 0; i < 4; i++) e.dispatch({ verb: 'arrive', media: 'TMediaChat' });
    });
    const bytes = readFileSync(path);
    const plain = await readRecording(new Blob([bytes]));
    expect(plain).toMatchObject({ epoch, source: 'journal', exported: null, labels: [] });
    expect(plain.events.map((e: EngineEvent) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(fold(plain)).toEqual(engine.snapshot());
    const gzipped = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
    expect(await readRecording(await new Response(gzipped).blob())).toEqual(plain);
  });

  it('opens a compacted one from its checkpoint', async () => {
    const { path, engine } = await journal((e) => {
      for (let i = 0; i < 50; i++) e.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
    }, 150);
    const read = await readRecording(new Blob([readFileSync(path)]));
    expect(read.base.seq).toBe(150);
    expect(fold(read)).toEqual(engine.snapshot());
  });

  it('names a bad line of it', async () => {
    const { path } = await journal((e) => e.dispatch({ verb: 'arrive', media: 'TMediaVoice' }));
    const lines = readFileSync(path, 'utf8').split('\n');
    const event = JSON.parse(lines[2] ?? '');
    event.cause.origin = 'telepathy';
    lines[2] = JSON.stringify(event);
    await expect(readRecording(new Blob([lines.join('\n')]))).rejects.toThrow(/^line 3, cause\.origin: /);
    lines.splice(2, 1);
    await expect(readRecording(new Blob([lines.join('\n')]))).rejects.toThrow(
      "line 3: the journal's line is not event 2 of epoch",
    );
  });
});
