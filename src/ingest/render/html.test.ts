import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../html.js';
import { PORTAL_LAYOUTS, renderPortalHtml } from './html.js';

const CORPUS = fileURLToPath(new URL('../../../corpus/dev/', import.meta.url));
const FILES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

function read(file: string): string {
  return readFileSync(CORPUS + file, 'utf8');
}

function isRow(line: string): boolean {
  return line.split('|').length > 2;
}

/**
 * Both sides of a round trip, normalised the same way: lines trimmed (NBSP is
 * a space: htmlToText writes it as one), empty lines dropped, table rows as
 * trimmed cells without trailing empty cells.
 */
function normalize(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\u00a0/g, ' ').trim())
    .filter((l) => l !== '')
    .map((l) => {
      if (!isRow(l)) return l;
      const cells = l.split('|').map((c) => c.trim());
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells.join(' | ');
    });
}

/**
 * Page chrome that was captured into a corpus text when it was made, and that
 * htmlToText rightly drops: the expected output is the source without it.
 * Each entry must occur in its file (checked below), so the list cannot go stale.
 */
const CHROME_IN_SOURCE: Record<string, { drop?: string[]; cut?: Array<[string, string]> }> = {
  'furong-2020h1.txt': {
    // the QR-code caption at the foot of the page
    drop: ['扫一扫在手机打开当前页'],
    // the font-size switch label at the end of the info line (its buttons were images)
    cut: [['发布时间 : 2020-07-31     来源:芙蓉区政府办     字体大小:', '发布时间 : 2020-07-31     来源:芙蓉区政府办']],
  },
};

function expected(file: string, text: string): string[] {
  let lines = normalize(text);
  const edits = CHROME_IN_SOURCE[file];
  if (edits !== undefined) {
    for (const d of edits.drop ?? []) {
      expect(lines, `${file}: chrome line to drop`).toContain(d);
      lines = lines.filter((l) => l !== d);
    }
    for (const [from, to] of edits.cut ?? []) {
      expect(lines, `${file}: chrome line to cut`).toContain(from);
      lines = lines.map((l) => (l === from ? to : l));
    }
  }
  return lines;
}

const CHROME_WORDS = ['您现在所在的位置', '字体', '浏览量', '扫一扫', '关联稿件', '分享到', '网站标识码', 'ICP备', '公网安备', '主办单位', '上一篇', '下一篇', '互动交流', '网站地图'];
const SCRIPT_WORDS = ['您的浏览器版本过低', '切换到手机版', '今天是', '百度统计', '标题样式', '浏览器不支持'];

const DISCLOSURE: Array<[string, string]> = [
  ['索引号：', '431102/2021-00123'],
  ['主题分类：', '规划计划'],
  ['发布机构：', '芙蓉区发展和改革局'],
  ['发布日期：', '2021-09-15'],
  ['文号：', '芙发改〔2021〕12号'],
];
const DISCLOSURE_ROWS = ['索引号： | 431102/2021-00123 | 主题分类： | 规划计划', '发布机构： | 芙蓉区发展和改革局 | 发布日期： | 2021-09-15', '文号： | 芙发改〔2021〕12号'];

describe('renderPortalHtml -> htmlToText round trip', () => {
  it('has corpus files to test', () => {
    expect(FILES.length).toBeGreaterThan(0);
  });

  const cases = FILES.flatMap((f) => Array.from({ length: PORTAL_LAYOUTS }, (_, layout) => [f, layout] as const));
  it.each(cases)('%s, layout %i: gives the text back line by line', (file, layout) => {
    const text = read(file);
    const out = htmlToText(renderPortalHtml(text, { layout }));
    expect(normalize(out.text)).toEqual(expected(file, text));
  });

  it.each(FILES)('%s (default layout): no chrome or script text that is not in the source', (file) => {
    const text = read(file);
    const out = htmlToText(renderPortalHtml(text)).text;
    for (const w of [...CHROME_WORDS, ...SCRIPT_WORDS]) {
      if (!text.includes(w)) expect(out, w).not.toContain(w);
    }
  });

  it.each(FILES)('%s: with a disclosure block the output starts with its rows, then the title', (file) => {
    const text = read(file);
    const lines = normalize(htmlToText(renderPortalHtml(text, { disclosure: DISCLOSURE })).text);
    const source = expected(file, text);
    expect(lines.slice(0, DISCLOSURE_ROWS.length)).toEqual(DISCLOSURE_ROWS);
    // The source's own leading rows (if any) follow in the same block, then the title.
    expect(lines.slice(DISCLOSURE_ROWS.length)).toEqual(source);
  });

  it('returns the title', () => {
    for (const file of FILES) {
      const text = read(file);
      const first = text
        .split('\n')
        .map((l) => l.trim())
        .find((l) => l !== '' && !isRow(l));
      expect(htmlToText(renderPortalHtml(text)).title, file).toBe(first);
    }
  });
});

