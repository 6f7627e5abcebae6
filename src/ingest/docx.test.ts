import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Zlib from 'node:zlib';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it, vi } from 'vitest';
import { docxToHtml } from './docx.js';
import { formatMB } from './errors.js';
import { renderDocx } from './render/docx.js';
import { buildZip, deflatedRepeat, part, unzip } from './render/zip.js';
import { expectInputError } from './testing.js';

// Counts every byte docx.ts inflates itself (with node:zlib's createInflateRaw
// or inflateRawSync; mammoth/JSZip use pako and are not counted).
const inflation = vi.hoisted(() => ({ streams: 0, bytes: 0 }));
vi.mock('node:zlib', async (importOriginal) => {
  const orig = await importOriginal<typeof Zlib>();
  const createInflateRaw = (options?: Zlib.ZlibOptions): Zlib.InflateRaw => {
    const s = orig.createInflateRaw(options);
    inflation.streams++;
    s.on('data', (c: Buffer) => {
      inflation.bytes += c.length;
    });
    return s;
  };
  const inflateRawSync = (buffer: Zlib.InputType, options?: Zlib.ZlibOptions): Buffer => {
    inflation.streams++;
    try {
      const out = orig.inflateRawSync(buffer, options);
      inflation.bytes += out.length;
      return out;
    } catch (e) {
      // Refused at maxOutputLength: it wrote up to that many bytes.
      inflation.bytes += options?.maxOutputLength ?? 0;
      throw e;
    }
  };
  return { ...orig, default: { ...orig, createInflateRaw, inflateRawSync }, createInflateRaw, inflateRawSync };
});

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../corpus/dev');
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------
// helpers


type Block = { kind: string; text: string } | { kind: 'table'; rows: string[][] };

function cells(row: string): string[] {
  const out = row.split('|').map((c) => c.trim());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

function isTableRow(line: string): boolean {
  return (line.match(/\|/g)?.length ?? 0) >= 2;
}

/** What the HTML must contain for a source text: lines trimmed, blanks dropped, table rows as cells. */
function expectedBlocks(text: string): Block[] {
  const out: Block[] = [];
  let first = true;
  let table: string[][] | null = null;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (isTableRow(raw)) {
      if (!table) {
        table = [];
        out.push({ kind: 'table', rows: table });
      }
      table.push(cells(raw));
      first = false;
      continue;
    }
    const line = raw.trim();
    table = null;
    if (line === '') continue;
    const kind = first ? 'h1' : /^[一二三四五六七八九十]+、/.test(line) ? 'h2' : /^[（(][一二三四五六七八九十]+[）)]/.test(line) ? 'h3' : 'p';
    out.push({ kind, text: line });
    first = false;
  }
  return out;
}

type DomNode = ReturnType<typeof parseDocument>['children'][number];
type DomElement = Extract<DomNode, { attribs: Record<string, string> }>;
const isElement = (n: DomNode): n is DomElement => 'attribs' in n;

/** The paragraphs, headings, list items and tables of mammoth's HTML, in order. */
function htmlBlocks(html: string): Block[] {
  const out: Block[] = [];
  const walk = (nodes: DomNode[]): void => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      if (node.name === 'table') {
        const rows = DomUtils.getElementsByTagName('tr', node, true).map((tr) => {
          const tds = tr.children.filter((c) => isElement(c) && (c.name === 'td' || c.name === 'th'));
          const row = tds.map((td) => DomUtils.textContent(td).trim());
          while (row.length > 0 && row[row.length - 1] === '') row.pop();
          return row;
        });
        out.push({ kind: 'table', rows });
      } else if (/^(p|h[1-6]|li)$/.test(node.name)) {
        out.push({ kind: node.name, text: DomUtils.textContent(node).trim() });
      } else {
        walk(node.children);
      }
    }
  };
  walk(parseDocument(html).children);
  return out;
}


async function measure<T>(fn: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; rss: number; external: number; ms: number }> {
  const before = process.memoryUsage();
  let rss = 0;
  let external = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss - before.rss);
    external = Math.max(external, m.external - before.external);
  };
  const timer = setInterval(sample, 2);
  const t = performance.now();
  const [result] = await Promise.allSettled([fn()]);
  const ms = performance.now() - t;
  clearInterval(timer);
  sample();
  return { result: result!, rss, external, ms };
}

