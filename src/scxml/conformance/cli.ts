/** `npm run conformance`: every W3C test's result, the pass count, and why each skipped one is skipped. */
import { loadRealmFactory } from '../script/node-realms';
import { loadSuite, runCase } from './suite';

const realms = await loadRealmFactory();
let passed = 0;
let failed = 0;
let skipped = 0;
for (const test of loadSuite()) {
  const name = `test${test.id} [${test.section}]`;
  if (test.skip) {
    skipped++;
    console.log(`skip  ${name}: ${test.skip}`);
    continue;
  }
  let failure: string | null;
  try {
    failure = runCase(test, realms);
  } catch (error) {
    failure = `threw ${error instanceof Error ? error.message : String(error)}`;
  }
  if (failure) failed++;
  else passed++;
  console.log(failure ? `FAIL  ${name}: ${failure}` : `pass  ${name}`);
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped (of ${passed + failed + skipped})`);
process.exitCode = failed > 0 ? 1 : 0;
