import { describe, expect, it } from 'vitest';
import { loadRealmFactory } from './node-realms';
import type { QuickJSRealmFactory } from './quickjs-factory';
import { RealmPool } from './realm-pool';
import { failure } from './testing';

const MB = 1024 * 1024;
const LIMITS = { stepMs: 100, memoryBytes: 8 * MB };

/** Lets Node go idle until the pool holds `count` realms (the pool fills one per idle task). */
async function pooled(factory: QuickJSRealmFactory, count: number): Promise<void> {
  for (let turn = 0; turn < 200 && factory.pooled() !== count; turn++)
    await new Promise((resolve) => setImmediate(resolve));
  expect(factory.pooled()).toBe(count);
}

describe('[isolation] realms made ahead of need (the pool)', () => {
  it('fills in idle time up to its size, hands out pristine realms with their own limits, and refills', async () => {
    const factory = await loadRealmFactory({ size: 3, limits: LIMITS });
    expect(factory.pooled()).toBe(0); // nothing made before Node is idle
    await pooled(factory, 3);
    const first = factory.create(LIMITS);
    const second = factory.create(LIMITS);
    expect(factory.pooled()).toBe(1);
    first.run('var mine = 1;');
    expect(second.evaluate('typeof mine')).toBe('undefined');
    // Each keeps its own step deadline: a loop ends its realm only.
    expect(failure(() => first.run('while (true) {}')).kind).toBe('timeout');
    expect(second.evaluate('1 + 1')).toBe(2);
    await pooled(factory, 3);
  });

  it('serves only the limits it was made with: other limits get a fresh realm and leave it full', async () => {
    const factory = await loadRealmFactory({ size: 2, limits: LIMITS });
    await pooled(factory, 2);
    const other = factory.create({ stepMs: 100, memoryBytes: 4 * MB });
    expect(factory.pooled()).toBe(2);
    expect(other.evaluate('"fresh"')).toBe('fresh');
  });

  it('a runaway in a pooled realm ends only its own; the realms pooled in its retired module are dropped, and the pool refills from the fresh one', async () => {
    const factory = await loadRealmFactory({ size: 2, limits: LIMITS });
    await pooled(factory, 2);
    const bystander = factory.create(LIMITS);
    bystander.run('var kept = 1;');
    const runaway = factory.create(LIMITS);
    expect(
      failure(() => runaway.run('var a = []; while (true) a.push("x".repeat(1e6) + a.length);')).kind,
    ).toBe('memory');
    expect(factory.pooled()).toBe(0);
    expect(bystander.evaluate('kept + 1')).toBe(2);
    await factory.settled();
    await pooled(factory, 2);
    expect(factory.create(LIMITS).evaluate('typeof a')).toBe('undefined');
  });

  it('[E1] a size that is not a whole number of realms is refused, naming it', () => {
    const source = { make: () => 1, usable: () => true, discard: () => undefined };
    expect(() => new RealmPool({ size: -1, limits: LIMITS, idle: setImmediate }, source)).toThrow(
      "the pool's size must be a whole number of realms, got -1",
    );
  });
});
