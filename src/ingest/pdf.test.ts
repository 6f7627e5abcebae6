import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from './errors.js';
import { layoutDocument, layoutPage, pageAt, pdfToText, unspace, type PageInput, type TextItem } from './pdf.js';
import { cjkFont, renderPdf } from './render/pdf.js';

// ------------------------------------------------------------------ helpers

const CORPUS = join(import.meta.dirname, '../../corpus/dev');
const corpusFiles = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/**
 * Text as compared: a PDF keeps no whitespace where a line was broken, nor
 * runs of spaces, so whitespace only counts between two Latin letters (where
 * the reader puts back the space a line break took).
 */
function canon(s: string): string {
  return s
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .replace(/ (?![A-Za-z])|(?<![A-Za-z]) /g, '')
    .trim();
}

/** Lines trimmed, blank ones dropped; every line as its cells (trailing empty cells dropped). */
function comparable(text: string): string[][] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const cells = l.split('|').map(canon);
      while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
      return cells;
    });
}

/** Width of a string set at size 1 (CJK 1 em, ASCII half). */
function em(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return w;
}

function item(str: string, x: number, y: number, size = 12, font = 'body'): TextItem {
  return { str, x, y, w: em(str) * size, size, font };
}

const CJK = '政府工作报告经济社会发展主要目标完成情况全区地区生产总值同比增长固定资产投资';
/** n CJK characters. */
function han(n: number, from = 0): string {
  let s = '';
  for (let i = 0; i < n; i++) s += CJK[(from + i) % CJK.length];
  return s;
}

const font = cjkFont();

// ------------------------------------------------------------------ pageAt

describe('pageAt', () => {
  it('gives the page an offset falls on', () => {
    const pages = [0, 10, 10, 25];
    expect(pageAt(pages, 0)).toBe(1);
    expect(pageAt(pages, 9)).toBe(1);
    // Page 2 holds nothing of its own (a paragraph from page 1 ran over it): offset 10 starts page 3.
    expect(pageAt(pages, 10)).toBe(3);
    expect(pageAt(pages, 24)).toBe(3);
    expect(pageAt(pages, 25)).toBe(4);
    expect(pageAt(pages, 10_000)).toBe(4);
    expect(pageAt(pages, -1)).toBe(1);
    expect(pageAt([0], 5)).toBe(1);
  });
});

// ------------------------------------------------------------------ layout (hand-made items)

