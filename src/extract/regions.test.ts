import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ancestors,
  findPlaces,
  gazetteerStats,
  getPlace,
  isRedacted,
  lookup,
  regionOf,
  resolvePlace,
  shortNames,
  type Place,
  type PlaceLevel,
} from './regions.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

function place(code: string): Place {
  const p = getPlace(code);
  if (!p) throw new Error(`no place ${code}`);
  return p;
}

describe('gazetteer load', () => {
  it('loads once and logs time and memory', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    expect(getPlace('430000')?.name).toBe('湖南省');
    const ms = performance.now() - t0;
    gc?.();
    const after = process.memoryUsage().heapUsed;
    console.log(
      `[regions] index: ${gazetteerStats.places} places, ${gazetteerStats.scanKeys} scan keys, ${gazetteerStats.trieNodes} trie nodes; ` +
        `build ${gazetteerStats.loadMs.toFixed(0)} ms (first call ${ms.toFixed(0)} ms); heapUsed delta ~${((after - before) / 1e6).toFixed(1)} MB${gc ? '' : ' (no GC forced)'}`,
    );
    expect(gazetteerStats.places).toBeGreaterThan(40000);
  });
});

// [name, context, code, level, parent code]
const RESOLVE: Array<[string, Array<Place | string>, string, PlaceLevel, string | null]> = [
  ['岳阳楼区', [], '430602', 'county', '430600'],
  ['芙蓉区', [], '430102', 'county', '430100'],
  ['芙蓉区', ['长沙市'], '430102', 'county', '430100'],
  ['桂阳县', [], '431021', 'county', '431000'],
  ['浏阳市', [], '430181', 'county', '430100'],
  ['邵阳市', [], '430500', 'prefecture', '430000'],
  ['邵阳', [], '430500', 'prefecture', '430000'],
  ['邵阳县', [], '430523', 'county', '430500'],
  ['湖南', [], '430000', 'province', null],
  ['湖南省', [], '430000', 'province', null],
  ['西湖区', ['南昌市'], '360103', 'county', '360100'],
  ['西湖区', ['杭州市'], '330106', 'county', '330100'],
  ['西湖区', ['杭州'], '330106', 'county', '330100'],
  ['靛房镇', [], '433130114000', 'township', '433130'],
  ['北京市', [], '110000', 'province', null],
  ['北京', [], '110000', 'province', null],
  ['东城区', ['北京'], '110101', 'county', '110000'],
  ['东华门街道', [], '110101001000', 'township', '110101'],
  ['渝中区', [], '500103', 'county', '500000'],
  ['朝阳区', ['长春市'], '220104', 'county', '220100'],
  ['朝阳区', ['北京市'], '110105', 'county', '110000'],
  ['长沙', [], '430100', 'prefecture', '430000'],
  ['吉林', [], '220000', 'province', null],
  ['恩施', [], '422800', 'prefecture', '420000'],
  ['湘西', [], '433100', 'prefecture', '430000'],
  ['内蒙古', [], '150000', 'province', null],
  ['仙桃市', [], '429004', 'county', '420000'],
  ['神农架', [], '429021', 'county', '420000'],
  ['五里牌街道', ['岳阳楼区'], '430602006000', 'township', '430602'],
  ['湖南省郴州市桂阳县', [], '431021', 'county', '431000'],
  ['邵阳市人民政府', [], '430500', 'prefecture', '430000'],
];

describe('resolvePlace', () => {
  for (const [name, context, code, level, parent] of RESOLVE) {
    const ctx = context.map((c) => (typeof c === 'string' ? c : c.name)).join(',');
    it(`${name}${ctx ? ` (context ${ctx})` : ''} → ${code} ${level}`, () => {
      const p = resolvePlace(name, context);
      expect(p).not.toBeNull();
      expect(p?.code).toBe(code);
      expect(p?.level).toBe(level);
      expect(p?.parentCode).toBe(parent);
    });
  }

  it('accepts Place objects as context (西湖区 + 南昌市 place → 360103)', () => {
    expect(resolvePlace('西湖区', [place('360100')])?.code).toBe('360103');
  });
  it('a county context pulls its prefecture (岳阳 + 岳阳楼区 → 岳阳市)', () => {
    expect(resolvePlace('岳阳', [place('430602')])?.code).toBe('430600');
  });

  for (const name of ['**区', '****', '＊＊县', '', '不存在的地方']) {
    it(`${JSON.stringify(name)} → null`, () => {
      expect(resolvePlace(name)).toBeNull();
    });
  }
  it('isRedacted spots masked names', () => {
    expect(isRedacted('**区')).toBe(true);
    expect(isRedacted('岳阳楼区')).toBe(false);
  });
});

