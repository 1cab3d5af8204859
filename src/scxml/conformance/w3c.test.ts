import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealmFactory } from '../script/node-realms';
import type { RealmFactory } from '../script/realm';
import { loadSuite, runCase } from './suite';

// The W3C ECMAScript conformance tests as packaged by SCION, read from node_modules. Skipped ones
// (HTTP I/O processor, manual) are not registered here; `npm run conformance` prints them with reasons.
let realms: RealmFactory;
beforeAll(async () => {
  realms = await loadRealmFactory();
});

describe('W3C SCXML conformance (ECMAScript datamodel)', () => {
  for (const test of loadSuite()) {
    if (test.skip) continue;
    it(`[${test.section}] W3C test ${test.id} reaches the configurations its event script expects`, () => {
      expect(runCase(test, realms)).toBeNull();
    });
  }
});
