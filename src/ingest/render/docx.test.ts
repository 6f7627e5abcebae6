import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { unzip } from './zip.js';
import { renderDocx } from './docx.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../corpus/dev');

type DomNode = ReturnType<typeof parseDocument>['children'][number];
type DomElement = Extract<DomNode, { attribs: Record<string, string> }>;
const isElement = (n: DomNode): n is DomElement => 'attribs' in n;


/** The body children of word/document.xml (w:p, w:tbl), parsed. */
async function body(bytes: Buffer): Promise<DomElement[]> {
  const files = await unzip(bytes);
  const xml = files.get('word/document.xml');
  expect(xml).toBeDefined();
  const doc = parseDocument(xml!.toString('utf8'), { xmlMode: true });
  const b = DomUtils.findOne((e) => e.name === 'w:body', doc.children);
  expect(b).not.toBeNull();
  return b!.children.filter(isElement).filter((e) => e.name !== 'w:sectPr');
}

const all = (name: string, node: DomElement): DomElement[] => DomUtils.getElementsByTagName(name, node, true);
const first = (name: string, node: DomElement): DomElement | undefined => all(name, node)[0];
const attr = (node: DomElement | undefined, name: string): string | undefined => node?.attribs[name];
/** A paragraph's text: its w:t elements joined. */
const text = (p: DomElement): string => all('w:t', p).map((t) => DomUtils.textContent(t)).join('');
const runs = (p: DomElement): DomElement[] => p.children.filter(isElement).filter((e) => e.name === 'w:r');
const style = (p: DomElement): string | undefined => attr(first('w:pStyle', p), 'w:val');
const cellTexts = (tbl: DomElement): string[][] =>
  all('w:tr', tbl).map((tr) => tr.children.filter(isElement).filter((e) => e.name === 'w:tc').map(text));

const SAMPLE = [
  '某区2023年政府工作报告',
  '',
  '一、2022年工作回顾',
  '全区实现地区生产总值670.68亿元，同比增长10%。',
  '过去一年，我们坚持稳中求进工作总基调，经济运行总体平稳。',
  '全年新签约项目11个，总投资约300亿元。',
  '（一）主要指标',
  '(二)半角括号的小标题',
  '指标 | 单位 | 数值 | 备注 |',
  '固定资产投资 | 亿元 |',
  '| 万元 | | 空首格 |',
  '二、2023年工作安排',
].join('\n');

