// HTML -> the text of the article, in the plain-text shape the extraction
// engine reads: one block per line, table rows as `cell | cell | cell`.
//
// A saved government portal page is mostly chrome (header, menus, breadcrumb,
// share buttons, QR codes, related links, footer). With `main: true` (the
// default) the article is found and only it is kept:
//
//   1. the main container: a well-known CMS content element (#zoom,
//      .TRS_Editor, #UCAP-CONTENT, … — data/html-chrome.json) when it holds a
//      fair share of the page's text, otherwise the best candidate of a
//      Readability-style score (text in paragraphs and cells, punctuation,
//      minus link density);
//   2. the title: an h1 / title-classed element near the container that
//      agrees with <title>, else <title> minus the site name;
//   3. the info line between the title and the container (发布时间 … 来源 …)
//      with its chrome segments (字体 / 浏览量 / 打印 …) cut out;
//   4. a 政府信息公开 disclosure block (索引号 / 主题分类 / 发布机构 …), kept
//      and put first.
// Output: disclosure rows, title, info line, content.
//
// Everything is iterative (explicit stacks, pre-order index arrays), and the
// parser (parse5) is linear in the nesting depth: a page of 200,000 nested
// <div>s neither overflows the stack nor goes quadratic.
//
// Notes for callers:
// - Whitespace: ASCII whitespace runs collapse to one space; a run holding a
//   line break between two CJK characters (or CJK and a digit) is dropped
//   (a source line-wrap), but a space written between CJK characters
//   (`指 标 名 称`) is kept, as browsers keep it. NBSP becomes a space
//   inside a line (not collapsed) and is trimmed at line ends, like U+3000.
// - Table rows keep every cell, empty ones too, and end with ` |`; a `|`
//   inside a cell is written as `｜`; a row with a single cell is a plain
//   line.
// - A <form> is dropped unless it wraps the page (ASP.NET pages put the whole
//   body in one); <svg>/<math> contents are never text.
// - With `main: false` nothing is moved or dropped except non-text elements
//   and hidden ones: no title line is added, chrome stays.
//
// Where things are (src/ingest/html/):
// - dom.ts: parsing (parse5 + the htmlparser2 tree adapter), node guards;
// - chrome-data.ts: data/html-chrome.json, loaded and compiled once;
// - text.ts: character classes, block tags, whitespace normalisation;
// - pre.ts: the pre-pass (class Pre: elements in document order with
//   subtree stats and flags);
// - render.ts: elements -> lines (class Renderer), tables, inlineText;
// - chrome-text.ts: chrome lines and the info line (cleanLine, isInfoLine);
// - page.ts: page structure: skeleton, stripSiteName, the disclosure block,
//   the main content, the title, the nodes between title and content.
// This file is the entry point: htmlToText puts the parts together.
import type { ParentNode } from 'domhandler';
import { chrome } from './html/chrome-data.js';
import { isInfoLine } from './html/chrome-text.js';
import { parse } from './html/dom.js';
import { findContent, findDisclosure, findTitle, nodesBetween, skeleton, stripSiteName } from './html/page.js';
import { F_DEAD, Pre } from './html/pre.js';
import { inlineText, Renderer } from './html/render.js';
import { key } from './html/text.js';

export { stripSiteName };

export interface HtmlText {
  /** The article: title line first, then one block per line; table rows as `cell | cell | cell`. */
  text: string;
  /** The article title, if found (h1 / article title element / <title> minus the site-name suffix like `_长沙市芙蓉区人民政府`). */
  title: string | null;
}

export interface HtmlOptions {
  /** true (default): find the main content of a portal page and drop its chrome. false: the whole <body> (for clean HTML such as mammoth's DOCX output). */
  main?: boolean;
}

/** HTML (already decoded to a string) -> the text of the article. */
export function htmlToText(html: string, options: HtmlOptions = {}): HtmlText {
  const c = chrome();
  const doc = parse(html);
  const { body, title: docTitle } = skeleton(doc);
  const pre = new Pre(body, c);
  const stripped = docTitle === null ? null : stripSiteName(docTitle);

  if (options.main === false) {
    const lines = new Renderer(pre, c, { clean: false }).render([body]).out;
    let title: string | null = null;
    for (let i = 1; i < pre.els.length; i++) {
      if (pre.names[i] === 'h1' && !pre.has(i, F_DEAD)) {
        const t = inlineText(pre, i);
        if (t !== '') {
          title = t;
          break;
        }
      }
    }
    return { text: lines.join('\n'), title: title ?? stripped };
  }

  const content = findContent(pre, c);
  const c0 = content[0] as number;
  let disclosure = findDisclosure(pre, c);
  if (disclosure >= 0 && content.some((ci) => pre.contains(disclosure, ci))) disclosure = -1;
  const t = findTitle(pre, c, content, disclosure, docTitle, stripped);
  const skip = new Set<number>();
  if (t !== null) skip.add(t.el);
  if (disclosure >= 0) skip.add(disclosure);

  const lines: string[] = [];
  if (disclosure >= 0) {
    lines.push(...new Renderer(pre, c, { clean: false }).render([pre.els[disclosure] as ParentNode]).out);
  }
  const title = t?.text ?? stripped;
  if (title !== null) lines.push(title);

  // The info line (发布时间 … 来源 …) between the title and the content.
  const insideContent = t !== null && content.some((ci) => pre.contains(ci, t.el));
  if (!insideContent && c0 > 0) {
    const from = t !== null ? t.el : disclosure;
    if (from < c0) {
      const between = nodesBetween(pre, from, c0);
      const infos = new Renderer(pre, c, { clean: true, skip }).render(between).out.filter((l) => isInfoLine(l, c));
      for (const l of infos) if (title === null || key(l) !== key(title)) lines.push(l);
    }
  }

  const body_ = new Renderer(pre, c, { clean: true, skip }).render(content.map((i) => pre.els[i] as ParentNode)).out;
  let start = 0;
  if (title !== null) {
    const tk = key(title);
    while (start < body_.length && key(body_[start] as string) === tk) start++;
  }
  for (let k = start; k < body_.length; k++) lines.push(body_[k] as string);
  return { text: lines.join('\n'), title };
}