describe('layoutPage / layoutDocument', () => {
  // One column: left edge 72, 24 characters of 12 pt → right edge 360.
  const L = 72;
  const full = (n: number, from = 0) => han(n, from);

  it('joins the lines of a paragraph and starts one on an indent, a short line, a gap or a new size', () => {
    const items = [
      item('标题', 72 + (288 - 36) / 2, 80, 18),
      item(full(22), L + 24, 120),
      item(full(24, 3), L, 138),
      item(full(10, 5), L, 156), // short: the paragraph ends
      item(full(24, 7), L, 174), // not indented but after a short line
      item(full(21) + '增长670.', L, 192),
      item('68亿元' + full(19), L, 210), // a number broken over two lines
      item(full(24, 2), L, 260), // after a gap of almost three lines
      item('一、' + full(8), L, 284, 14), // a larger heading
    ];
    const { text, pages } = layoutDocument([{ width: 595, height: 842, items }]);
    expect(text.split('\n')).toEqual([
      '标题',
      full(22) + full(24, 3) + full(10, 5),
      full(24, 7) + full(21) + '增长670.68亿元' + full(19),
      full(24, 2),
      '一、' + full(8),
    ]);
    expect(pages).toEqual([0]);
  });

  it('puts a space back between two Latin words, not inside numbers', () => {
    const size = 12;
    const items = [
      item('The economy of the region grew steadily and', L, 100, size),
      item('investment rose by 11.5 percent in the first half of 20', L, 118, size),
      item('21 compared with the same period.', L, 136, size),
    ];
    // Right edge from the longest line; the first line ends short of it by less than a word.
    const lines = layoutPage(items, 595, 842);
    expect(lines.map((l) => l.text)).toHaveLength(3);
    const { text } = layoutDocument([{ width: 595, height: 842, items }]);
    expect(text).toBe(
      'The economy of the region grew steadily and investment rose by 11.5 percent in the first half of 2021 compared with the same period.',
    );
  });

  it('reads two columns left then right, with full-width title and table in place', () => {
    // Columns: 72–282 and 306–516 (17.5 characters of 12 pt), gutter 24.
    const R0 = 306;
    const items: TextItem[] = [item('两栏标题', 72 + (444 - 72) / 2, 80, 18)];
    const left = [item(han(15), 96, 120), item(han(17, 1), 72, 138), item(han(17, 2), 72, 156), item(han(6, 3), 72, 174)];
    const right = [item(han(15, 4), R0 + 24, 120), item(han(17, 5), R0, 138), item(han(17, 6), R0, 156), item(han(17, 7), R0, 174)];
    items.push(...left, ...right);
    // A table across the page.
    const trow = (y: number, a: string, b: string, c: string) => [item(a, 80, y, 9), item(b, 250, y, 9), item(c, 420, y, 9)];
    items.push(...trow(210, '指标', '单位', '增长'), ...trow(228, '地区生产总值', '亿元', '7.1'));
    // Below the table: the right column's paragraph goes on in the left column.
    const left2 = [item(han(17, 8), 72, 270), item(han(3, 9), 72, 288)];
    const right2 = [item(han(15, 10), R0 + 24, 270), item(han(17, 11), R0, 288), item(han(17, 12), R0, 306)];
    items.push(...left2, ...right2);
    const lines = layoutPage(items, 595, 842);
    expect(lines.map((l) => l.region)).toEqual([0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 1, 1, 2, 2, 2]);
    const { text } = layoutDocument([{ width: 595, height: 842, items }]);
    expect(text.split('\n')).toEqual([
      '两栏标题',
      han(15) + han(17, 1) + han(17, 2) + han(6, 3),
      // The paragraph at the foot of the right column goes on below the table.
      han(15, 4) + han(17, 5) + han(17, 6) + han(17, 7) + han(17, 8) + han(3, 9),
      '指标 | 单位 | 增长 |',
      '地区生产总值 | 亿元 | 7.1 |',
      han(15, 10) + han(17, 11) + han(17, 12),
    ]);
  });

  it('reads a page too short to show its columns with the gutter of the other pages', () => {
    const R0 = 306;
    const full: TextItem[] = [];
    for (let k = 0; k < 8; k++) full.push(item(han(17, k), 72, 100 + 18 * k), item(han(17, k + 9), R0, 100 + 18 * k));
    // Page 2: one line in each column, then a table across the page.
    const short = [
      item(han(15, 1), 96, 100),
      item(han(9, 2), R0 + 24, 100), // a paragraph of its own in the right column
      ...[130, 148].flatMap((y) => [item('指标', 80, y, 9), item('单位', 250, y, 9), item('数值', 420, y, 9)]),
    ];
    const lines = layoutPage(short, 595, 842);
    // On its own the page shows no gutter: the first row is one line.
    expect(lines[0]!.region).toBe(0);
    const { text } = layoutDocument([
      { width: 595, height: 842, items: full },
      { width: 595, height: 842, items: short },
    ]);
    expect(text.split('\n').slice(-4)).toEqual([han(15, 1), han(9, 2), '指标 | 单位 | 数值 |', '指标 | 单位 | 数值 |']);
  });

  it('does not split a one-column page', () => {
    const items: TextItem[] = [];
    for (let k = 0; k < 20; k++) items.push(item(k % 5 === 0 ? han(22, k) : han(24, k), k % 5 === 0 ? 96 : 72, 100 + 18 * k));
    const lines = layoutPage(items, 595, 842);
    expect(lines.every((l) => l.region === 0)).toBe(true);
    expect(lines).toHaveLength(20);
  });

  it('keeps an empty cell between two others and the columns of short rows', () => {
    const row = (y: number, cells: string[]) =>
      cells.flatMap((c, k) => (c ? [item(c, 80 + 150 * k, y, 9)] : []));
    const items = [
      ...row(100, ['项目', '计划', '完成']),
      ...row(118, ['道路', '', '3.09']),
      ...row(136, ['合计', '57.76']),
      ...row(154, ['市政', '2.22', '0.46']),
    ];
    const lines = layoutPage(items, 595, 842);
    expect(lines.map((l) => l.cells)).toEqual([
      ['项目', '计划', '完成'],
      ['道路', '', '3.09'],
      ['合计', '57.76'],
      ['市政', '2.22', '0.46'],
    ]);
    expect(lines[1]!.text).toBe('道路 |  | 3.09');
  });

  it('does not take a single line with a wide gap for a table', () => {
    const items = [item('区政府副区长', 96, 100), item('黄忠梁', 260, 100), item(han(24), 72, 118)];
    const lines = layoutPage(items, 595, 842);
    expect(lines[0]!.cells).toBeNull();
    expect(lines[0]!.text).toBe('区政府副区长 黄忠梁');
  });

  it('drops running headers, footers and page numbers, and joins a paragraph across pages', () => {
    const folios = ['— 1 —', '- 2 -', '第 3 页 共 4 页', '4/4'];
    const pages: PageInput[] = folios.map((folio, p) => ({
      width: 595,
      height: 842,
      items: [
        item('某某区人民政府工作报告', 230, 50, 9),
        item(`第${p + 1}章`, 480, 50, 9),
        ...(p === 0 ? [item('某某区人民政府工作报告', 180, 110, 18)] : []),
        item(p === 0 ? han(22) : han(24, p), p === 0 ? 96 : 72, 140),
        item(han(24, p + 1), 72, 158),
        item(han(24, p + 2), 72, 176), // runs on to the next page
        item(folio, 280, 800, 9),
      ],
    }));
    const { text, pages: starts } = layoutDocument(pages);
    expect(text).not.toMatch(/第\d章|— 1 —|- 2 -|第 3 页|4\/4/);
    expect(text.split('\n')).toEqual([
      '某某区人民政府工作报告',
      han(22) + han(24, 1) + han(24, 2) + han(24, 1) + han(24, 2) + han(24, 3) + han(24, 2) + han(24, 3) + han(24, 4) + han(24, 3) + han(24, 4) + han(24, 5),
    ]);
    // One paragraph from page 1 to the end: the later pages begin after it.
    expect(starts).toEqual([0, text.length, text.length, text.length]);
  });

  it('drops the header of a one-page document when it repeats the title', () => {
    const items = [
      item('关于2021年计划执行情况的报告', 220, 50, 9),
      item('关于2021年计划执行情况的报告', 160, 110, 18),
      item(han(22), 96, 140),
      item(han(10), 72, 158),
      item('3', 295, 800, 9),
    ];
    const { text } = layoutDocument([{ width: 595, height: 842, items }]);
    expect(text.split('\n')).toEqual(['关于2021年计划执行情况的报告', han(22) + han(10)]);
  });
});

