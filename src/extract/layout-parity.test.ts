// The layout-parity bar: every document of the sample corpus (corpus/dev,
// corpus/wild), rewritten as real scrapes lay it out (src/bench/layouts.ts),
// gives the facts (estimated alike), projects and meta (the referee's fields,
// and the title up to punctuation width) of its plain text, every quote grounded in the
// variant's text at its span. The plain text's extraction is the gold, scored
// as the referee scores (src/bench/score.ts); `npm run layout` prints the table.
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutPasses, runLayout, sameTitle, type LayoutResult } from '../bench/layout.js';
import { LAYOUT_VARIANTS, layoutVariant, type LayoutVariant, type PlainMeta } from '../bench/layouts.js';

/**
 * Documents a variant still changes, with what differs and where the cause
 * is; each is a failure to fix, not an expectation: take the row out when the
 * document reaches parity (the test below then holds it there). The chrome
 * variant (breadcrumb, 字号, 打印本页 above the title) changes every document
 * today (the first chrome line is read as the title and the place, type and
 * periods follow it: meta.ts), so it is not asserted yet; `npm run layout
 * --variants chrome` shows it.
 */
const PENDING: Partial<Record<LayoutVariant, Record<string, string>>> = {
  joined: {
    'furong-2020h1': 'plan_period: the 下半年工作安排 heading run into its paragraph does not open its section (structure.ts)',
    'guandu-2021h1-plan': 'plan_period and the 2021 targets read as results: the plan heading run into the paragraph (structure.ts)',
    'yueyanglou-2021': '一、“十三五”及2020年工作回顾 and 二、2021年工作安排 run into their paragraphs: spans, targets and periods lost (structure.ts, context.ts)',
    'hubei-2023-bullets-glossed': 'five 2022 results lost or moved to 2023: bullet lines without end punctuation run together (再创新高新增城镇就业91.6万人…), the clause or its year is lost (facts.ts / context.ts)',
    'hubei-huanggang-2023-signing': 'date: the plain text gives null (its first line 2023年01月10日 is read as the title, so not as the date; gold 2023-01-10), the joined text 2023-01-10 (meta.ts)',
    'licheng-putian-2023-plan': 'review_period and five 2022 levels lost: 一、2022年国民经济和社会发展计划执行情况 run into its paragraph (structure.ts)',
    'lixian-2017-pby-noise': 'review_period: the plain text gives 2012-2016 from the heading 一、过去五年工作回顾 (gold 2016: a work report reviewing five years and the last year has the year), the joined text 2016; and an extra 2016 fixed_asset_investment level (structure.ts, periods.ts)',
    'ooo-xiang-2012-township-redacted': 'date and review_period: the meeting-date line (2012年1月4日在ooo乡…会议上) run into the page\'s 内容发布更新时间 2024/11/17 sentence is not read, the page date wins, and the 2011 facts move to 2024 (meta.ts, periods.ts)',
  },
  'site-tag': {
    'furong-2020h1': 'doc_type: the tag\'s 招商 before a 工作报告 title makes it investment_news; review_period, plan_period and two facts follow (meta.ts)',
    'news-guiyang-cloud-signing': "region: the tag's 海淀区 is taken over the title's 桂阳县 (meta.ts)",
    'news-hunan-epidemic-bond': "region: the tag's 青羊区 is taken over the title's 湖南 (meta.ts)",
    'news-liuyang-rent-relief': "region: the tag's 南海区 is taken over the title's 浏阳 (meta.ts)",
    'news-shaoyang-africa-trade': "region: the tag's 天心区 is taken over the title's 邵阳 (meta.ts)",
    'news-shaoyang-battery': "region: the tag's 天心区 is taken over the title's 邵阳 (meta.ts)",
    'news-shaoyang-eleven-projects': "region: the tag's 南海区 is taken over the title's 邵阳 (meta.ts)",
    'lixian-2017-pby-noise': "doc_type (招商 over 工作报告), region (青羊区 over the title's 河北省/蠡县), periods and three facts follow (meta.ts)",
    'shanxi-hongtong-2019': 'doc_type: the tag\'s 招商 before a 统计公报 title makes it investment_news (meta.ts)',
    'xinjiang-2022': "doc_type (招商 over 工作报告), region (青羊区 over the title's 新疆), plan_period (meta.ts)",
    'zhejiang-jinyun-2023-trad': "doc_type (招商 over 统计公报) and region (萧山区 over the title's 缙云县) (meta.ts)",
  },
};

const ASSERTED = LAYOUT_VARIANTS.filter((v) => v !== 'chrome');

let results: LayoutResult[];
beforeAll(() => {
  results = runLayout();
}, 120_000);

