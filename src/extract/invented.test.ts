// Invented documents of the held-out kinds, written and annotated per the spec
// before the engine read them (test/invented), scored in the referee's terms
// (src/bench/score.ts mirrors score.mjs). Floors at the scores the engine
// reaches now: raise them as it improves, never lower them.
//
// news-*, stat-*, mid-*, plan-*  investment news, news of a work report, statistics
//     releases, a mid-year report, a plan report.
// report-*  full local work reports (whole documents, not excerpts):
//     report-anfu-2016   安福县, clean line breaks, 一、/（一） headings, 十二五 review, 十三五 and 2016 targets
//     report-yulin-2021  玉林市, portal chrome and a 【site tag】 above the title, line breaks lost
//                        (headings run into paragraphs), 十三五 review, 十四五 and 2021 targets
//     report-yidu-2024   宜都市, 过去一年 / 今年工作的总体要求和主要预期目标 / 2024年主要工作, 预计全年
//     report-anfu-2016-pdf  the 安福县 report as a PDF's text layer gives it: hard line breaks at one
//                        printed width (inside names and numbers), indented paragraphs, page numbers
//                        (— 3 —) between lines; the same facts, quotes spanning the breaks
// report2-*  a second batch of full local work reports, written and annotated before the engine read them:
//     report2-wuhou-2022  成都市武侯区, 换届 year: a scraped page (portal chrome, 【site tag】, headings run into
//                        paragraphs, ——五年来 list paragraphs, half-width punctuation mixed in), 过去五年 and 2021
//                        review (两年平均增长), 今后五年 (2022-2026) and 2022 targets
//     report2-juxian-2019  山东莒县: a PDF's text layer hard-wrapped at one printed width with page numbers (- 5 -),
//                        预计 results, and a 主要经济指标 table whose columns are apart by runs of spaces
//                        (2019年目标增长（%） column, 9—10 range, 完成市下达任务)
// national-*  national work reports (国务院总理's 政府工作报告, 2007–2025: review of the last year and
//     the plan year's 主要预期目标). Layouts: plain, a portal's chrome (2019), an agency's dateline
//     (2009, 2023), Traditional characters (2012), lines lost (2016), a news-style meeting line without
//     its year (2017), a PDF hard-wrapped at 36 characters (2020), —— bullets (2022).
//     2007/2012/2016/2019/2023/2025 were the first batch, the rules fixed on them;
//     2009/2014/2017/2020/2022 a second batch written after, to check the fixes hold.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pool, scoreDocument, type DocScore, type Scorable } from '../bench/score.js';
import { extract } from './pipeline.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../test/invented');

const scores: DocScore[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.gold.json'))
  .map((f) => f.slice(0, -'.gold.json'.length))
  .sort()
  .map((name) => {
    const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
    const gold = JSON.parse(readFileSync(join(DIR, `${name}.gold.json`), 'utf8')) as Scorable;
    return scoreDocument(name, gold, extract(text, { doc: name }) as unknown as Scorable, text);
  });

/** [document, facts F1, projects F1 (null: not annotated), meta] floors. */
const FLOORS: readonly [string, number, number | null, number][] = [
  ['mid-yinzhou-2023h1', 1.0, null, 1.0],
  ['national-2007', 1.0, null, 1.0],
  ['national-2009', 1.0, null, 1.0],
  ['national-2012', 1.0, null, 1.0],
  ['national-2014', 1.0, null, 1.0],
  ['national-2016', 1.0, null, 1.0],
  ['national-2017', 1.0, null, 1.0],
  ['national-2019', 1.0, null, 1.0],
  ['national-2020', 1.0, null, 1.0],
  ['national-2022', 1.0, null, 1.0],
  ['national-2023', 1.0, null, 1.0],
  ['national-2025', 1.0, null, 1.0],
  ['news-gansu-report', 1.0, null, 1.0],
  ['news-ganzhou-signing', 1.0, 1.0, 1.0],
  ['news-liling-starts', 1.0, 1.0, 1.0],
  ['news-siyang-production', 1.0, 1.0, 1.0],
  // news2-*: a held-out batch written before the engine read it (潍坊 signing, 许昌 starts by county, 叙州 phases,
  //     嘉兴 monthly progress with a table, 昆明 USD cloud signing). Not pooled yet: projects still miss elliptical
  //     county lists (长葛市21个、118.5亿元), table rows, phases (项目一期投资458000万元) and admit some verb phrases.
  ['news2-jiaxing-progress', 1.0, 0.59, 1.0],
  ['news2-kunming-cloud-signing', 1.0, 1.0, 1.0],
  ['news2-weifang-signing', 1.0, 0.84, 1.0],
  ['news2-xuchang-starts', 1.0, 0.64, 1.0],
  ['news2-xuzhou-lithium-phases', 1.0, 0.4, 1.0],
  ['plan-xiangtan-2024', 1.0, null, 1.0],
  ['report-anfu-2016', 1.0, null, 1.0],
  ['report-anfu-2016-pdf', 1.0, null, 1.0],
  ['report-yidu-2024', 1.0, null, 1.0],
  ['report-yulin-2021', 1.0, null, 1.0],
  ['report2-juxian-2019', 1.0, null, 1.0],
  ['report2-wuhou-2022', 1.0, null, 1.0],
  ['stat-changfeng-2022', 1.0, null, 1.0],
  ['stat-mianyang-2023m10', 1.0, null, 1.0],
];

describe('invented documents of the held-out kinds (test/invented)', () => {
  it('scores every one of them', () => {
    expect(scores.map((s) => s.doc)).toEqual(FLOORS.map((f) => f[0]));
  });

  it.each(['news-', 'stat-', 'mid-', 'plan-', 'report-', 'report2-', 'national-'])('pooled %s*: facts F1 = 1, projects F1 = 1 where annotated, meta = 1, grounded 100%', (prefix) => {
    const set = scores.filter((s) => s.doc.startsWith(prefix));
    expect(set.length).toBeGreaterThan(0);
    const s = pool(set);
    expect(s.facts.f).toBe(1);
    if (set.some((d) => d.projects)) expect(s.projects.f).toBe(1);
    expect(s.meta).toBe(1);
    expect(s.quotes_grounded).toBe(1);
  });

  it.each(FLOORS)('%s: facts F1 ≥ %s, projects F1 ≥ %s, meta ≥ %s', (doc, facts, projects, meta) => {
    const d = scores.find((x) => x.doc === doc)!;
    expect(d.facts.f, JSON.stringify(d.missed.concat(d.extra))).toBeGreaterThanOrEqual(facts);
    if (projects === null) expect(d.projects).toBeNull();
    else expect(d.projects!.f, JSON.stringify(d.missedProjects.concat(d.extraProjects))).toBeGreaterThanOrEqual(projects);
    expect(d.meta.ok / d.meta.n, d.metaWrong.join(', ')).toBeGreaterThanOrEqual(meta);
    expect(d.grounded.ok).toBe(d.grounded.n);
  });
});