// ------------------------------------------------------------------ bad files

describe('pdfToText errors', () => {
  const reason = async (bytes: Uint8Array): Promise<string> => {
    try {
      await pdfToText(bytes, 'x.pdf');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).file).toBe('x.pdf');
      return (err as InputError).reason;
    }
    throw new Error('no error');
  };

  it('refuses what is not a PDF', async () => {
    expect(await reason(Buffer.from('hello, world'))).toBe('not a PDF file');
    expect(await reason(Buffer.alloc(0))).toBe('not a PDF file');
    expect(await reason(Buffer.from('\n  <!DOCTYPE HTML>\n<html><head><title>404</title></head><body>Not found</body></html>'))).toBe(
      'not a PDF file (it is an HTML page)',
    );
    expect(await reason(Buffer.from('<HTML><BODY>登录</BODY></HTML>'))).toBe('not a PDF file (it is an HTML page)');
  });

  it('refuses random bytes between a PDF header and an end-of-file marker', async () => {
    const junk = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 251));
    const r = await reason(Buffer.concat([Buffer.from('%PDF-1.7\n'), junk, Buffer.from('\n%%EOF\n')]));
    expect(r).toMatch(/^damaged PDF \(.+\)$/);
    expect(r.length).toBeLessThan(120);
  });

  it('reads a non-embedded Adobe-GB1 font (STSong-Light) through the packed CMaps', async () => {
    const { text, pages } = await pdfToText(gb1Pdf(['政府工作报告', '地区生产总值增长7.1%']), 'gb1.pdf');
    expect(text).toBe('政府工作报告\n地区生产总值增长7.1%');
    expect(pages).toEqual([0]);
  });

  describe.skipIf(!font)(`made with pdfkit${font ? '' : ' (skipped: no CJK font on this machine — install fonts-noto-cjk)'}`, () => {
    const text = readFileSync(join(CORPUS, 'news-shaoyang-battery.txt'), 'utf8');

    it('refuses a truncated PDF', async () => {
      const pdf = await renderPdf(text, { columns: 1 });
      expect(await reason(pdf.subarray(0, pdf.length >> 1))).toBe('truncated PDF (no end-of-file marker)');
    });

    it('refuses an encrypted PDF', async () => {
      const pdf = await renderPdf(text, { columns: 1, userPassword: 'secret' });
      expect(await reason(pdf)).toBe('encrypted PDF (password required)');
    });

    it('refuses a PDF without text', async () => {
      const pdf = await imageOnlyPdf();
      expect(await reason(pdf)).toBe('no text in PDF (scanned images? run OCR first)');
    });

    it('refuses more pages than allowed', async () => {
      const pdf = await renderPdf(readFileSync(join(CORPUS, 'guandu-2021h1-plan.txt'), 'utf8'), { columns: 1 });
      const r = await pdfToText(pdf, 'x.pdf', { maxPages: 3 }).catch((e: unknown) => e);
      expect(r).toBeInstanceOf(InputError);
      expect((r as InputError).reason).toMatch(/^too many pages \(\d+ > 3\)$/);
    });

    it('reads a page drawn turned by a quarter (a landscape table)', async () => {
      const { default: PDFDocument } = (await import('pdfkit')) as unknown as {
        default: new (o: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;
      };
      const doc = new PDFDocument({ size: 'A4', margin: 0, info: { CreationDate: new Date(0) } });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise<void>((r) => doc.on('end', () => r()));
      if (font!.family) doc.font(font!.path, font!.family);
      else doc.font(font!.path);
      doc.save().rotate(90, { origin: [297.6, 421] });
      const [x0, y0] = [0, 250];
      const at = (s: string, size: number, x: number, y: number) => doc.fontSize(size).text(s, x0 + x, y0 + y, { lineBreak: false });
      at('横排表格标题', 18, 240, 0);
      ['指标', '单位', '数值'].forEach((c, k) => at(c, 9, 40 + 150 * k, 40));
      ['地区生产总值', '亿元', '747.7'].forEach((c, k) => at(c, 9, 40 + 150 * k, 58));
      doc.restore();
      doc.end();
      await done;
      const { text } = await pdfToText(Buffer.concat(chunks), 'landscape.pdf');
      expect(text).toBe('横排表格标题\n指标 | 单位 | 数值 |\n地区生产总值 | 亿元 | 747.7 |');
    });

    it('leaves the caller’s bytes usable', async () => {
      const pdf = await renderPdf(text, { columns: 1 });
      const bytes = new Uint8Array(pdf);
      await pdfToText(bytes, 'x.pdf');
      expect(bytes.byteLength).toBe(pdf.length);
      expect(Buffer.from(bytes).equals(pdf)).toBe(true);
    });
  });
});

