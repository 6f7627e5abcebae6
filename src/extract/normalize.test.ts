import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.js';
import { extract } from './pipeline.js';
import { factsOf, showFact, workReport } from './examples.js';

// Each row: the original, the view the rules read.
const VIEWS: Array<[string, string]> = [
  ['地区生产总值\u200b670.68亿元', '地区生产总值670.68亿元'],
  ['增长\u00a010%', '增长 10%'],
  ['１２.５％', '12.5%'],
  ['ＧＤＰ增长７％', 'GDP增长7%'],
  ['全區(qū)地區(qū)生產總值', '全区地区生产总值'],
  ['蚌（bèng）埠市', '蚌埠市'],
  ['社區(qu1)', '社区'],
  ['億元', '亿元'],
  ['發展', '发展'],
  ['固定資產投資增長10%以上', '固定资产投资增长10%以上'],
  ['（一）主要目标', '（一）主要目标'],
  ['园区(含空港区)', '园区(含空港区)'],
  ['增长\ufffd8.6%', '增长8.6%'],
  // Emoji a page decorates its headings and title with; a CJK extension character is no emoji.
  ['二、2021年工作安排🎯', '二、2021年工作安排'],
  ['✅地区生产总值增长6%', '地区生产总值增长6%'],
  ['❤️青禾县招商引资⭐', '青禾县招商引资'],
  ['🇨🇳白沙镇2022年工作回顾👍🏽', '白沙镇2022年工作回顾'],
  ['1️⃣城镇新增就业', '1城镇新增就业'],
  ['𠮷野家（一）主要目标', '𠮷野家（一）主要目标'],
  ['签约★项目', '签约项目'],
];

/** A text laid out at `width` characters a line (a PDF's text layer): paragraphs indented, a page number between pages; and its plain text. */
function wrapped(paragraphs: string[], width: number): { original: string; plain: string } {
  const lines: string[] = [];
  const bodies = paragraphs.map((p) => (/^[一二三四五六七八九十]+、/.test(p) || p.length < 20 ? p : `\u3000\u3000${p}`));
  for (const body of bodies) {
    for (let i = 0; i < body.length; i += width) {
      lines.push(body.slice(i, i + width));
      if (lines.length === 9) lines.push('— 1 —');
    }
  }
  return { original: lines.join('\n'), plain: bodies.join('\n') };
}

// Hard-wrapped full work reports (the held-out kind read from PDFs): the breaks inside paragraphs are
// taken out, wherever they fall (inside a name, a number, before a comma); paragraph breaks, headings
// and short lines stay; a page number between two lines of a paragraph goes with the break.
const WRAPPED: Array<[string[], number]> = [
  [
    [
      '政府工作报告',
      '一、“十二五”时期及2015年工作回顾',
      '五年来，综合实力显著增强。地区生产总值由2010年的62.4亿元增加到2015年的108.7亿元，年均增长11.3%；财政总收入由5.6亿元增加到13.2亿元，年均增长18.7%；社会消费品零售总额达到36.8亿元，年均增长14.6%。',
      '2015年，全年完成地区生产总值108.7亿元，增长9.2%；规模以上工业增加值48.3亿元，增长9.8%；全社会固定资产投资126.5亿元，增长17.2%；城镇居民人均可支配收入23860元，增长8.8%。',
      '二、2016年工作安排',
      '全年经济社会发展的主要预期目标是：地区生产总值增长8.5%；规模以上工业增加值增长9%；全社会固定资产投资增长15%；社会消费品零售总额增长11%。',
    ],
    23,
  ],
  [
    [
      '宜都市2024年政府工作报告',
      '过去一年工作回顾',
      '这一年，我们稳中求进，综合实力再上台阶。预计全年地区生产总值突破830亿元、增长7.2%；规模以上工业增加值增长9.5%，固定资产投资增长11.3%；社会消费品零售总额达到198.6亿元、增长8.7%。一般公共预算收入完成25.3亿元、增长12.6%。',
      '今年工作的总体要求和主要预期目标',
      '综合考虑各方面因素，今年经济社会发展的主要预期目标是：地区生产总值增长7%左右；规模以上工业增加值增长8%以上；固定资产投资增长10%以上；城镇新增就业6000人以上。',
    ],
    19,
  ],
];

