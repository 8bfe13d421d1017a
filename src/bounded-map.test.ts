import { describe, expect, it } from 'vitest';

import { BoundedMap } from './bounded-map.js';

describe('BoundedMap', () => {
  it.each<[string, (map: BoundedMap<string, number>) => void, Array<[string, number | undefined]>, number]>([
    ['keeps entries up to the limit', (map) => { map.set('a', 1); map.set('b', 2); }, [['a', 1], ['b', 2]], 2],
    ['evicts the oldest entry past the limit', (map) => { map.set('a', 1); map.set('b', 2); map.set('c', 3); }, [['a', undefined], ['b', 2], ['c', 3]], 2],
    ['a read makes an entry the newest', (map) => { map.set('a', 1); map.set('b', 2); map.get('a'); map.set('c', 3); }, [['a', 1], ['b', undefined], ['c', 3]], 2],
    ['reads in turn leave the last one read the newest', (map) => { map.set('a', 1); map.set('b', 2); map.get('a'); map.get('b'); map.set('c', 3); }, [['a', undefined], ['b', 2], ['c', 3]], 2],
    ['overwriting makes an entry the newest without growing', (map) => { map.set('a', 1); map.set('b', 2); map.set('a', 9); map.set('c', 3); }, [['a', 9], ['b', undefined], ['c', 3]], 2],
    ['delete forgets an entry and frees its place', (map) => { map.set('a', 1); map.set('b', 2); map.delete('a'); map.set('c', 3); }, [['a', undefined], ['b', 2], ['c', 3]], 2],
    ['after the newest is deleted, a read still makes an entry the newest', (map) => { map.set('a', 1); map.set('b', 2); map.delete('b'); map.set('b', 2); map.get('a'); map.set('c', 3); }, [['a', 1], ['b', undefined], ['c', 3]], 2],
  ])('%s', (_, fill, expected, size) => {
    const map = new BoundedMap<string, number>(2);
    fill(map);
    expect(expected.map(([key]) => [key, map.get(key)])).toEqual(expected);
    expect(map.size).toBe(size);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the limit %s', (limit) => {
    expect(() => new BoundedMap(limit)).toThrow(RangeError);
  });
});
