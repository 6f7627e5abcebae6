import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { _wrap, cjkFont, renderPdf } from './pdf.js';

const CORPUS = join(import.meta.dirname, '../../../corpus/dev');
const font = cjkFont();
const SKIP = font ? '' : ' (skipped: no CJK font on this machine — install fonts-noto-cjk)';

interface Run {
  str: string;
  x: number;
  x1: number;
  /** Baseline from the top of the page. */
  y: number;
  size: number;
}

/** The text runs of every page, as pdfjs reads them. */
async function runsOf(pdf: Buffer): Promise<{ width: number; height: number; runs: Run[] }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const t = it.transform as number[];
        runs.push({ str: it.str, x: t[4]!, x1: t[4]! + it.width, y: height - t[5]!, size: Math.hypot(t[2]!, t[3]!) });
      }
      pages.push({ width, height, runs });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

describe('cjkFont', () => {
  it('names a font file that exists, or null', () => {
    if (font) expect(existsSync(font.path)).toBe(true);
    else expect(font).toBeNull();
  });
});

describe('line breaking', () => {
  // Every character 1 em, Latin letters and digits half, a space a quarter.
  const measure = (u: string) => [...u].reduce((s, c) => s + (c === ' ' ? 0.25 : c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);

  it('breaks at any CJK character and inside numbers, never inside a Latin word', () => {
    const text = '全区实现地区生产总值670.68亿元同比增长7.1%其中GDP增长较快The economy grew steadily';
    const lines = _wrap(text, 10, 65, 20, measure);
    expect(lines.length).toBeGreaterThan(3);
    // Rejoined as the reader does (a space between two Latin letters only), the text comes back whole.
    const rejoined = lines.reduce((s, l) => s + (/[A-Za-z]$/.test(s) && /^[A-Za-z]/.test(l) ? ' ' : '') + l, '');
    expect(rejoined).toBe(text);
    // With these widths the number is broken.
    expect(_wrap('增长670.68亿元', 10, 42, 0, measure)).toEqual(['增长670.', '68亿元']);
  });

  it('starts no line with a closing mark and ends none with an opening mark', () => {
    const text = '按照“三大一新”总要求,统筹做好疫情防控(不含农户)和经济社会发展。全区经济社会平稳健康发展,主要指标稳中有升。';
    for (let width = 40; width <= 120; width += 5) {
      const lines = _wrap(text, 10, width, 0, measure);
      expect(lines.join('')).toBe(text);
      for (const [k, l] of lines.entries()) {
        if (k > 0) expect('，。、；：？！）》」』】”’,.;:?!)%').not.toContain(l[0]);
        if (k < lines.length - 1) expect('（《「『【“‘(').not.toContain(l[l.length - 1]);
      }
    }
  });

  it('drops a space where it breaks the line', () => {
    const lines = _wrap('注入新动力。 一、疫情环境', 10, 60, 0, measure);
    expect(lines).toEqual(['注入新动力。', '一、疫情环境']);
  });
});

describe.skipIf(!font)(`renderPdf${SKIP}`, () => {
  const yue = readFileSync(join(CORPUS, 'yueyanglou-2021.txt'), 'utf8');
  const guandu = readFileSync(join(CORPUS, 'guandu-2021h1-plan.txt'), 'utf8');
  const title = yue.split('\n')[0]!.trim();
  const L = 72;
  const R = 595.28 - 72;

  it('is deterministic', async () => {
    const a = await renderPdf(yue, { columns: 2 });
    const b = await renderPdf(yue, { columns: 2 });
    expect(a.equals(b)).toBe(true);
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('prints A4 pages with a running header and a centred page number', async () => {
    const pages = await runsOf(await renderPdf(yue, { columns: 1 }));
    expect(pages.length).toBeGreaterThan(5);
    for (const [k, p] of pages.entries()) {
      expect(p.width).toBeCloseTo(595.28, 1);
      expect(p.height).toBeCloseTo(841.89, 1);
      const top = p.runs.filter((r) => r.y < 70);
      expect(top.map((r) => r.str)).toEqual([title]);
      const foot = p.runs.filter((r) => r.y > 780);
      expect(foot.map((r) => r.str)).toEqual([`— ${k + 1} —`]);
      expect((foot[0]!.x + foot[0]!.x1) / 2).toBeCloseTo(595.28 / 2, 0);
    }
    // The title: centred, larger than the text.
    const first = pages[0]!.runs.find((r) => r.y > 70 && r.y < 780)!;
    expect(first.str).toBe(title);
    expect(first.size).toBeGreaterThan(12);
    expect((first.x + first.x1) / 2).toBeCloseTo(595.28 / 2, 0);
  });

  it('sets paragraphs in one column with a two-character indent, ragged right', async () => {
    const pages = await runsOf(await renderPdf(yue, { columns: 1, header: '岳阳楼区政府工作报告' }));
    const body = pages.flatMap((p) => p.runs).filter((r) => r.size === 12);
    expect(body.length).toBeGreaterThan(100);
    for (const r of body) {
      expect(r.x).toBeGreaterThanOrEqual(L - 0.01);
      expect(r.x1).toBeLessThanOrEqual(R + 0.01);
    }
    expect(body.filter((r) => Math.abs(r.x - (L + 24)) < 0.01).length).toBeGreaterThan(20);
    expect(body.filter((r) => r.x1 > R - 12).length).toBeGreaterThan(body.length / 2);
    expect(pages.every((p) => p.runs.some((r) => r.str === '岳阳楼区政府工作报告'))).toBe(true);
  });

  it('flows two columns down the left, then the right', async () => {
    const pages = await runsOf(await renderPdf(yue, { columns: 2 }));
    const colW = (R - L - 24) / 2;
    for (const p of pages.slice(0, -1)) {
      const body = p.runs.filter((r) => r.size === 10.5);
      const left = body.filter((r) => r.x1 <= L + colW + 0.01);
      const right = body.filter((r) => r.x >= R - colW - 0.01);
      expect(left.length + right.length).toBe(body.length);
      expect(left.length).toBeGreaterThan(20);
      expect(right.length).toBeGreaterThan(20);
    }
  });

  it('draws tables one text line per cell, the cells well apart, across the page in two columns', async () => {
    for (const columns of [1, 2] as const) {
      const pages = await runsOf(await renderPdf(guandu, { columns }));
      const cells = pages.flatMap((p) => p.runs).filter((r) => r.size < 9);
      expect(cells.some((c) => c.str === '地区生产总值')).toBe(true);
      expect(cells.some((c) => c.str === '含空港区、经开区')).toBe(true);
      // Cells of one row stand at least two characters apart.
      const rows = new Map<string, Run[]>();
      for (const p of pages.entries()) {
        for (const c of p[1].runs.filter((r) => r.size < 9)) {
          const key = `${p[0]}:${Math.round(c.y)}`;
          rows.set(key, [...(rows.get(key) ?? []), c]);
        }
      }
      for (const row of rows.values()) {
        row.sort((a, b) => a.x - b.x);
        for (let k = 1; k < row.length; k++) expect(row[k]!.x - row[k - 1]!.x1).toBeGreaterThanOrEqual(2 * row[k]!.size);
        for (const c of row) expect(c.x1).toBeLessThanOrEqual(R);
      }
      const wide = [...rows.values()].filter((r) => r.length >= 5);
      expect(wide.length).toBeGreaterThan(10);
      if (columns === 2) expect(wide.some((r) => r[0]!.x < L + 20 && r[r.length - 1]!.x > R - (R - L) / 3)).toBe(true);
    }
  });

  it('encrypts with a user password', async () => {
    const pdf = await renderPdf('标题\n正文。', { columns: 1, userPassword: 'secret' });
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
    await expect(task.promise).rejects.toMatchObject({ name: 'PasswordException' });
    await task.destroy();
  });
});
