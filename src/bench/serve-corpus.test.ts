import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../extract/pipeline.js';
import { getPlace } from '../extract/regions.js';
import type { Extraction } from '../schema.js';
import { loadCorpus, type BenchDoc } from './corpus.js';
import { prng } from './random.js';
import { generateServeCorpus, shiftAndVary, type ServeDoc } from './serve-corpus.js';

let samples: BenchDoc[];
let docs: ServeDoc[];
const originals = new Map<string, Extraction>();

beforeAll(async () => {
  samples = await loadCorpus();
  for (const s of samples) originals.set(s.name, extract(s.text, { doc: s.name }));
  // 40 documents, one region each (docsPerRegion 1): every template 4 times, years shifted 0 … -3.
  docs = [...generateServeCorpus(samples, { docs: 40, seed: 7, docsPerRegion: 1 }).docs];
});

function sample(name: string): BenchDoc {
  const s = samples.find((d) => d.name === name);
  if (!s) throw new Error(`no sample ${name}`);
  return s;
}

describe('generateServeCorpus', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = [...generateServeCorpus(samples, { docs: 40, seed: 7, docsPerRegion: 1 }).docs];
    expect(again.map((d) => d.name)).toEqual(docs.map((d) => d.name));
    expect(again.map((d) => d.text)).toEqual(docs.map((d) => d.text));
    const other = [...generateServeCorpus(samples, { docs: 10, seed: 8, docsPerRegion: 1 }).docs];
    expect(other.map((d) => d.text)).not.toEqual(docs.slice(0, 10).map((d) => d.text));
  });

  it('makes distinct texts, every template in turn', () => {
    expect(docs).toHaveLength(40);
    expect(new Set(docs.map((d) => d.text)).size).toBe(40);
    expect(new Set(docs.map((d) => d.template)).size).toBe(samples.length);
    for (const d of docs) expect(d.bytes).toBe(Buffer.byteLength(d.text, 'utf8'));
  });

  it('moves each copy to a real region of the same level that extraction detects', () => {
    let hits = 0;
    for (const d of docs) {
      const place = getPlace(d.region.code);
      expect(place?.name).toBe(d.region.name);
      const original = originals.get(d.template)!.meta.region!;
      expect(d.region.level).toBe(original.level);
      if (original.name && original.code !== d.region.code) expect(d.text).not.toContain(original.name);
      if (extract(d.text, { doc: d.name }).meta.region?.code === d.region.code) hits++;
    }
    expect(hits / docs.length).toBeGreaterThanOrEqual(0.9);
  });

  it('replaces the parents and short forms too (岳阳楼区, 岳阳市, 岳阳, 湖南省)', () => {
    const copies = docs.filter((d) => d.template === 'yueyanglou-2021' && !d.region.code.startsWith('43'));
    expect(copies.length).toBeGreaterThan(0);
    for (const d of copies) {
      for (const name of ['岳阳楼区', '岳阳市', '湖南省', '湖南']) expect(d.text).not.toContain(name);
      expect(d.text.startsWith(`${d.region.name}人民政府代区长`)).toBe(true);
    }
  });

  it('fills a redacted region (**区) with the new one', () => {
    const d = docs.find((x) => x.template === 'guandu-2021h1-plan')!;
    expect(d.text).toContain(`${d.region.name}人民政府副区长`);
    expect(extract(d.text, { doc: d.name }).meta.region?.code).toBe(d.region.code);
  });

  it('shifts every year consistently and gives a region several years', () => {
    const shifts = new Set(docs.map((d) => d.yearShift));
    expect([...shifts].sort()).toEqual([-3, -2, -1, 0].sort());
    for (const d of docs.filter((x) => x.template === 'yueyanglou-2021' || x.template === 'furong-2020h1')) {
      const base = originals.get(d.template)!.meta;
      const meta = extract(d.text, { doc: d.name }).meta;
      const shift = (p: string | null): string | null => p && p.replace(/\d{4}/g, (y) => String(Number(y) + d.yearShift));
      expect(meta.review_period).toBe(shift(base.review_period));
      expect(meta.plan_period).toBe(shift(base.plan_period));
      if (base.date) expect(meta.date).toBe(shift(base.date));
    }
  });

  it('changes the figures and still extracts the facts', () => {
    for (const name of ['yueyanglou-2021', 'guandu-2021h1-plan', 'furong-2020h1']) {
      const base = originals.get(name)!;
      for (const d of docs.filter((x) => x.template === name)) {
        const x = extract(d.text, { doc: d.name });
        expect(x.facts.length).toBeGreaterThanOrEqual(Math.floor(base.facts.length * 0.8));
        // The same statement (indicator, measure, kind) has another value.
        const gdp = (e: Extraction) => e.facts.find((f) => f.indicator === 'gdp' && f.measure === 'level' && f.value !== null);
        if (gdp(base) && gdp(x)) expect(gdp(x)!.value).not.toBe(gdp(base)!.value);
        for (const f of x.facts) if (f.unit === '%' && f.value !== null && Math.abs(f.value) <= 100) expect(Math.abs(f.value)).toBeLessThanOrEqual(100);
      }
    }
    const projects = docs.filter((d) => d.template === 'news-shaoyang-eleven-projects').map((d) => extract(d.text, { doc: d.name }).projects.length);
    expect(Math.min(...projects)).toBeGreaterThan(0);
    expect(sample('news-shaoyang-eleven-projects').text).toContain('11个重点产业项目');
  });
});

describe('shiftAndVary', () => {
  const r = { rand: prng(3), scale: 2 };

  it('shifts years, leaves months, days, ordinals and codes alone', () => {
    const text = '发布时间 : 2020-07-31 15:43 ——2021年8月31日第35次会议,1-8月,COP15大会,5G基站,“十三五”时期,2016-2020年';
    const out = shiftAndVary(text, -2, 2020, r);
    expect(out).toBe('发布时间 : 2018-07-31 15:43 ——2019年8月31日第35次会议,1-8月,COP15大会,5G基站,过去五年时期,2014-2018年');
    expect(shiftAndVary('“十三五”及2020年', -5, 2020, r)).toBe('“十二五”及2015年');
  });

  it('scales amounts and keeps percentages plausible', () => {
    const out = shiftAndVary('地区生产总值528亿元,增长8.1%,占比达99%,完成100%,1.5万人', 0, 2020, { rand: prng(5), scale: 2 });
    const m = /生产总值(\d+)亿元,增长(\d+\.\d)%,占比达(\d+(?:\.\d)?)%,完成100%,(\d+\.\d)万人/.exec(out);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(900);
    expect(Number(m![2])).toBeGreaterThan(5);
    expect(Number(m![2])).toBeLessThan(11);
    expect(Number(m![3])).toBeLessThan(100);
    expect(Number(m![4])).toBeGreaterThan(2.5);
  });
});
