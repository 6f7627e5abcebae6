import { describe, expect, test } from 'vitest';
import { ancestorCodes, queryTerms, regionIndex, type RegionLike } from './region-search.js';

const R = (code: string, name: string | null, fact_count: number, level = 'county'): RegionLike => ({ code, name, level, fact_count });

const items: RegionLike[] = [
  R('430000', '湖南省', 0, 'province'),
  R('430600', '岳阳市', 5, 'prefecture'),
  R('430602', '岳阳楼区', 33),
  R('430621', '岳阳县', 0),
  R('430102', '芙蓉区', 10),
  R('430181', '浏阳市', 0),
  R('140106', '迎泽区', 690),
  R('530111', null, 2),
];

describe('ancestorCodes', () => {
  test('county, prefecture, province and township codes', () => {
    expect(ancestorCodes('430602')).toEqual(['430600', '430000']);
    expect(ancestorCodes('430600')).toEqual(['430000']);
    expect(ancestorCodes('430000')).toEqual([]);
    expect(ancestorCodes('430602001000')).toEqual(['430602', '430600', '430000']);
    expect(ancestorCodes('abc')).toEqual([]);
  });
});

describe('queryTerms', () => {
  test('splits on spaces and Chinese separators', () => {
    expect(queryTerms('  湖南  岳阳，')).toEqual(['湖南', '岳阳']);
    expect(queryTerms('')).toEqual([]);
  });
});

describe('regionIndex', () => {
  const index = regionIndex(items);

  test('blank query: every region, most facts first', () => {
    expect(index.find('').map((r) => r.code)).toEqual(['140106', '430602', '430102', '430600', '530111', '430000', '430181', '430621']);
  });

  test('parent names come from the listed regions', () => {
    expect(index.parentOf('430602')).toBe('湖南省 · 岳阳市');
    expect(index.parentOf('430102')).toBe('湖南省');
    expect(index.parentOf('140106')).toBe('');
  });

  test('part of a name; regions with data first', () => {
    expect(index.find('岳阳').map((r) => r.name)).toEqual(['岳阳楼区', '岳阳市', '岳阳县']);
    expect(index.find('芙蓉').map((r) => r.code)).toEqual(['430102']);
  });

  test('an exact name comes first even without data', () => {
    expect(index.find('岳阳县')[0]?.code).toBe('430621');
  });

  test('a code prefix', () => {
    expect(index.find('4306').map((r) => r.code)).toEqual(['430602', '430600', '430621']);
    expect(index.find('430102').map((r) => r.code)).toEqual(['430102']);
    expect(index.find('530111').map((r) => r.code)).toEqual(['530111']);
  });

  test('a parent name finds the regions under it; several terms must all match', () => {
    expect(index.find('湖南').map((r) => r.code)).toEqual(['430602', '430102', '430600', '430000', '430181', '430621']);
    expect(index.find('湖南 区').map((r) => r.code)).toEqual(['430602', '430102']);
    expect(index.find('不存在')).toEqual([]);
  });
});