describe('hard-wrapped text', () => {
  it.each(WRAPPED)('%#: reads as its unwrapped text, quotes grounded in the original', (paragraphs, width) => {
    const { original, plain } = wrapped(paragraphs, width);
    expect(original.split('\n').length).toBeGreaterThan(paragraphs.length + 6);
    const view = normalizeText(original);
    expect(view.text).toBe(plain);
    const got = extract(original, { doc: 'wrapped' });
    expect(got.facts.map(showFact)).toEqual(extract(plain, { doc: 'plain' }).facts.map(showFact));
    for (const f of got.facts) expect(original.slice(f.span[0], f.span[1])).toBe(f.quote);
    expect(got.facts.length).toBeGreaterThan(8);
  });

  it('leaves a text of ragged lines alone', () => {
    const ragged = workReport('全区实现地区生产总值670.68亿元，同比增长10%。\n城镇新增就业5200人。\n固定资产投资增长9%。');
    expect(normalizeText(ragged).identical).toBe(true);
  });
});

describe('normalizeText', () => {
  it.each(VIEWS)('%j reads as %j', (original, view) => {
    expect(normalizeText(original).text).toBe(view);
  });

  it('maps every span of the view back to the same characters of the original', () => {
    const original = '全區(qū)地區生產總值\u200b６７０.６８億元，同比增長10%。';
    const v = normalizeText(original);
    expect(v.text).toBe('全区地区生产总值670.68亿元，同比增长10%。');
    const at = (s: string): [number, number] => [v.text.indexOf(s), v.text.indexOf(s) + s.length];
    const back = (s: string): string => original.slice(...v.toSource(at(s)));
    expect(back('地区生产总值670.68亿元')).toBe('地區生產總值\u200b６７０.６８億元');
    expect(back('全区')).toBe('全區'); // a gloss after the last character is outside the quote
    expect(back('全区地区')).toBe('全區(qū)地區');
    expect(back('增长10%')).toBe('增長10%');
  });

  it('maps spans around and across a dropped emoji back to the original', () => {
    const original = '一、2020年工作回顾🎯\n全区地区生产总值🔥670.68亿元。';
    const v = normalizeText(original);
    expect(v.text).toBe('一、2020年工作回顾\n全区地区生产总值670.68亿元。');
    const at = (s: string): [number, number] => [v.text.indexOf(s), v.text.indexOf(s) + s.length];
    const back = (s: string): string => original.slice(...v.toSource(at(s)));
    expect(back('地区生产总值670.68亿元')).toBe('地区生产总值🔥670.68亿元');
    expect(back('一、2020年工作回顾')).toBe('一、2020年工作回顾');
    expect(back('670.68亿元')).toBe('670.68亿元');
  });

  it('leaves clean Simplified text as it is, without a map', () => {
    const v = normalizeText('地区生产总值670.68亿元，同比增长10%。');
    expect(v.identical).toBe(true);
    expect(v.traditional).toBe(false);
  });

  it('tells Traditional text from Simplified text that quotes one Traditional character', () => {
    expect(normalizeText('各位代表：過去一年，全區經濟發展穩中有進。').traditional).toBe(true);
    const mixed = normalizeText('各位代表：过去一年，全区经济发展稳中有进，權益保障。');
    expect(mixed.traditional).toBe(false);
    expect(mixed.text).toContain('权益');
  });

  it('does not take a parenthesised English word or a list letter for a gloss', () => {
    expect(normalizeText('完成(a)项').text).toBe('完成(a)项');
    expect(normalizeText('国内生产总值(GDP)').text).toBe('国内生产总值(GDP)');
  });
});