const DOC_XML_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const PARA = '<w:p><w:r><w:t>全年地区生产总值增长8%</w:t></w:r></w:p>';

const SAMPLE = [
  '某区2023年政府工作报告',
  '一、2022年工作回顾',
  '全区实现地区生产总值670.68亿元，同比增长10%。',
  '（一）主要指标',
  '指标 | 单位 | 数值 |',
  '固定资产投资 | 亿元 | 120.5 |',
  '二、2023年工作安排',
].join('\n');

// ---------------------------------------------------------------------------

describe('docxToHtml: corpus round trip through renderDocx', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();

  it('has corpus files to test', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const f of files) {
    it(`${f}: every line comes back as a paragraph, heading or table cell`, async () => {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      const bytes = await renderDocx(text);
      const html = await docxToHtml(bytes, f);
      expect(html).not.toMatch(/<img|base64/);
      const got = htmlBlocks(html);
      const want = expectedBlocks(text);
      expect(got).toEqual(want);

      const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
      if (isTableRow(firstLine)) {
        expect(got[0]?.kind).toBe('table');
      } else {
        expect(got[0]).toEqual({ kind: 'h1', text: firstLine.trim() });
        expect(html.startsWith('<h1>')).toBe(true);
      }
      const hasRows = text.split(/\r?\n/).some(isTableRow);
      expect(html.includes('<table>')).toBe(hasRows);
    });
  }
});

describe('docxToHtml: valid files', () => {
  it('a valid docx passes with default limits: headings, body runs joined, table cells', async () => {
    const html = await docxToHtml(await renderDocx(SAMPLE), 'sample.docx');
    // the header row as <thead>/<th>, the others as <td>
    expect(html).toContain('<table><thead><tr><th><p><strong>指标</strong></p></th>');
    expect(html).toContain('</thead><tbody><tr><td><p>固定资产投资</p></td>');
    expect(htmlBlocks(html)).toEqual([
      { kind: 'h1', text: '某区2023年政府工作报告' },
      { kind: 'h2', text: '一、2022年工作回顾' },
      { kind: 'p', text: '全区实现地区生产总值670.68亿元，同比增长10%。' },
      { kind: 'h3', text: '（一）主要指标' },
      { kind: 'table', rows: [['指标', '单位', '数值'], ['固定资产投资', '亿元', '120.5']] },
      { kind: 'h2', text: '二、2023年工作安排' },
    ]);
  });

  it('keeps Chinese heading style names (标题 1 / 标题 2) as h1 / h2', async () => {
    const docx = await unzip(await renderDocx(SAMPLE));
    // as WPS writes them: numeric style ids, Chinese names
    const styles = docx
      .get('word/styles.xml')!
      .toString('utf8')
      .replace('w:styleId="Heading1"', 'w:styleId="2"')
      .replace('w:val="Heading 1"', 'w:val="标题 1"')
      .replace('w:styleId="Heading2"', 'w:styleId="3"')
      .replace('w:val="Heading 2"', 'w:val="标题 2"');
    expect(styles).toContain('w:styleId="3"');
    const doc = DOC_XML_HEAD +
      '<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>工作报告</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:pStyle w:val="3"/></w:pPr><w:r><w:t>一、回顾</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>';
    const parts = [...docx].map(([name, data]) =>
      part(name, name === 'word/styles.xml' ? styles : name === 'word/document.xml' ? doc : data),
    );
    const html = await docxToHtml(buildZip(parts).zip, 'zh.docx');
    expect(htmlBlocks(html)).toEqual([
      { kind: 'h1', text: '工作报告' },
      { kind: 'h2', text: '一、回顾' },
      { kind: 'p', text: '正文' },
    ]);
  });

  it('drops images: no base64 data in the HTML, the text around them kept', async () => {
    // a 1×1 transparent PNG
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('带图片的报告')] }),
            new Paragraph({
              children: [
                new TextRun('图1：'),
                new ImageRun({ type: 'png', data: png, transformation: { width: 100, height: 100 } }),
                new TextRun('全年增长8%。'),
              ],
            }),
          ],
        },
      ],
    });
    const html = await docxToHtml(await Packer.toBuffer(doc), 'img.docx');
    expect(html).not.toMatch(/base64|data:/);
    expect(html).toContain('<img src="" />');
    expect(htmlBlocks(html)).toEqual([
      { kind: 'h1', text: '带图片的报告' },
      { kind: 'p', text: '图1：全年增长8%。' },
    ]);
  });
});

