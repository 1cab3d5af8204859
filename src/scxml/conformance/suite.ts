import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { VirtualClock } from '../clock';
import { ScxmlHost } from '../host';
import type { RealmFactory } from '../script/realm';
import { SKIPPED, type SkipReason } from './skips';

// Node only: the runner reads the W3C tests where npm put them (they are not copied into the repo).
const directory = join(
  dirname(createRequire(import.meta.url).resolve('@scion-scxml/test-framework/package.json')),
  'test',
  'w3c-ecma',
);

const eventScript = z.object({
  initialConfiguration: z.array(z.string()),
  events: z.array(
    z.object({
      after: z.number().optional(),
      event: z.object({ name: z.string(), data: z.unknown().optional() }),
      nextConfiguration: z.array(z.string()),
    }),
  ),
});
type EventScript = z.infer<typeof eventScript>;

interface CaseBase {
  readonly id: string;
  /** The section of the Recommendation the test checks, from the package's manifest. */
  readonly section: string;
}

export type ConformanceCase =
  | (CaseBase & { readonly source: string; readonly script: EventScript; readonly skip?: undefined })
  | (CaseBase & { readonly skip: SkipReason });

/** Test number to section, e.g. "355" to "3.2": `<assert id="355" specnum="3.2">` in manifest.xml. */
function sections(): Map<string, string> {
  const manifest = readFileSync(join(directory, 'manifest.xml'), 'utf8');
  return new Map(
    [...manifest.matchAll(/<assert\s+id="(\d+)"\s+specnum="([^"]+)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

/** Every `*.txml.scxml` test of the package, in numeric order, with its event script or why it is skipped. */
export function loadSuite(): ConformanceCase[] {
  const ids = readdirSync(directory)
    .filter((file) => file.endsWith('.txml.scxml'))
    .map((file) => file.slice('test'.length, -'.txml.scxml'.length))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b));
  const sectionOf = sections();
  return ids.map((id): ConformanceCase => {
    const number = id.replace(/\D.*$/, '');
    const section = sectionOf.get(number) ?? '?';
    const skip = SKIPPED[number];
    if (skip) return { id, section, skip };
    const base = join(directory, `test${id}.txml`);
    let script: EventScript;
    try {
      script = eventScript.parse(JSON.parse(readFileSync(`${base}.json`, 'utf8')));
    } catch {
      return { id, section, skip: 'no event script in the package (the test is manual or needs HTTP)' };
    }
    return { id, section, source: readFileSync(`${base}.scxml`, 'utf8'), script };
  });
}

/** `<data src="file:test446.txt">` and `<invoke src="file:...">` name files beside the tests. */
function resolveTestFile(src: string): string {
  if (!src.startsWith('file:')) throw new Error(`cannot fetch "${src}"`);
  return readFileSync(join(directory, src.slice('file:'.length)), 'utf8');
}

const sameStates = (actual: readonly string[], expected: readonly string[]) =>
  actual.length === expected.length && expected.every((id) => actual.includes(id));

/** Runs one test on a virtual clock; null if it passed, otherwise what differed. */
export function runCase(
  test: Extract<ConformanceCase, { skip?: undefined }>,
  realms: RealmFactory,
): string | null {
  const clock = new VirtualClock();
  // The initial configuration is the one the first macrostep ends in (as SCION's `start()` returns it),
  // before events the session sent itself are taken.
  let root: string | null = null;
  let initial: readonly string[] | null = null;
  let checked = false;
  const host = new ScxmlHost({
    realms,
    clock,
    resolve: resolveTestFile,
    onTrace: (record) => {
      if (record.kind === 'macrostep.start') root ??= record.session;
      if (record.kind === 'macrostep.end' && record.session === root && !checked)
        initial ??= record.configuration;
    },
  });
  const session = host.start(test.source);
  const check = (expected: readonly string[], when: string) => {
    const actual = initial ?? session.activeStates();
    initial = null;
    checked = true;
    return sameStates(actual, expected) ? null : `${when}: expected [${expected}], got [${actual}]`;
  };
  let failure = check(test.script.initialConfiguration, 'initial configuration');
  for (const step of test.script.events) {
    if (failure) break;
    clock.advance(step.after ?? 0);
    session.send(step.event.name);
    failure = check(step.nextConfiguration, `after ${step.event.name}`);
  }
  host.stop();
  return failure;
}
