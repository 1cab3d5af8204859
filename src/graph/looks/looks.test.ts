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
    const a = { state: 'routing' };
    const b = { state: 'handling' };
    looks.begin();
    looks.set('a', a);
    looks.set('b', b);
    looks.publish();
    looks.begin();
    looks.set('a', { state: 'handling' });
    looks.set('b', b);
    expect(looks.get('a')).toEqual({ state: 'handling' });
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
    looks.set('gone', { state: 'ended' });
    looks.sweep();
    looks.begin();
    looks.sweep();
    expect(looks.get('gone')).toEqual({ state: 'ended' });
    looks.begin();
    looks.sweep();
    expect(looks.get('gone')).toBeUndefined();
  });

  it('stops telling a node that unsubscribed', () => {
    const looks = new NodeLooks();
    let heard = 0;
    const unsubscribe = looks.subscribe('a', () => heard++);
    unsubscribe();
    looks.begin();
    looks.set('a', {});
    looks.publish();
    expect(heard).toBe(0);
  });
});