// ------------------------------------------------------------------ round trip through the renderer

describe.skipIf(!font)(`corpus round trip${font ? '' : ' (skipped: no CJK font on this machine — install fonts-noto-cjk)'}`, () => {
  for (const file of corpusFiles) {
    for (const columns of [1, 2] as const) {
      it(`${file}, ${columns} column${columns === 2 ? 's' : ''}`, async () => {
        const source = readFileSync(join(CORPUS, file), 'utf8');
        const pdf = await renderPdf(source, { columns });
        const { text, pages } = await pdfToText(pdf, file);

        expect(comparable(text)).toEqual(comparable(source));

        // No running header or page number made it in.
        const lines = text.split('\n');
        expect(lines.filter((l) => /^—\s*\d+\s*—$/.test(l.trim()))).toEqual([]);
        const srcLines = source.split(/\r?\n/).map((l) => l.trim());
        const header = srcLines.find((l) => l && !/\|.*\|/.test(l))!;
        const times = (ls: string[]) => ls.filter((l) => canon(l) === canon(header)).length;
        expect(times(lines)).toBe(times(srcLines));

        // One entry per page, in order, each at the start of a paragraph.
        expect(pages.length).toBe(pageCount(pdf));
        expect(pages[0]).toBe(0);
        for (let k = 1; k < pages.length; k++) {
          expect(pages[k]!).toBeGreaterThanOrEqual(pages[k - 1]!);
          expect(pages[k]!).toBeLessThanOrEqual(text.length);
          if (pages[k]! < text.length) expect(text[pages[k]! - 1]).toBe('\n');
        }
        for (let k = 0; k < pages.length; k++) {
          if (pages[k]! < text.length && pages[k + 1] !== pages[k]) expect(pageAt(pages, pages[k]!)).toBe(k + 1);
        }
        expect(pageAt(pages, text.length - 1)).toBeLessThanOrEqual(pages.length);
      });
    }
  }

  it('round-trips Latin words, numbers broken over lines, headings, an empty cell and a custom header', async () => {
    const source = synthetic();
    for (const columns of [1, 2] as const) {
      const pdf = await renderPdf(source, { columns, header: '测试文件 · 内部资料' });
      const { text, pages } = await pdfToText(pdf, 'synthetic.pdf');
      expect(comparable(text)).toEqual(comparable(source));
      expect(text).not.toContain('内部资料');
      expect(pages.length).toBeGreaterThan(1);
    }
  });
});

