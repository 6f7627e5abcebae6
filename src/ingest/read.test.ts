import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, SUPPORTED_EXTENSIONS, listInputFiles, readDocument } from './read.js';
import { expectInputError } from './testing.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../corpus/dev');

let dir: string;
let counter = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhengbao-read-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes bytes to a fresh file in the temp folder and returns its path. */
function fixture(bytes: Buffer | string, name = `doc${++counter}.txt`): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}


const TEXTS = [
  '地区生产总值670.68亿元，同比增长10%',
  '芙蓉区政府2020年上半年区政工作报告\n\n今年以来，全区完成固定资产投资增长12.5%，规模以上工业增加值增长8.1%。\r\n一、经济运行稳中有进\n',
  '全年实现社会消费品零售总额1234.5亿元，增长约9%；招商引资签约项目11个，总投资约300亿元。',
  '一、二、三、一般公共预算收入完成21.3亿元，为预算的101%。',
];

const BOMS: Record<string, Buffer> = {
  'utf-8': Buffer.from([0xef, 0xbb, 0xbf]),
  'utf-16le': Buffer.from([0xff, 0xfe]),
  'utf-16be': Buffer.from([0xfe, 0xff]),
};

describe('readDocument: encodings round-trip', () => {
  const cases: Array<{ label: string; iconvName: string; bom: boolean; expected: string }> = [
    { label: 'UTF-8', iconvName: 'utf-8', bom: false, expected: 'utf-8' },
    { label: 'UTF-8 with BOM', iconvName: 'utf-8', bom: true, expected: 'utf-8' },
    { label: 'UTF-16 LE with BOM', iconvName: 'utf-16le', bom: true, expected: 'utf-16le' },
    { label: 'UTF-16 BE with BOM', iconvName: 'utf-16be', bom: true, expected: 'utf-16be' },
    { label: 'UTF-16 LE without BOM', iconvName: 'utf-16le', bom: false, expected: 'utf-16le' },
    { label: 'UTF-16 BE without BOM', iconvName: 'utf-16be', bom: false, expected: 'utf-16be' },
    { label: 'GB18030', iconvName: 'gb18030', bom: false, expected: 'gb18030' },
    { label: 'GBK', iconvName: 'gbk', bom: false, expected: 'gb18030' },
    { label: 'GB2312', iconvName: 'gb2312', bom: false, expected: 'gb18030' },
  ];
  for (const c of cases) {
    it.each(TEXTS.map((t, i) => [i, t] as const))(`${c.label} #%i`, async (_i, text) => {
      const body = iconv.encode(text, c.iconvName, { addBOM: false });
      const bytes = c.bom ? Buffer.concat([BOMS[c.iconvName]!, body]) : body;
      const p = fixture(bytes);
      const r = await readDocument(p);
      expect(r.text).toBe(text);
      expect(r.encoding).toBe(c.expected);
      expect(r.bytes.equals(bytes)).toBe(true);
      expect(r.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(r.path).toBe(p);
    });
  }

  it('GB18030-only characters (four-byte sequences) round-trip', async () => {
    const text = '𠀀年报：增长€5%，㐀地区'; // U+20000 and U+3400 need GB18030 four-byte codes
    const p = fixture(iconv.encode(text, 'gb18030'));
    const r = await readDocument(p);
    expect(r.text).toBe(text);
    expect(r.encoding).toBe('gb18030');
  });

  const corpus = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
  it.each(corpus)('corpus document %s in GB18030 is read as GB18030, never another legacy encoding', async (f) => {
    const text = readFileSync(join(CORPUS, f), 'utf8');
    const r = await readDocument(fixture(iconv.encode(text, 'gb18030')));
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe(text);
  });

  it.each(corpus)('corpus document %s as UTF-8 and UTF-16 LE (no BOM)', async (f) => {
    const text = readFileSync(join(CORPUS, f), 'utf8');
    const a = await readDocument(join(CORPUS, f));
    expect(a).toMatchObject({ text, encoding: 'utf-8', name: f.replace(/\.txt$/, '') });
    const b = await readDocument(fixture(iconv.encode(text, 'utf-16le', { addBOM: false })));
    expect(b).toMatchObject({ text, encoding: 'utf-16le' });
  });

  it.each([
    '地區生產總值670.68億元，同比增長10%。全年完成固定資產投資增長12.5%，項目建設加快推進。',
    '招商引資成效明顯，簽約項目十一個，總投資三百億元。',
  ])('Big5 (traditional) text chardet is confident about: %s', async (text) => {
    const r = await readDocument(fixture(iconv.encode(text, 'big5')));
    expect(r.encoding).toBe('big5');
    expect(r.text).toBe(text);
  });

  it('pure ASCII is utf-8', async () => {
    const r = await readDocument(fixture('GDP 670.68, +10%\n'));
    expect(r).toMatchObject({ text: 'GDP 670.68, +10%\n', encoding: 'utf-8' });
  });

  it('keeps the text exactly: CRLF, NBSP, full-width and ideographic spaces, trailing whitespace', async () => {
    const text = '\u3000\u3000一、增长１０％\u00a0 \r\n\t670.68亿元  \r\n\n';
    for (const enc of ['utf-8', 'gb18030', 'utf-16le']) {
      const r = await readDocument(fixture(iconv.encode(text, enc, { addBOM: false })));
      expect(r.text).toBe(text);
    }
  });

  it('name is the file name without extension', async () => {
    const r = await readDocument(fixture('增长10%', 'report.2020-h1.txt'));
    expect(r.name).toBe('report.2020-h1');
    const s = await readDocument(fixture('增长10%', 'README'));
    expect(s.name).toBe('README');
  });
});

describe('readDocument: BOM handling', () => {
  it.each(['utf-8', 'utf-16le', 'utf-16be'])('%s BOM is stripped; offsets count from after it', async (enc) => {
    const text = '地区生产总值670.68亿元，同比增长10%';
    const bytes = Buffer.concat([BOMS[enc]!, iconv.encode(text, enc, { addBOM: false })]);
    const r = await readDocument(fixture(bytes));
    expect(r.text).toBe(text);
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(r.text.indexOf('670.68')).toBe(6);
    expect(r.bytes.length).toBe(bytes.length); // bytes keep the BOM
  });

  it('a BOM-only file is empty', async () => {
    for (const bom of Object.values(BOMS)) {
      const p = fixture(bom);
      await expectInputError(readDocument(p), p, 'empty file');
    }
  });

  it('a U+FEFF after the first one is kept (only the leading BOM goes)', async () => {
    const bytes = Buffer.concat([BOMS['utf-8']!, Buffer.from('\ufeff增长10%')]);
    const r = await readDocument(fixture(bytes));
    expect(r.text).toBe('\ufeff增长10%');
  });
});

describe('readDocument: forced encoding', () => {
  it('overrides detection', async () => {
    const text = '地区生产总值670.68亿元';
    const p = fixture(iconv.encode(text, 'gbk'));
    const r = await readDocument(p, { encoding: 'gbk' });
    expect(r).toMatchObject({ text, encoding: 'gbk' });
    // Forcing latin1 on the same bytes decodes as latin1: it is the user's call.
    const l = await readDocument(p, { encoding: 'latin1' });
    expect(l.encoding).toBe('latin1');
    expect(l.text).not.toBe(text);
  });

  it('canonical names and BOM stripping', async () => {
    const text = '增长10%';
    const p = fixture(Buffer.concat([BOMS['utf-8']!, Buffer.from(text)]));
    expect(await readDocument(p, { encoding: 'UTF8' })).toMatchObject({ text, encoding: 'utf-8' });
    const q = fixture(iconv.encode(text, 'utf-16be'));
    expect(await readDocument(q, { encoding: 'UTF-16BE' })).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('an unknown encoding is an InputError', async () => {
    const p = fixture('增长10%');
    await expectInputError(readDocument(p, { encoding: 'no-such-enc' }), p, "unknown encoding 'no-such-enc'");
  });
});

describe('readDocument: errors', () => {
  /** Deterministic pseudo-random bytes in [lo, hi]. */
  function noise(n: number, lo: number, hi: number, seed = 42): Buffer {
    const b = Buffer.alloc(n);
    let x = seed;
    for (let i = 0; i < n; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      b[i] = lo + ((x >>> 16) % (hi - lo + 1));
    }
    return b;
  }

  const cases: Array<[string, () => string, string | RegExp]> = [
    ['missing file', () => join(dir, 'nope.txt'), 'no such file or directory'],
    ['missing folder in the path', () => join(dir, 'nope', 'x.txt'), 'no such file or directory'],
    ['a directory', () => {
      const d = join(dir, `folder${++counter}`);
      mkdirSync(d);
      return d;
    }, 'is a directory'],
    ['empty file', () => fixture(Buffer.alloc(0)), 'empty file'],
    ['only whitespace', () => fixture(' \n\t\r\n\u3000\u3000 \n'), 'empty file'],
    ['only whitespace in GB18030', () => fixture(iconv.encode('\u3000\u3000\r\n', 'gb18030')), 'empty file'],
    ['a PNG named .txt', () => fixture(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), noise(4000, 0, 255)])), 'an image (PNG) has no text layer: run OCR first'],
    ['UTF-8 text with NUL bytes', () => fixture(Buffer.from('地区生产总值\u0000\u0000\u0000670.68亿元\u0000')), 'binary file (not text)'],
    ['control characters, no NUL', () => fixture(noise(3000, 1, 31)), 'binary file (not text)'],
    ['UTF-8 text with many control characters', () => fixture('增长\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008 10%'), 'binary file (not text)'],
    ['random high bytes', () => fixture(noise(5000, 0x80, 0xff)), 'cannot decode as UTF-8, UTF-16 or GB18030'],
    ['broken UTF-8 after a UTF-8 BOM', () => fixture(Buffer.concat([BOMS['utf-8']!, Buffer.from([0xe5, 0x9c, 0x30, 0xff])])), 'cannot decode as UTF-8, UTF-16 or GB18030'],
    ['odd-length UTF-16 after a BOM', () => fixture(Buffer.concat([BOMS['utf-16le']!, Buffer.from([0x30, 0x57, 0x31])])), 'cannot decode as UTF-8, UTF-16 or GB18030'],
  ];
  it.each(cases)('%s', async (_label, make, reason) => {
    const p = make();
    await expectInputError(readDocument(p), p, reason);
  });

  it('a file over the size limit (default 64 MB)', async () => {
    const p = fixture('');
    truncateSync(p, 65 * 1024 * 1024); // sparse: nothing is written
    await expectInputError(readDocument(p), p, 'file too large (65 MB > 64 MB)');
  });

  it('a file over a custom size limit', async () => {
    const p = fixture('地区生产总值670.68亿元'.repeat(100));
    await expectInputError(readDocument(p, { maxBytes: 1024 }), p, 'file too large (0.0029 MB > 0.00098 MB)');
  });
});

