import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedSet } from './indexed-set';
import { Random } from './random';

describe('IndexedSet', () => {
  it('behaves like a Set under any sequence of adds and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 20 })), { maxLength: 200 }),
        (ops) => {
          const set = new IndexedSet<number>();
          const model = new Set<number>();
          for (const [add, x] of ops) {
            if (add) {
              set.add(x);
              model.add(x);
            } else {
              set.delete(x);
              model.delete(x);
            }
            expect(set.size).toBe(model.size);
          }
          expect([...set.values()].sort((a, b) => a - b)).toEqual([...model].sort((a, b) => a - b));
          for (let x = 0; x <= 20; x++) expect(set.has(x)).toBe(model.has(x));
        },
      ),
    );
  });

  it('picks only members', () => {
    const set = new IndexedSet<string>();
    for (const x of ['a', 'b', 'c', 'd']) set.add(x);
    set.delete('b');
    const random = new Random(5);
    const picked = new Set<string>();
    for (let i = 0; i < 200; i++) picked.add(set.pick(random));
    expect([...picked].sort()).toEqual(['a', 'c', 'd']);
  });
});