// ------------------------------------------------------------------ fixtures

/** Pages in a PDF made by the renderer (its `/Type /Page` objects). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

/** A document with what the corpus lacks: English, long numbers everywhere, an empty middle cell. */
function synthetic(): string {
  const lines = ['关于2021年国民经济和社会发展计划执行情况的报告'];
  const numbers = ['670.68亿元', '1234.5678万元', '27478元', '11.5%', '2021-09-15'];
  for (let k = 0; k < 12; k++) {
    if (k % 4 === 0) lines.push(`${'一二三四'[k / 4]}、重点工作进展情况`);
    let p = '';
    for (let j = 0; j < 9; j++) {
      p += `全区实现地区生产总值${numbers[(k + j) % numbers.length]},同比增长${(k + j) % 9}.${j}%;`;
      if (j % 3 === k % 3) p += 'The economy grew by 7.1 percent while investment in PPP projects rose quickly,';
    }
    lines.push(p + '较好完成了年度目标任务。');
    if (k === 5) {
      lines.push('主要指标完成情况表');
      lines.push('指标 | 单位 | 计划 | 完成 |');
      lines.push('地区生产总值 | 亿元 | 增长8% | 747.70 |');
      lines.push('固定资产投资 | | 正增长 | 11.5 |');
      lines.push('社会消费品零售总额 | 亿元 | 增长6% | 341.88 |');
    }
  }
  lines.push('2021年9月15日');
  return lines.join('\n');
}

/** A PDF of one page with a grey picture and no text. */
async function imageOnlyPdf(): Promise<Buffer> {
  const { default: PDFDocument } = (await import('pdfkit')) as unknown as {
    default: new (o: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;
  };
  const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  doc.image(png(64, 64), 72, 72, { width: 400 });
  doc.rect(72, 500, 300, 100).fill('#888888');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A grey PNG (8-bit greyscale, stored with zlib). */
function png(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((w + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw[y * (w + 1) + 1 + x] = (x * 4 + y * 2) & 0xff;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A hand-written PDF whose font is STSong-Light, not embedded: the text reads only with the Adobe-GB1 CMaps. */
function gb1Pdf(lines: string[]): Buffer {
  const hex = (s: string) =>
    [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('').toUpperCase();
  const content = lines.map((l, i) => `BT /F1 14 Tf 72 ${760 - i * 24} Td <${hex(l)}> Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ------------------------------------------------------------------ letter spacing

describe('unspace', () => {
  // Each row: a line as pdf.js gives it, the line read.
  const LINES: Array<[string, string]> = [
    ['全 年 实 现 地 区 生 产 总 值 6 7 0 . 6 8 亿 元', '全年实现地区生产总值670.68亿元'],
    ['某 区 人 民 政 府 工 作 报 告', '某区人民政府工作报告'],
    ['固 定 资 产投 资 增 长 7 %', '固定资产投资增长7%'],
    ['发布时间 : 2020-07-31 来源:芙蓉区政府办', '发布时间 : 2020-07-31 来源:芙蓉区政府办'],
    ['签约邵阳 助力新能源产业升级', '签约邵阳 助力新能源产业升级'],
    ['GDP growth of 7 %', 'GDP growth of 7 %'],
    ['a b c d', 'a b c d'],
  ];
  it.each(LINES)('%j reads %j', (line, read) => {
    expect(unspace(line)).toBe(read);
  });

  const PARA = '全年实现地区生产总值670.68亿元，同比增长10%。固定资产投资增长7%以上，社会消费品零售总额增长8%，一般公共预算收入完成21.3亿元。';

  it.skipIf(!font)('reads letter-spaced lines and glyphs drawn one at a time as words', async () => {
    const { default: PDFDocument } = await import('pdfkit');
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on('end', resolve));
    if (font!.family) doc.font(font!.path, font!.family);
    else doc.font(font!.path);
    doc.fontSize(12);
    doc.text('某区2020年工作报告', { align: 'center', characterSpacing: 6 });
    doc.text(PARA, { characterSpacing: 3, indent: 24 }); // two lines and more
    let x = 72 + 24; // indented: a paragraph of its own
    const y = doc.y;
    for (const ch of '规模以上工业增加值增长8.1%。') {
      doc.text(ch, x, y, { lineBreak: false });
      x += 15;
    }
    doc.end();
    await done;
    const { text } = await pdfToText(new Uint8Array(Buffer.concat(chunks)), 'spaced.pdf');
    expect(text.split('\n')).toEqual(['某区2020年工作报告', PARA, '规模以上工业增加值增长8.1%。']);
  });
});