describe('readDocument: properties', () => {
  it('never throws anything but InputError on arbitrary bytes; valid UTF-8 comes back unchanged', async () => {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    let i = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 400 }), async (arr) => {
        const bytes = Buffer.from(arr);
        const p = fixture(bytes, `prop-bytes-${i++ % 8}.bin`);
        try {
          const r = await readDocument(p);
          expect(typeof r.text).toBe('string');
          expect(r.bytes.equals(bytes)).toBe(true);
          let asUtf8: string | null = null;
          try {
            asUtf8 = utf8.decode(bytes);
          } catch {
            asUtf8 = null;
          }
          if (asUtf8 !== null && !bytes.includes(0)) expect(r.text).toBe(asUtf8); // TextDecoder drops a leading BOM too
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(e.file).toBe(p);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a NUL-free Unicode string written as UTF-8 reads back identical (after a leading BOM)', async () => {
    let i = 0;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (s) => {
        fc.pre(!s.includes('\u0000'));
        const p = fixture(Buffer.from(s, 'utf8'), `prop-str-${i++ % 8}.txt`);
        try {
          const r = await readDocument(p);
          expect(r.text).toBe(s.startsWith('\ufeff') ? s.slice(1) : s);
          expect(r.encoding).toBe('utf-8');
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          // Only blank or control-heavy strings may be refused.
          expect(['empty file', 'binary file (not text)']).toContain(e.reason);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('Chinese text in any supported encoding reads back identical', async () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    const other = fc.constantFrom('，', '。', '%', '亿元', '增长', '1', '0', '.', '\n', ' ', '、', '（', '）');
    const textArb = fc.array(fc.oneof({ weight: 3, arbitrary: han }, { weight: 2, arbitrary: other }), { minLength: 30, maxLength: 200 }).map((a) => `地区生产总值670.68亿元，${a.join('')}`);
    let i = 0;
    await fc.assert(
      fc.asyncProperty(textArb, fc.constantFrom('utf-8', 'gb18030', 'utf-16le', 'utf-16be'), fc.boolean(), async (text, enc, bom) => {
        const body = iconv.encode(text, enc, { addBOM: false });
        const bytes = bom && enc !== 'gb18030' ? Buffer.concat([BOMS[enc]!, body]) : body;
        const r = await readDocument(fixture(bytes, `prop-zh-${i++ % 8}.txt`));
        expect(r.text).toBe(text);
        expect(r.encoding).toBe(enc);
      }),
      { numRuns: 200 },
    );
  });
});

describe('listInputFiles', () => {
  it('expands folders recursively and sorted, keeps given files, reports missing paths', () => {
    const root = join(dir, `tree${++counter}`);
    const mk = (rel: string, body = '增长10%'): string => {
      const p = join(root, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, body);
      return p;
    };
    mk('b.txt');
    mk('a.txt');
    mk('C.TEXT');
    mk('sub/z.txt');
    mk('sub/deeper/y.text');
    mk('sub/notes.md');
    mk('a.gold.json', '{}');
    mk('.hidden.txt');
    mk('.git/objects.txt');
    mk('sub/.cache/x.txt');
    const explicit = mk('other/readme.md');
    const gold = mk('other/x.gold.json', '{}');
    const missing = join(root, 'missing.txt');
    symlinkSync(join(root, 'sub'), join(root, 'sub-link')); // a symlinked folder is followed, but files are not listed twice

    const { files, errors } = listInputFiles([root, explicit, missing, gold]);
    expect(files).toEqual([
      join(root, 'C.TEXT'),
      join(root, 'a.txt'),
      join(root, 'b.txt'),
      join(root, 'sub/deeper/y.text'),
      join(root, 'sub/z.txt'),
      explicit,
      gold,
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(InputError);
    expect(errors[0]!.file).toBe(missing);
    expect(errors[0]!.reason).toBe('no such file or directory');
    expect(errors[0]!.message).toBe(`${missing}: no such file or directory`);
  });

  it('an empty folder gives nothing; a file given twice is listed once', () => {
    const root = join(dir, `empty${++counter}`);
    mkdirSync(root);
    expect(listInputFiles([root])).toEqual({ files: [], errors: [] });
    const f = fixture('增长10%');
    expect(listInputFiles([f, f]).files).toEqual([f]);
  });

  it('supported extensions', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.text', '.html', '.htm', '.shtml', '.xhtml', '.pdf', '.docx']);
  });

  it('a folder gives its documents of every format, and skips other files', () => {
    const root = join(dir, `mixed${++counter}`);
    mkdirSync(root);
    for (const name of ['a.txt', 'b.HTML', 'c.pdf', 'd.docx', 'e.doc', 'f.png', 'g.json']) writeFileSync(join(root, name), 'x');
    expect(listInputFiles([root]).files.map((f) => f.slice(root.length + 1))).toEqual(['a.txt', 'b.HTML', 'c.pdf', 'd.docx']);
  });

  it('the sample corpus', () => {
    const { files, errors } = listInputFiles([CORPUS]);
    expect(errors).toEqual([]);
    expect(files.length).toBe(10);
    expect(files.every((f) => f.endsWith('.txt'))).toBe(true);
    expect([...files].sort()).toEqual(files);
  });
});