describe('layout parity against the plain-text extraction', () => {
  it.each(ASSERTED)('%s: every document at parity but the pending ones; the pending ones still differ', (variant) => {
    const result = results.find((r) => r.variant === variant)!;
    const pending = PENDING[variant] ?? {};
    const scored = result.docs.filter((d) => d.score);
    expect(scored.length).toBeGreaterThan(0);
    const failing = scored.filter((d) => !layoutPasses(d)).map((d) => d.doc);
    expect(failing.filter((doc) => !(doc in pending)), `${variant}: documents off parity`).toEqual([]);
    // A pending document that reached parity: take its row out, so the test holds it there.
    expect(Object.keys(pending).filter((doc) => !failing.includes(doc)), `${variant}: pending rows now at parity`).toEqual([]);
    for (const d of scored.filter((x) => !(x.doc in pending))) {
      const s = d.score!;
      expect({ doc: d.doc, p: s.facts.p, r: s.facts.r, f: s.facts.f }).toEqual({ doc: d.doc, p: 1, r: 1, f: 1 });
      if (s.projects) expect({ doc: d.doc, projects: s.projects.f }).toEqual({ doc: d.doc, projects: 1 });
      expect({ doc: d.doc, metaWrong: s.metaWrong, title: sameTitle(d) }).toEqual({ doc: d.doc, metaWrong: [], title: true });
      expect({ doc: d.doc, estimated: s.estimated.ok, grounded: s.grounded.ok }).toEqual({ doc: d.doc, estimated: s.estimated.n, grounded: s.grounded.n });
    }
  });

  it('scores all 28 documents of both sets in every variant that applies', () => {
    for (const r of results) expect(r.docs).toHaveLength(28);
    const emoji = results.find((r) => r.variant === 'emoji')!;
    expect(emoji.summary.facts.gold).toBeGreaterThan(150);
    expect(emoji.summary.projects.gold).toBeGreaterThan(20);
  });
});

// The generator, row by row: plain text, its extraction's meta, the variant.
const META: PlainMeta = { title: '白沙镇2021年政府工作报告', region: { name: '白沙镇' }, date: '2021-01-12' };
const REPORT = ['白沙镇2021年政府工作报告', '各位代表：', '现在，我代表镇人民政府向大会报告工作，请予审议。', '一、2020年工作回顾', '2020年，全镇地区生产总值12.5亿元（预计数），增长6%。', '二、2021年工作安排', '地区生产总值增长7%左右。'].join('\n');

describe('layout variants', () => {
  it.each<[LayoutVariant, string, PlainMeta, string]>([
    [
      'joined', REPORT, META,
      '白沙镇2021年政府工作报告\n各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。一、2020年工作回顾2020年，全镇地区生产总值12.5亿元（预计数），增长6%。二、2021年工作安排地区生产总值增长7%左右。',
    ],
    [
      'joined', '青禾县招商引资签约10个项目\n2023年01月10日\n签约项目10个，\n总投资30亿元。\n| 项目 | 投资 |\n  项目集中开工。\n2025-07-09',
      { title: '青禾县招商引资签约10个项目', region: { name: '青禾县' }, date: null },
      '青禾县招商引资签约10个项目\n2023年01月10日\n签约项目10个，总投资30亿元。\n| 项目 | 投资 |\n项目集中开工。\n2025-07-09',
    ],
    ['site-tag', '【白沙招商】白沙镇2021年政府工作报告\n正文。', META, '【青羊区招商】白沙镇2021年政府工作报告\n正文。'],
    ['chrome', REPORT.split('\n').slice(0, 2).join('\n'), META, '您现在所在的位置: 首页>信息公开>正文\n字号：大 中 小\n打印本页 关闭窗口\n发布时间：2021-01-12  来源：本站  浏览次数：1024\n\n白沙镇2021年政府工作报告\n各位代表：'],
    ['punctuation', '全镇生产总值1,234.5亿元，增长6%（预计）。会议于10:30开始: "十四五"', META, '全镇生产总值1,234.5亿元,增长6％(预计)。会议于10:30开始： “十四五”'],
    ['emoji', REPORT, META, REPORT.replace('报告\n', '报告✅\n').replace('回顾\n', '回顾🔥\n').replace('安排\n', '安排🚀\n')],
  ])('%s: %j', (variant, text, meta, expected) => {
    const out = layoutVariant(variant, text, meta, 'baishazhen');
    expect(out).toEqual({ text: expected });
    expect(layoutVariant(variant, text, meta, 'baishazhen')).toEqual(out);
  });

  it('puts no tag where the title names no place of the region, whose tag may rightly name it', () => {
    expect(layoutVariant('site-tag', '政府工作报告\n正文。', { title: '政府工作报告', region: { name: '白沙镇' }, date: null }, 'x')).toEqual({
      skipped: 'the title names no place of the region',
    });
  });
});