describe('extraction through the view', () => {
  it('reads noisy text like clean text, quoting the original characters', () => {
    const clean = workReport('全年实现地区生产总值670.68亿元，同比增长10%。');
    const noisy = workReport('全年实现地区生产\u200b总值６７０.６８亿元，同比增长\u00a010％。');
    expect(factsOf(noisy)).toEqual(factsOf(clean));
    for (const f of extract(noisy, { doc: 'noisy' }).facts) {
      expect(noisy.slice(f.span[0], f.span[1])).toBe(f.quote);
    }
    expect(extract(noisy, { doc: 'noisy' }).facts[0]!.quote).toContain('６７０.６８');
  });

  it('reads headings and figures decorated with emoji like plain ones', () => {
    const clean = workReport('全年实现地区生产总值670.68亿元，同比增长10%。', '地区生产总值增长7%左右。');
    const decorated = clean.replace(/(工作回顾|工作安排|目标)\n/g, '$1🎯\n').replace('670.68亿元', '670.68亿元📈');
    expect(decorated).not.toBe(clean);
    expect(factsOf(decorated)).toEqual(factsOf(clean));
    for (const f of extract(decorated, { doc: 'emoji' }).facts) expect(decorated.slice(f.span[0], f.span[1])).toBe(f.quote);
  });

  it('reads a Traditional reprint of every development document like the Simplified text', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    for (const name of ['yueyanglou-2021', 'guandu-2021h1-plan', 'news-shaoyang-eleven-projects']) {
      const simplified = readFileSync(new URL(`../../corpus/dev/${name}.txt`, import.meta.url), 'utf8');
      const traditional = toTraditional(simplified);
      expect(traditional).not.toBe(simplified);
      const a = extract(simplified, { doc: name });
      const b = extract(traditional, { doc: name });
      expect(b.facts.map(showFact)).toEqual(a.facts.map(showFact));
      expect(b.projects.map((p) => [p.stage, p.investment?.value, p.count, p.name])).toEqual(
        a.projects.map((p) => [p.stage, p.investment?.value, p.count, p.name]),
      );
      expect(b.meta.region).toEqual(a.meta.region);
      for (const f of [...b.facts, ...b.projects]) {
        expect(traditional.slice(f.span[0], f.span[1])).toBe(f.quote);
      }
    }
  });

  it('gives each fact the page its quote starts on', () => {
    const text = workReport('全年实现地区生产总值670.68亿元。', '地区生产总值增长7%左右。');
    const planAt = text.indexOf('二、');
    const x = extract(text, { doc: 'paged', pages: [0, planAt] });
    expect(x.facts.map((f) => [f.kind, f.page])).toEqual([
      ['actual', 1],
      ['target', 2],
    ]);
    expect(extract(text, { doc: 'flat' }).facts[0]!.page).toBeUndefined();
  });
});

// A PDF's text wrapped at a width: the wrap's line breaks are not in the view (a name or a
// qualifier split over two lines reads whole); paragraph ends, indents and headings stay.
const WRAPPED_NATIONAL = [
  '政府工作报告',
  '——2020年5月22日在第十三届全国人民代表大会第三次会议上',
  '各位代表：',
  '　　一、2019年工作回顾',
  '　　过去一年，我国发展面临国内外风险挑战明显上升的复杂局面。国内生产总值',
  '增长6.1%，城镇新增就业1352万人，调查失业率在5.3%以下。居民消',
  '费价格上涨2.9%。国际收支基本平衡。农村贫困人口减少1109万，贫困发',
  '生率降至0.6%。',
  '　　二、今年发展主要目标和下一步工作总体部署',
  '　　今年发展主要目标是：城镇新增就业900万人以上，城镇调查失业率6%左',
  '右，城镇登记失业率5.5%左右；居民消费价格涨幅3.5%左右；进出口促稳',
  '提质，国际收支基本平衡；居民收入增长与经济增长基本同步；单位国内生产总',
  '值能耗和主要污染物排放量继续下降。',
].join('\n');

describe('a hard-wrapped national report', () => {
  it('joins the lines of a paragraph and keeps its ends', () => {
    const v = normalizeText(WRAPPED_NATIONAL);
    expect(v.text).toContain('国内生产总值增长6.1%');
    expect(v.text).toContain('城镇调查失业率6%左右');
    expect(v.text).toContain('贫困发生率降至0.6%。\n　　二、');
    expect(v.text.split('\n')).toHaveLength(7);
  });
  it('quotes the original, wrap included', () => {
    const facts = extract(WRAPPED_NATIONAL, { doc: 'w' }).facts;
    const cpi = facts.find((f) => f.indicator === 'cpi' && f.kind === 'actual')!;
    expect(cpi.quote).toBe('居民消\n费价格上涨2.9%');
    expect(WRAPPED_NATIONAL.slice(cpi.span[0], cpi.span[1])).toBe(cpi.quote);
  });
  it('leaves a text whose paragraphs are lines of their own as it is', () => {
    const text = workReport('全区实现地区生产总值670.68亿元，同比增长10%。\n社会消费品零售总额与去年持平。\n一般公共预算收入同比下降7.6%。');
    expect(normalizeText(text).identical).toBe(true);
  });
});