// [name, codes lookup must return (in this order at the front)]
const LOOKUP: Array<[string, string[]]> = [
  ['西湖区', ['330106', '360103']],
  ['芙蓉区', ['430102']],
  ['邵阳', ['430500', '430523']],
  ['吉林', ['220000', '220200']],
  ['靛房镇', ['433130114000']],
  ['湖南', ['430000']],
];

describe('lookup', () => {
  for (const [name, codes] of LOOKUP) {
    it(`${name} → ${codes.join(', ')}`, () => {
      expect(lookup(name).map((p) => p.code)).toEqual(codes);
    });
  }
  it('unknown → []', () => {
    expect(lookup('火星市')).toEqual([]);
  });
});

describe('getPlace and ancestors', () => {
  it('东城区 110101: parent is 北京市, not the 110100 市辖区 pseudo level', () => {
    expect(getPlace('110100')).toBeUndefined();
    expect(ancestors(place('110101')).map((p) => p.code)).toEqual(['110000']);
  });
  it('仙桃市 429004: 429000 省直辖县级行政区划 is skipped', () => {
    expect(getPlace('429000')).toBeUndefined();
    expect(ancestors(place('429004')).map((p) => p.code)).toEqual(['420000']);
  });
  it('靛房镇 433130114000: 湖南省 > 湘西州 > 龙山县', () => {
    expect(ancestors(place('433130114000')).map((p) => p.name)).toEqual(['湖南省', '湘西土家族苗族自治州', '龙山县']);
  });
  it('东华门街道 110101001000 is a township of 东城区', () => {
    const p = place('110101001000');
    expect(p).toMatchObject({ name: '东华门街道', level: 'township', parentCode: '110101' });
  });
  it('normalizes 12-digit county codes and 9-digit township codes', () => {
    expect(getPlace('430602000000')?.name).toBe('岳阳楼区');
    expect(getPlace('433130114')?.name).toBe('靛房镇');
  });
});

// [code, full name, short forms]
const SHORT: Array<[string, string, string[]]> = [
  ['430000', '湖南省', ['湖南']],
  ['430500', '邵阳市', ['邵阳']],
  ['430181', '浏阳市', ['浏阳']],
  ['431021', '桂阳县', ['桂阳']],
  ['150000', '内蒙古自治区', ['内蒙古']],
  ['450000', '广西壮族自治区', ['广西']],
  ['650000', '新疆维吾尔自治区', ['新疆']],
  ['422800', '恩施土家族苗族自治州', ['恩施', '恩施州']],
  ['431226', '麻阳苗族自治县', ['麻阳', '麻阳县']],
  ['652800', '巴音郭楞蒙古自治州', ['巴音郭楞', '巴音郭楞州']],
  ['500240', '石柱土家族自治县', ['石柱', '石柱县']],
  ['310115', '浦东新区', ['浦东']],
  ['441803', '清新区', ['清新']],
  ['140109', '万柏林区', ['万柏林']],
  ['130426', '涉县', []], // one character left: no short form
  ['152921', '阿拉善左旗', ['阿左旗']], // no derived form, alias only
  ['433130114000', '靛房镇', []], // townships: full names only
];

describe('shortNames', () => {
  for (const [code, name, shorts] of SHORT) {
    it(`${name} → ${JSON.stringify(shorts)}`, () => {
      const p = place(code);
      expect(p.name).toBe(name);
      expect(shortNames(p)).toEqual(shorts);
    });
  }
});

describe('regionOf', () => {
  it('county place', () => {
    expect(regionOf(place('430602'))).toEqual({ name: '岳阳楼区', code: '430602', level: 'county' });
  });
  it('prefecture place', () => {
    expect(regionOf(place('430500'))).toEqual({ name: '邵阳市', code: '430500', level: 'prefecture' });
  });
  it('township place keeps its 12-digit code', () => {
    expect(regionOf(place('433130114000'))).toEqual({ name: '靛房镇', code: '433130114000', level: 'township' });
  });
  it('unknown county (redacted **区)', () => {
    expect(regionOf(null, 'county')).toEqual({ name: null, code: null, level: 'county' });
  });
  it('national → 000000', () => {
    expect(regionOf(null, 'national')).toEqual({ name: '全国', code: '000000', level: 'national' });
  });
});

