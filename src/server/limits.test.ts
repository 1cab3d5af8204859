import { describe, expect, it } from 'vitest';
import { exceedsJsonLength } from './payload-size';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('lets a burst through, then `rate` per second, and never saves up more than the burst', () => {
    let now = 0;
    const bucket = new TokenBucket(500, 1000, () => now);
    const takes = (tries: number) =>
      Array.from({ length: tries }, () => bucket.take()).filter(Boolean).length;
    expect(takes(1500)).toBe(1000);
    now += 10;
    expect(takes(100)).toBe(5);
    now += 60_000;
    expect(takes(5000)).toBe(1000);
  });
});

describe('exceedsJsonLength', () => {
  it('compares a message with a limit in characters of JSON', () => {
    const messages: unknown[] = [
      { v: 1, type: 'command', id: 1, command: { verb: 'arrive', udata: { k: 'x'.repeat(100), n: 2.5 } } },
      [{}, [], [null, true, [1, 2]], { a: {} }],
      'text',
    ];
    for (const message of messages) {
      const length = JSON.stringify(message).length;
      expect([exceedsJsonLength(message, length), exceedsJsonLength(message, length - 1)]).toEqual([
        false,
        true,
      ]);
    }
    expect(exceedsJsonLength(new Uint8Array(2000), 1000)).toBe(true);
  });

  it('copes with any depth and size, stopping as soon as the limit is passed: what lies beyond is never read', () => {
    const indexReads: string[] = [];
    const watched = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(inner, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) indexReads.push(key);
          return Reflect.get(inner, key, receiver);
        },
      });
    // Ten million elements are over the limit in commas alone: not one of them is read.
    expect(exceedsJsonLength(watched(new Array(10_000_000)), 64 * 1024)).toBe(true);
    // A million levels deep, past the limit long before the innermost, which is never reached.
    let deep: unknown = watched(['innermost']);
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(exceedsJsonLength(deep, 64 * 1024)).toBe(true);
    expect(indexReads).toEqual([]);
  });
});