describe('docxToHtml: refused files', () => {
  it('honest zip bomb (200 MB document.xml) is refused from the central directory, nothing inflated', async () => {
    const bomb = await deflatedRepeat('word/document.xml', DOC_XML_HEAD, PARA, 200 * MB);
    expect(bomb.data.length).toBeLessThan(2 * MB);
    const { zip } = buildZip([part('[Content_Types].xml', '<Types/>'), part('_rels/.rels', '<Relationships/>'), bomb]);
    inflation.bytes = 0;
    inflation.streams = 0;
    const m = await measure(() => docxToHtml(zip, 'bomb.docx'));
    expect(m.result.status).toBe('rejected');
    await expectInputError(Promise.reject((m.result as PromiseRejectedResult).reason), 'bomb.docx', `refused: the archive expands to more than ${formatMB(64 * MB)} MB (zip bomb?)`);
    expect(inflation.streams).toBe(0);
    expect(inflation.bytes).toBe(0);
    expect(m.external).toBeLessThan(50 * MB);
    expect(m.rss).toBeLessThan(50 * MB);
    console.log(`honest bomb: refused in ${m.ms.toFixed(1)} ms, rss +${formatMB(m.rss)} MB, external +${formatMB(m.external)} MB`);
  });

  it('honest bomb within the size limits but compressed far beyond maxRatio is refused for its ratio', async () => {
    const dense = await deflatedRepeat('word/document.xml', DOC_XML_HEAD, PARA, 20 * MB);
    const { zip } = buildZip([part('[Content_Types].xml', '<Types/>'), dense]);
    inflation.bytes = 0;
    await expectInputError(docxToHtml(zip, 'ratio.docx'), 'ratio.docx', 'refused: an entry is compressed more than 100× (zip bomb?)');
    expect(inflation.bytes).toBe(0);
  });

  it('lying zip (headers say 1 KB, data inflates to 100 MB) is refused after inflating only a little', async () => {
    const real = await unzip(await renderDocx(SAMPLE));
    const parts = [...real].filter(([name]) => name !== 'word/document.xml').map(([name, data]) => part(name, data));
    parts.push(await deflatedRepeat('word/document.xml', DOC_XML_HEAD, PARA, 100 * MB));
    const { zip, local, central } = buildZip(parts);
    // patch the uncompressed size of word/document.xml in both headers to 1 KB
    const i = parts.length - 1;
    zip.writeUInt32LE(1024, local[i]! + 22);
    zip.writeUInt32LE(1024, central[i]! + 24);
    inflation.bytes = 0;
    const m = await measure(() => docxToHtml(zip, 'liar.docx'));
    await expectInputError(Promise.reject((m.result as PromiseRejectedResult).reason), 'liar.docx', /^refused: the archive expands to more than .*\(zip bomb\?\)$/);
    expect(m.result.status).toBe('rejected');
    // every genuine part is inflated in full (a few KB), the lying one stops right after 1 KB
    const genuine = parts.slice(0, -1).reduce((n, p) => n + p.size, 0);
    expect(inflation.bytes).toBeLessThan(genuine + 1024 + 128 * 1024);
    expect(m.external).toBeLessThan(50 * MB);
    expect(m.rss).toBeLessThan(50 * MB);
    console.log(`lying zip: refused in ${m.ms.toFixed(1)} ms after inflating ${inflation.bytes} bytes, rss +${formatMB(m.rss)} MB, external +${formatMB(m.external)} MB`);
  });

  it('an entry hidden from yauzl but seen by JSZip (end record counts one entry less) is refused', async () => {
    const real = await unzip(await renderDocx(SAMPLE));
    const parts = [...real].map(([name, data]) => part(name, data));
    // a second word/document.xml at the end: JSZip reads every central header and the last one of a name wins
    // (here a small one whose text shows when it is read; a bomb would do the same)
    parts.push(part('word/document.xml', `${DOC_XML_HEAD}<w:p><w:r><w:t>隐藏的条目</w:t></w:r></w:p></w:body></w:document>`));
    const { zip } = buildZip(parts);
    const eocd = zip.length - 22;
    zip.writeUInt16LE(parts.length - 1, eocd + 8);
    zip.writeUInt16LE(parts.length - 1, eocd + 10);
    inflation.bytes = 0;
    await expectInputError(docxToHtml(zip, 'hidden.docx'), 'hidden.docx', 'damaged .docx file (inconsistent zip directory)');
    expect(inflation.bytes).toBe(0);
    // the same with the directory size shrunk to match (JSZip would shift its offsets)
    const { zip: zip2, central } = buildZip(parts);
    zip2.writeUInt16LE(parts.length - 1, eocd + 8);
    zip2.writeUInt16LE(parts.length - 1, eocd + 10);
    zip2.writeUInt32LE(central[parts.length - 1]! - central[0]!, eocd + 12);
    await expectInputError(docxToHtml(zip2, 'hidden2.docx'), 'hidden2.docx', 'damaged .docx file (inconsistent zip directory)');
  });

  it('entry declared bigger than the data holds → damaged', async () => {
    const real = await unzip(await renderDocx(SAMPLE));
    const parts = [...real].map(([name, data]) => part(name, data));
    const { zip, local, central } = buildZip(parts);
    const i = parts.findIndex((p) => p.name === 'word/document.xml');
    zip.writeUInt32LE(parts[i]!.size + 5000, local[i]! + 22);
    zip.writeUInt32LE(parts[i]!.size + 5000, central[i]! + 24);
    await expectInputError(docxToHtml(zip, 'short.docx'), 'short.docx', /^damaged \.docx file \(.+\)$/);
  });

  it('limits are honoured: total size, entry size, entry count', async () => {
    const bytes = await renderDocx(SAMPLE);
    await expectInputError(docxToHtml(bytes, 'a.docx', { maxTotalBytes: 10_000 }), 'a.docx', `refused: the archive expands to more than ${formatMB(10_000)} MB (zip bomb?)`);
    await expectInputError(docxToHtml(bytes, 'a.docx', { maxEntryBytes: 4000 }), 'a.docx', `refused: the archive expands to more than ${formatMB(4000)} MB (zip bomb?)`);
    await expectInputError(docxToHtml(bytes, 'a.docx', { maxEntries: 3 }), 'a.docx', 'refused: the archive has more than 3 entries (zip bomb?)');
    // an undefined limit keeps the default
    await expect(docxToHtml(bytes, 'a.docx', { maxEntries: undefined })).resolves.toContain('<h1>');
  });

  it('truncated docx (first half) → damaged', async () => {
    const bytes = await renderDocx(readFileSync(join(CORPUS, 'furong-2020h1.txt'), 'utf8'));
    await expectInputError(docxToHtml(bytes.subarray(0, bytes.length >> 1), 'half.docx'), 'half.docx', /^damaged \.docx file \(.+\)$/);
  });

  it('corrupt deflate data in word/document.xml → damaged', async () => {
    const real = await unzip(await renderDocx(SAMPLE));
    const parts = [...real].map(([name, data]) => part(name, data));
    const i = parts.findIndex((p) => p.name === 'word/document.xml');
    parts[i]!.data.fill(0xff, 0, Math.min(64, parts[i]!.data.length));
    await expectInputError(docxToHtml(buildZip(parts).zip, 'bad.docx'), 'bad.docx', /^damaged \.docx file \(.+\)$/);
  });

  it('word/document.xml that is not XML → damaged (mammoth failure)', async () => {
    const real = await unzip(await renderDocx(SAMPLE));
    const parts = [...real].map(([name, data]) => part(name, name === 'word/document.xml' ? '<w:document><<<&&' : data));
    await expectInputError(docxToHtml(buildZip(parts).zip, 'notxml.docx'), 'notxml.docx', /^damaged \.docx file \(.+\)$/);
  });

  it('random bytes → not a Word .docx file', async () => {
    let seed = 12345;
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    bytes[0] = 0x17; // make sure it does not start like any known format
    await expectInputError(docxToHtml(bytes, 'random.docx'), 'random.docx', 'not a Word .docx file');
    await expectInputError(docxToHtml(Buffer.alloc(0), 'empty.docx'), 'empty.docx', 'not a Word .docx file (empty file)');
  });

  function ole(streamNames: string[]): Buffer {
    const b = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
    b.writeUInt16LE(0x003e, 24);
    b.writeUInt16LE(0x0003, 26);
    b.writeUInt16LE(0xfffe, 28);
    b.writeUInt16LE(9, 30);
    // directory entries (128 bytes each) in sector 1
    ['Root Entry', ...streamNames].forEach((n, i) => {
      const at = 1024 + i * 128;
      const name = Buffer.from(`${n}\0`, 'utf16le');
      name.copy(b, at);
      b.writeUInt16LE(name.length, at + 64);
      b[at + 66] = i === 0 ? 5 : 2;
    });
    return b;
  }

  it('OLE compound file → legacy .doc message', async () => {
    await expectInputError(docxToHtml(ole(['WordDocument', '1Table', '\u0005SummaryInformation']), 'old.docx'), 'old.docx', 'legacy Word .doc format is not supported (save it as .docx)');
  });

  it('OLE compound file holding EncryptedPackage → encrypted message', async () => {
    await expectInputError(
      docxToHtml(ole(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']), 'secret.docx'),
      'secret.docx',
      'encrypted Word file (password required)',
    );
  });

  it('HTML bytes (also Word "web page" with BOM) → HTML message', async () => {
    const page = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>报告</title></head><body><p>全年增长8%</p></body></html>';
    await expectInputError(docxToHtml(Buffer.from(page), 'page.docx'), 'page.docx', 'not a Word .docx file (it is an HTML page)');
    const word = '\uFEFF<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">\r\n<body><p>报告</p></body></html>';
    await expectInputError(docxToHtml(Buffer.from(word), 'web.doc'), 'web.doc', 'not a Word .docx file (it is an HTML page)');
    await expectInputError(docxToHtml(Buffer.from(word, 'utf16le'), 'web16.doc'), 'web16.doc', 'not a Word .docx file (it is an HTML page)');
  });

  it('RTF bytes → RTF message', async () => {
    await expectInputError(docxToHtml(Buffer.from('{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}报告}'), 'r.docx'), 'r.docx', 'not a Word .docx file (it is an RTF file)');
  });

  it('a zip without word/document.xml → not a Word document', async () => {
    const { zip } = buildZip([
      part('[Content_Types].xml', '<Types/>'),
      part('xl/workbook.xml', '<workbook/>'),
      part('mimetype', 'application/vnd.oasis.opendocument.text', 0),
    ]);
    await expectInputError(docxToHtml(zip, 'book.docx'), 'book.docx', 'not a Word document (no word/document.xml)');
  });
});

describe('docxToHtml: zip variants', () => {
  it('zip64 end records (as some writers emit) are accepted', async () => {
    const real = await unzip(await renderDocx(SAMPLE));
    const { zip } = buildZip([...real].map(([name, data]) => part(name, data)), true);
    const html = await docxToHtml(zip, 'z64.docx');
    expect(htmlBlocks(html)[0]).toEqual({ kind: 'h1', text: '某区2023年政府工作报告' });
  });

  it('stored (uncompressed) entries are accepted', async () => {
    const real = await unzip(await renderDocx(SAMPLE));
    const { zip } = buildZip([...real].map(([name, data]) => part(name, data, 0)));
    expect(htmlBlocks(await docxToHtml(zip, 'stored.docx'))).toHaveLength(6);
  });
});

describe('test helpers', () => {
  it('buildZip makes archives a valid docx round-trips through', async () => {
    const real = await unzip(await renderDocx(SAMPLE));
    const rebuilt = buildZip([...real].map(([name, data]) => part(name, data)));
    const again = await unzip(rebuilt.zip);
    expect([...again.keys()]).toEqual([...real.keys()]);
    expect(htmlBlocks(await docxToHtml(rebuilt.zip, basename('x.docx')))[0]).toEqual({ kind: 'h1', text: '某区2023年政府工作报告' });
  });
});
