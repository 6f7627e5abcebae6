// Invented full local work reports (政府工作报告 of a county, a prefecture-level
// city and a county-level city; whole documents, not excerpts), written and
// annotated per the spec before the engine read them (test/invented, files
// named report-*; another helper's files there are not read here):
//   report-anfu-2016   安福县, clean line breaks, 一、/（一） headings, 十二五 review, 十三五 and 2016 targets
//   report-yulin-2021  玉林市, portal chrome and a 【site tag】 above the title, line breaks lost
//                      (headings run into paragraphs), 十三五 review, 十四五 and 2021 targets
//   report-yidu-2024   宜都市, 过去一年 / 今年工作的总体要求和主要预期目标 / 2024年主要工作, 预计全年
//   report-anfu-2016-pdf  the 安福县 report as a PDF's text layer gives it: hard line breaks at one printed
//                      width (inside names and numbers, before commas), indented paragraphs, page numbers
//                      (— 3 —) between lines; the same facts, quotes spanning the breaks (F1 72.5 before
//                      normalize.ts took the breaks out)
// Scored in the referee's terms (src/bench/score.ts mirrors
// score.mjs). Floors at the scores the engine reaches now: raise them as it
// improves, never lower them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pool, scoreDocument, type DocScore, type Scorable } from '../bench/score.js';
import { extract } from './pipeline.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../test/invented');
const PREFIXES = ['report-'];

const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.gold.json') && PREFIXES.some((p) => f.startsWith(p)))
  .map((f) => f.slice(0, -'.gold.json'.length))
  .sort();

const scores: DocScore[] = names.map((name) => {
  const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
  const gold = JSON.parse(readFileSync(join(DIR, `${name}.gold.json`), 'utf8')) as Scorable;
  return scoreDocument(name, gold, extract(text, { doc: name }) as unknown as Scorable, text);
});

/** [document, facts F1, projects F1 (null: not annotated), meta] floors. */
const FLOORS: readonly [string, number, number | null, number][] = [
  ['report-anfu-2016', 1.0, null, 1.0],
  ['report-anfu-2016-pdf', 1.0, null, 1.0],
  ['report-yidu-2024', 1.0, null, 1.0],
  ['report-yulin-2021', 1.0, null, 1.0],
];

describe('invented full local work reports (test/invented/report-*)', () => {
  it('scores every one of them', () => {
    expect(names).toEqual(FLOORS.map((f) => f[0]));
  });

  it('pooled: facts F1 = 1, meta = 1, grounded 100%', () => {
    const s = pool(scores);
    expect(s.facts.f).toBe(1);
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