// [text, expected mention texts]
const SCAN: Array<[string, string[]]> = [
  ['湖南省郴州市桂阳县积极创新招商引资手段', ['湖南省', '郴州市', '桂阳县']],
  ['龙山县靛房镇、麻阳县已经顺利脱贫', ['龙山县', '靛房镇', '麻阳县']],
  ['【邵阳招商】邵阳对非贸易', ['邵阳', '邵阳']],
  ['深化“平安岳阳楼区”建设', ['岳阳楼区']],
  ['广西南宁、江西南昌', ['广西', '南宁', '江西', '南昌']],
  ['中国光大银行长沙分行', ['长沙']],
  ['马鞍山市和县', ['马鞍山市', '和县']],
  ['西湖区', ['西湖区']],
  // A two-character name right after a year (2019年莒县人民政府工作报告, test/invented/report2-juxian-2019's title form).
  ['2019年莒县人民政府工作报告', ['莒县']],
  ['2023年和县政府工作报告', ['和县']],
  // common words, not places
  ['上半年新增城镇就业7000人', []],
  ['建成安置房450套', []],
  ['顺利通过省市检查', []],
  ['彻底消除重大安全隐患', []],
  ['县委副书记、代县长', []],
  ['市和县两级财政', []],
  ['全年和县域经济', []],
  ['振兴县域经济', []],
  ['推进乡村振兴和对外合作', []],
  ['北京路步行街', []],
  ['联合阿里巴巴集团', []],
  ['绿水青山就是金山银山', []],
  ['加快发展新兴产业', []],
  ['推进城区和开发区建设', []],
];

describe('findPlaces', () => {
  for (const [text, expected] of SCAN) {
    it(`${text} → ${expected.length ? expected.join(' ') : '(none)'}`, () => {
      const ms = findPlaces(text);
      expect(ms.map((m) => m.text)).toEqual(expected);
      for (const m of ms) {
        expect(text.slice(m.start, m.end)).toBe(m.text);
        expect(m.candidates.length).toBeGreaterThan(0);
      }
    });
  }

  it('spans and candidates on 湖南省郴州市桂阳县…', () => {
    const text = '湖南省郴州市桂阳县积极创新招商引资手段';
    const ms = findPlaces(text);
    expect(ms.map((m) => [m.start, m.end, m.candidates[0]?.code])).toEqual([
      [0, 3, '430000'],
      [3, 6, '431000'],
      [6, 9, '431021'],
    ]);
  });

  it('honours from/to with offsets into the whole text', () => {
    const text = '湖南省郴州市桂阳县';
    expect(findPlaces(text, 3, 9).map((m) => [m.start, m.end])).toEqual([
      [3, 6],
      [6, 9],
    ]);
    expect(findPlaces(text, 0, 4).map((m) => m.text)).toEqual(['湖南省']);
  });

  it('full-name candidates come before short-form ones (邵阳 → 邵阳市, 邵阳县)', () => {
    const [m] = findPlaces('邵阳对非贸易');
    expect(m?.candidates.map((p) => p.code)).toEqual(['430500', '430523']);
  });

  it('every scanSkip / blockedNextFor name in data/region-aliases.json is a real name or short form', () => {
    const cfg = JSON.parse(readFileSync(join(ROOT, 'data/region-aliases.json'), 'utf8')) as {
      scanSkip: string[];
      blockedNextFor: Record<string, string[]>;
    };
    const unknown = [...cfg.scanSkip, ...Object.keys(cfg.blockedNextFor)].filter((n) => lookup(n).length === 0);
    expect(unknown).toEqual([]);
  });

  it('throughput on ~1M characters of report text (logged, not asserted)', () => {
    let corpus = '';
    const dir = join(ROOT, 'corpus/dev');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) corpus += readFileSync(join(dir, f), 'utf8') + '\n';
    let text = '';
    while (text.length < 1_000_000) text += corpus;
    text = text.slice(0, 1_000_000);
    const bytes = Buffer.byteLength(text, 'utf8');
    findPlaces(text); // warm up
    let best = Infinity;
    let count = 0;
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      count = findPlaces(text).length;
      best = Math.min(best, performance.now() - t0);
    }
    const docs: string[] = [];
    for (let i = 0; i < text.length; i += 4000) docs.push(text.slice(i, i + 4000));
    const t1 = performance.now();
    for (const d of docs) findPlaces(d);
    const perDoc = performance.now() - t1;
    console.log(
      `[regions] findPlaces on ${text.length} chars (${(bytes / 1e6).toFixed(2)} MB UTF-8): ${best.toFixed(1)} ms, ${count} mentions, ` +
        `${(bytes / 1e6 / (best / 1000)).toFixed(0)} MB/s, ${(text.length / 1e6 / (best / 1000)).toFixed(1)} Mchar/s; ` +
        `${docs.length} × 4000-char docs: ${perDoc.toFixed(1)} ms (${(bytes / 1e6 / (perDoc / 1000)).toFixed(0)} MB/s)`,
    );
    expect(count).toBeGreaterThan(0);
  });
});
