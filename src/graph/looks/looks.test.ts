import { describe, expect, it } from 'vitest';
import { NodeLooks } from './looks';

/** Looks with one listener per node id, counting what each heard. */
function watched(ids: string[]) {
  const looks = new NodeLooks();
  const heard = new Map(ids.map((id) => [id, 0]));
  for (const id of ids) looks.subscribe(id, () => heard.set(id, (heard.get(id) ?? 0) + 1));
  return { looks, heard };
}

describe('node looks', () => {
  it('tells only the nodes whose look changed, and only once published', () => {
    const { looks, heard } = watched(['a', 'b']);
    const a = { count: 1, flash: false };
    const b = { count: 2, flash: false };
    looks.begin();
    looks.set('unowned', 'a', a);
    looks.set('unowned', 'b', b);
    looks.publish();
    looks.begin();
    looks.set('unowned', 'a', { count: 2, flash: false });
    looks.set('unowned', 'b', b);
    expect(looks.get('unowned', 'a')).toEqual({ count: 2, flash: false });
    expect(heard).toEqual(
      new Map([
        ['a', 1],
        ['b', 1],
      ]),
    );
    looks.publish();
    expect(heard).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
    );
    looks.publish();
    expect(heard).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
    );
  });

  it('keeps the look of a node that left for one more round, for its way out', () => {
    const looks = new NodeLooks();
    looks.begin();
    looks.set('unowned', 'gone', { count: 0, flash: true });
    looks.sweep();
    looks.begin();
    looks.sweep();
    expect(looks.get('unowned', 'gone')).toEqual({ count: 0, flash: true });
    looks.begin();
    looks.sweep();
    expect(looks.get('unowned', 'gone')).toBeUndefined();
  });

  it('gives a look back only as the kind it was set as', () => {
    const looks = new NodeLooks();
    looks.begin();
    looks.set('unowned', 'unowned', { count: 3, flash: false });
    expect(looks.get('unowned', 'unowned')?.count).toBe(3);
    expect(looks.get('session', 'unowned')).toBeUndefined();
  });

  it('stops telling a node that unsubscribed', () => {
    const looks = new NodeLooks();
    let heard = 0;
    const unsubscribe = looks.subscribe('a', () => heard++);
    unsubscribe();
    looks.begin();
    looks.set('unowned', 'a', { count: 0, flash: false });
    looks.publish();
    expect(heard).toBe(0);
  });
});
