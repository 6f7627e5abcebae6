import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredCharset, formatOf, looksLikeHtml, unsupportedReason } from './formats.js';
import { InputError, readBytes, readDocument } from './read.js';

const PAGE = (charset: string, body: string): string =>
  `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>报告</title></head><body><div id="zoom"><p>${body}</p></div></body></html>`;

describe('formatOf', () => {
  // Each row: file name, first bytes, format.
  const CASES: Array<[string, string, string]> = [
    ['report.pdf', '%PDF-1.7\n', 'pdf'],
    ['report.PDF', '<html>', 'pdf'], // the name says PDF: the PDF reader will refuse the page
    ['page.htm', '<p>增长10%</p>', 'html'],
    ['plan.docx', 'PK\x03\x04', 'docx'],
    ['notes.txt', '<!DOCTYPE html>', 'text'],
    ['download', '%PDF-1.4', 'pdf'],
    ['download', 'PK\x03\x04', 'docx'],
    ['download', '\ufeff  <!doctype HTML><html>', 'html'],
    ['download', '<!-- saved from url=(0044)http://www.gov.cn/ -->\n<html>', 'html'],
    ['README', '地区生产总值670.68亿元', 'text'],
  ];
  it.each(CASES)('%s starting %j is %s', (name, head, format) => {
    expect(formatOf(name, Buffer.from(head, 'utf8'))).toBe(format);
  });

  it('tells an HTML page by its start only', () => {
    expect(looksLikeHtml(Buffer.from('  <HTML lang="zh">'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('表格 <table> 在正文中'))).toBe(false);
  });
});

describe('files of other kinds', () => {
  it.each([
    ['report.doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], 'legacy Office file (.doc, .xls, .wps) is not supported (save it as .docx or .pdf)'],
    ['report.rtf', [...Buffer.from('{\\rtf1\\ansi 增长10%}')], 'RTF is not supported (save it as .docx or .txt)'],
    ['scan.txt', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'an image (PNG) has no text layer: run OCR first'],
    ['scan.jpg', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'an image (JPEG) has no text layer: run OCR first'],
  ])('%s is refused for what it is', async (name, bytes, reason) => {
    expect(unsupportedReason(Uint8Array.from(bytes))).toBe(reason);
    const err = await readBytes(name, Buffer.from(bytes)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).reason).toBe(reason);
  });

  it('does not take a text for another kind', () => {
    expect(unsupportedReason(Buffer.from('地区生产总值增长10%'))).toBeNull();
  });
});

describe('declaredCharset', () => {
  it.each([
    ['<meta charset="gbk">', 'gbk'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />', 'gb2312'],
    ["<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=big5'>", 'big5'],
    ['<meta name="keywords" content="charset=utf-8">', null],
    ['<p>charset=gbk</p>', null],
  ])('%s declares %s', (head, charset) => {
    expect(declaredCharset(Buffer.from(`<html><head>${head}</head></html>`))).toBe(charset);
  });
});

describe('readDocument: web pages in legacy encodings', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhengbao-formats-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, bytes: Buffer): string => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };

  it('reads a GBK page by its bytes, and a Big5 page by its declared charset', async () => {
    const gbk = await readDocument(write('gbk.html', iconv.encode(PAGE('gb2312', '全区地区生产总值670.68亿元，同比增长10%。'), 'gbk')));
    expect(gbk.format).toBe('html');
    expect(gbk.mediaType).toBe('text/html');
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.text).toContain('全区地区生产总值670.68亿元，同比增长10%。');
    const big5 = await readDocument(write('big5.htm', iconv.encode(PAGE('big5', '全區地區生產總值670.68億元'), 'big5')));
    expect(big5.encoding).toBe('big5');
    expect(big5.text).toContain('全區地區生產總值670.68億元');
  });

  it('believes the bytes over a page that declares gb2312 and is UTF-8', async () => {
    const r = await readDocument(write('liar.html', Buffer.from(PAGE('gb2312', '规模以上工业增加值增长8.1%'), 'utf8')));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain('规模以上工业增加值增长8.1%');
  });

  it('refuses a page too large to be an article, before parsing it', async () => {
    const big = Buffer.alloc(17 * 1024 * 1024, 'a');
    big.write('<html><body><p>', 0);
    const p = write('huge.html', big);
    const err = await readDocument(p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).reason).toBe('web page too large (17 MB > 16 MB): save the article alone');
  });

  it('says when a page holds no text', async () => {
    const err = await readDocument(write('blank.html', Buffer.from('<html><body><script>var a="增长10%"</script></body></html>'))).catch((e: unknown) => e);
    expect((err as InputError).reason).toBe('no text in the web page');
  });
});
