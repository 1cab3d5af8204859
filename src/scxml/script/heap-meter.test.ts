import { describe, expect, it } from 'vitest';
import { type HeapAccount, HeapMeter } from './heap-meter';

const MB = 1024 * 1024;
const PAGES_PER_MB = MB / 65536;

function account(budget: number): HeapAccount {
  return { budget, charged: 0, spent: false };
}

describe('[isolation] the heap meter charges growth to the running realm', () => {
  it('[isolation] one growth step larger than the budget does not stop a realm (Emscripten chooses the step, 5-20% of the heap)', () => {
    const meter = new HeapMeter(256 * MB);
    const realm = account(1 * MB);
    meter.charging(realm, () => meter.memory.grow(4 * PAGES_PER_MB));
    expect(realm).toEqual({ budget: 1 * MB, charged: 4 * MB, spent: false });
  });

  it('[isolation] a realm that needs more after its budget is spent (stopped at its next check), and refused past twice its budget', () => {
    const meter = new HeapMeter(256 * MB);
    const realm = account(8 * MB);
    for (let i = 0; i < 8; i++) meter.charging(realm, () => meter.memory.grow(PAGES_PER_MB));
    expect(realm.spent).toBe(false);
    for (let i = 0; i < 8; i++) meter.charging(realm, () => meter.memory.grow(PAGES_PER_MB));
    expect(realm).toMatchObject({ charged: 16 * MB, spent: true });
    expect(() => meter.charging(realm, () => meter.memory.grow(PAGES_PER_MB))).toThrow(RangeError);
    expect(realm.charged).toBe(16 * MB);
  });

  it('[isolation] growth while no realm runs is charged to none', () => {
    const meter = new HeapMeter(256 * MB);
    const realm = account(1 * MB);
    meter.memory.grow(8 * PAGES_PER_MB);
    meter.charging(realm, () => meter.memory.grow(PAGES_PER_MB));
    expect(realm.charged).toBe(1 * MB);
  });

  it('a maximum below what the module needs is refused, naming it', () => {
    expect(() => new HeapMeter(1 * MB)).toThrow(/at least 16777216 bytes, got 1048576/);
  });
});