describe('renderDocx', () => {
  it('makes a .docx (zip) with the Word parts', async () => {
    const bytes = await renderDocx(SAMPLE);
    expect(bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))).toBe(true);
    const names = [...(await unzip(bytes)).keys()];
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']));
  });

  it('title centred in the Title style, 一、 as Heading 2, （一）/(二) as Heading 3, body with 2-char indent and Chinese font', async () => {
    const els = await body(await renderDocx(SAMPLE));
    const paras = els.filter((e) => e.name === 'w:p' && text(e) !== '');
    const byText = new Map(paras.map((p) => [text(p), p]));

    const title = paras[0]!;
    expect(text(title)).toBe('某区2023年政府工作报告');
    expect(style(title)).toBe('Title');
    expect(attr(first('w:jc', title), 'w:val')).toBe('center');

    expect(style(byText.get('一、2022年工作回顾')!)).toBe('Heading2');
    expect(style(byText.get('二、2023年工作安排')!)).toBe('Heading2');
    expect(style(byText.get('（一）主要指标')!)).toBe('Heading3');
    expect(style(byText.get('(二)半角括号的小标题')!)).toBe('Heading3');

    const bodyParas = paras.filter((p) => style(p) === undefined);
    expect(bodyParas.map(text)).toEqual([
      '全区实现地区生产总值670.68亿元，同比增长10%。',
      '过去一年，我们坚持稳中求进工作总基调，经济运行总体平稳。',
      '全年新签约项目11个，总投资约300亿元。',
    ]);
    for (const p of bodyParas) {
      expect(attr(first('w:ind', p), 'w:firstLineChars')).toBe('200');
      expect(all('w:rFonts', p).some((f) => f.attribs['w:eastAsia'] === '仿宋_GB2312')).toBe(true);
    }
  });

  it('splits body paragraphs into several runs, deterministically by paragraph index', async () => {
    const els = await body(await renderDocx(SAMPLE));
    const bodyParas = els.filter((e) => e.name === 'w:p' && text(e) !== '' && style(e) === undefined);
    // paragraph 0: the first number in its own run
    expect(runs(bodyParas[0]!).map(text)).toEqual(['全区实现地区生产总值', '670.68', '亿元，同比增长10%。']);
    // paragraph 1: a bold stretch in the middle
    const r1 = runs(bodyParas[1]!);
    expect(r1).toHaveLength(3);
    expect(r1.map((r) => first('w:b', r) !== undefined)).toEqual([false, true, false]);
    // paragraph 2: one run
    expect(runs(bodyParas[2]!)).toHaveLength(1);

    const again = await body(await renderDocx(SAMPLE));
    expect(again.map((e) => DomUtils.getOuterHTML(e, { xmlMode: true }))).toEqual(els.map((e) => DomUtils.getOuterHTML(e, { xmlMode: true })));
  });

  it('makes real bordered Word tables, short rows padded with empty cells', async () => {
    const els = await body(await renderDocx(SAMPLE));
    const tables = els.filter((e) => e.name === 'w:tbl');
    expect(tables).toHaveLength(1);
    const tbl = tables[0]!;
    const borders = first('w:tblBorders', tbl)!;
    expect(borders).toBeDefined();
    for (const side of ['w:top', 'w:bottom', 'w:insideH', 'w:insideV']) {
      expect(attr(first(side, borders), 'w:val')).toBe('single');
    }
    expect(cellTexts(tbl)).toEqual([
      ['指标', '单位', '数值', '备注', ''],
      ['固定资产投资', '亿元', '', '', ''],
      ['', '万元', '', '空首格', ''],
    ]);
    // only the first row repeats as a header row
    expect(all('w:tr', tbl).map((tr) => first('w:tblHeader', tr) !== undefined)).toEqual([true, false, false]);
    // every cell holds a paragraph, as Word requires
    for (const tc of all('w:tc', tbl)) expect(first('w:p', tc)).toBeDefined();
  });

  it('a blank line separates two tables; a table at the end is followed by a paragraph', async () => {
    const els = await body(await renderDocx('标题\na | b |\nc | d |\n\ne | f | g'));
    expect(els.map((e) => e.name)).toEqual(['w:p', 'w:tbl', 'w:p', 'w:tbl', 'w:p']);
    expect(text(els[4]!)).toBe('');
    expect(cellTexts(els[1]!)).toEqual([['a', 'b', ''], ['c', 'd', '']]);
    expect(cellTexts(els[3]!)).toEqual([['e', 'f', 'g']]);
  });

  it('a first line that is a table row is a table, not a title', async () => {
    const els = await body(await renderDocx('索引号: | 001 | 主题分类: | 规划 |\n正文第一段。'));
    expect(els[0]!.name).toBe('w:tbl');
    expect(els.filter((e) => e.name === 'w:p').map(style)).not.toContain('Title');
  });

  it('escapes XML-special characters in text', async () => {
    const els = await body(await renderDocx('A&B <报告> "引号"\n数值 > 5 & < 10'));
    expect(els.map(text)).toEqual(['A&B <报告> "引号"', '数值 > 5 & < 10']);
  });

  for (const f of readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).sort()) {
    it(`${f}: every source line is one paragraph or table row of document.xml`, async () => {
      const source = readFileSync(join(CORPUS, f), 'utf8');
      const els = await body(await renderDocx(source));
      const got: Array<string | string[][]> = [];
      for (const e of els) {
        if (e.name === 'w:tbl') got.push(cellTexts(e).map((r) => trimEnd(r)));
        else if (text(e).trim() !== '') got.push(text(e));
      }
      const want: Array<string | string[][]> = [];
      let table: string[][] | null = null;
      for (const line of source.split(/\r\n|\r|\n/)) {
        if ((line.match(/\|/g)?.length ?? 0) >= 2) {
          if (!table) want.push((table = []));
          table.push(trimEnd(line.split('|').map((c) => c.trim())));
        } else {
          table = null;
          if (line.trim() !== '') want.push(line.trim());
        }
      }
      expect(got).toEqual(want);
    });
  }
});

function trimEnd(row: string[]): string[] {
  const out = [...row];
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