describe('renderPortalHtml: the page', () => {
  const text = read('furong-2020h1.txt');
  const title = '芙蓉区政府2020年上半年区政工作报告';

  it('is deterministic', () => {
    expect(renderPortalHtml(text)).toBe(renderPortalHtml(text));
  });

  it('is a full portal page: head, chrome, h1 title, info bar, container, footer', () => {
    const html = renderPortalHtml(text, { layout: 0 });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<title>${title}_长沙市芙蓉区人民政府</title>`);
    expect(html).toContain(`<h1 class="article-title">${title}</h1>`);
    expect(html).toContain('<div class="TRS_Editor">');
    for (const s of ['您现在所在的位置：', '走进芙蓉', '字体：【', '浏览量：', '【打印】', '分享到：', '扫一扫在手机打开当前页', '关联稿件', '上一篇：', '网站标识码', '湘ICP备', '湘公网安备', '<script', '<style']) {
      expect(html, s).toContain(s);
    }
    // The title is the h1 only, never also a paragraph.
    expect(html.split(title).length - 1).toBe(3); // <title>, meta ArticleTitle, <h1>
  });

  it('varies the paragraph markup the way CMS output does', () => {
    const html = renderPortalHtml(text, { layout: 0 });
    for (const s of ['style="text-indent:2em;"', '<p>&nbsp;&nbsp;&nbsp;&nbsp;', '<p>&#12288;&#12288;', '<span lang="EN-US"', '<font face="宋体"', '<strong>', '<b>', '&ldquo;', '<div style="text-indent:2em']) {
      expect(html, s).toContain(s);
    }
    // a source line-wrap inside Chinese text
    expect(html).toMatch(/[\u4e00-\u9fff]\n +[\u4e00-\u9fff]/);
  });

  it('uses a different container per layout', () => {
    const marks = ['class="TRS_Editor"', 'id="zoom"', 'id="UCAP-CONTENT"', 'class="wzy_nr"', 'class="nr_text"'];
    marks.forEach((mark, layout) => expect(renderPortalHtml(text, { layout }), mark).toContain(mark));
    expect(renderPortalHtml(text, { layout: 3 })).toContain('<table class="main-table"');
  });

  it('escapes &, < and > and keeps them through the round trip', () => {
    const doc = '关于A&B<测试>的报告\n第一段：a<b && c>d，增长8%。\n项目 | 金额<万元> | 备注&说明\nR&D | 1<2 | >3\n最后一段。';
    const html = renderPortalHtml(doc);
    expect(html).toContain('<h1 class="article-title">关于A&amp;B&lt;测试&gt;的报告</h1>');
    expect(html).not.toContain('<测试>');
    expect(normalize(htmlToText(html).text)).toEqual(normalize(doc));
  });

  it('uses the site name and charset given', () => {
    const html = renderPortalHtml('测试标题\n正文第一段。', { site: '邵阳市人民政府', charset: 'gb2312' });
    expect(html).toContain('<meta charset="gb2312">');
    expect(html).toContain('<title>测试标题_邵阳市人民政府</title>');
    expect(html).toContain('走进邵阳');
    expect(htmlToText(html).text).toBe('测试标题\n正文第一段。');
  });
});
