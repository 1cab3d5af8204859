/**
 * `npm run bench [-- part...]`: runs the benchmarks (all parts by default) and prints each
 * figure with its same-run baseline and their ratio. Parts: engine, ui, transport, journal, scxml, strategies, timeline.
 */
import { runEngineBench } from './engine';
import { runJournalBench } from './journal';
import { runScxmlBench } from './scxml';
import { runStrategiesBench } from './strategies';
import { runTimelineBench } from './timeline';
import { runTransportBench } from './transport';
import { runUiBench } from './ui';

const PARTS: Record<string, () => Promise<string[]> | string[]> = {
  engine: runEngineBench,
  ui: runUiBench,
  transport: runTransportBench,
  journal: runJournalBench,
  scxml: runScxmlBench,
  strategies: runStrategiesBench,
  timeline: runTimelineBench,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((part) => !(part in PARTS));
if (unknown.length > 0) {
  console.error(`unknown part(s): ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}
for (const part of wanted.length > 0 ? wanted : Object.keys(PARTS)) {
  const lines = await PARTS[part]?.();
  console.log(`\n== ${part} ==\n${(lines ?? []).join('\n')}`);
}
