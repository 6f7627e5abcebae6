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
import type { AnyNode, ChildNode, Document, Element, ParentNode, Text } from 'domhandler';
import { ElementType } from 'htmlparser2';
import { parse as parse5 } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { loadData } from '../data.js';

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

function isTag(n: AnyNode): n is Element {
  return n.type === ElementType.Tag || n.type === ElementType.Script || n.type === ElementType.Style;
}
function isText(n: AnyNode): n is Text {
  return n.type === ElementType.Text;
}

// ---------------------------------------------------------------------------
// Data (data/html-chrome.json)

interface NameGroup {
  comment?: string;
  when?: 'always' | 'mostlyLinks';
  words: string[];
  prefixes: string[];
  contains: string[];
}
interface ContainerSpec {
  comment?: string;
  id?: string;
  class?: string;
  tag?: string;
  classContains?: string;
  idContains?: string;
  strong: boolean;
}
interface TextPatternSpec {
  comment: string;
  kind: 'line' | 'segment' | 'trailing';
  pattern: string;
  maxLength: number;
}
interface ChromeData {
  dropTags: string[];
  formKeepChars: number;
  chromeTags: { always: string[]; mostlyLinks: string[] };
  linkDensity: number;
  chromeNames: NameGroup[];
  titleNames: NameGroup;
  containers: ContainerSpec[];
  containerMinChars: number;
  containerMinShare: number;
  containerNarrowShare: number;
  disclosure: { labels: string[]; strong: string[]; minLabels: number; maxChars: number };
  infoLine: { pattern: string; datePattern: string; spaceBefore: string; maxLength: number };
  relatedHeading: { pattern: string; startPattern: string; maxLength: number };
  textChrome: TextPatternSpec[];
  proseMaxLength: number;
  siteTitle: { separators: string; siteName: string; channelName: string };
}

interface CompiledPattern {
  re: RegExp;
  maxLength: number;
}
interface Compiled {
  data: ChromeData;
  dropTags: Set<string>;
  chromeAlways: Set<string>;
  chromeMostlyLinks: Set<string>;
  names: Array<{ mostlyLinks: boolean; words: Set<string>; prefixes: string[]; contains: string[] }>;
  title: { words: Set<string>; prefixes: string[]; contains: string[] };
  containers: Array<ContainerSpec & { lid?: string; lclass?: string; lclassContains?: string; lidContains?: string }>;
  labels: string[];
  labelRe: RegExp;
  labelBit: Map<string, number>;
  strongMask: number;
  /** Bits of c.containers that are strong / that match by tag name. */
  strongContainers: number;
  tagContainers: Map<string, number>;
  info: RegExp;
  infoDate: RegExp;
  spaceBefore: RegExp;
  related: RegExp;
  relatedStart: RegExp;
  lines: CompiledPattern[];
  segments: CompiledPattern[];
  trailing: CompiledPattern[];
  separators: RegExp;
  siteName: RegExp;
  channelName: RegExp;
}

let compiled: Compiled | undefined;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function chrome(): Compiled {
  if (compiled) return compiled;
  const data = loadData<ChromeData>('html-chrome.json');
  const group = (g: NameGroup) => ({
    words: new Set(g.words.map((w) => w.toLowerCase())),
    prefixes: g.prefixes.map((w) => w.toLowerCase()),
    contains: g.contains.map((w) => w.toLowerCase()),
  });
  const labels = data.disclosure.labels.slice(0, 31);
  let strongMask = 0;
  labels.forEach((l, i) => {
    if (data.disclosure.strong.includes(l)) strongMask |= 1 << i;
  });
  const pats = (kind: TextPatternSpec['kind'], flags: string): CompiledPattern[] =>
    data.textChrome.filter((p) => p.kind === kind).map((p) => ({ re: new RegExp(p.pattern, flags), maxLength: p.maxLength }));
  const containers = data.containers.slice(0, 31);
  let strongContainers = 0;
  const tagContainers = new Map<string, number>();
  containers.forEach((spec, k) => {
    if (spec.strong) strongContainers |= 1 << k;
    if (spec.tag !== undefined) tagContainers.set(spec.tag, (tagContainers.get(spec.tag) ?? 0) | (1 << k));
  });
  const labelBit = new Map<string, number>();
  labels.forEach((l, i) => labelBit.set(l, 1 << i));
  // Longest first, so 发布日期 is not read as 日期.
  const labelRe = new RegExp([...labels].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
  compiled = {
    data,
    labelRe,
    labelBit,
    strongContainers,
    tagContainers,
    dropTags: new Set(data.dropTags),
    chromeAlways: new Set(data.chromeTags.always),
    chromeMostlyLinks: new Set(data.chromeTags.mostlyLinks),
    names: data.chromeNames.map((g) => ({ mostlyLinks: g.when === 'mostlyLinks', ...group(g) })),
    title: group(data.titleNames),
    containers: containers.map((c) => ({
      ...c,
      lid: c.id?.toLowerCase(),
      lclass: c.class?.toLowerCase(),
      lclassContains: c.classContains?.toLowerCase(),
      lidContains: c.idContains?.toLowerCase(),
    })),
    labels,
    strongMask,
    info: new RegExp(data.infoLine.pattern),
    infoDate: new RegExp(data.infoLine.datePattern),
    spaceBefore: new RegExp(`(?<=\\d)(?=${data.infoLine.spaceBefore})`, 'g'),
    related: new RegExp(data.relatedHeading.pattern),
    relatedStart: new RegExp(data.relatedHeading.startPattern),
    lines: pats('line', ''),
    segments: pats('segment', 'g'),
    trailing: pats('trailing', ''),
    separators: new RegExp(data.siteTitle.separators),
    siteName: new RegExp(data.siteTitle.siteName),
    channelName: new RegExp(data.siteTitle.channelName),
  };
  return compiled;
}

// ---------------------------------------------------------------------------
// Parsing

/**
 * The page as a DOM: parse5 (the WHATWG tree construction browsers use, so
 * unclosed <p> and <td> nest as a browser shows them) building domhandler
 * nodes. Its open-element stack is an array: 200,000 nested <div>s parse in
 * linear time.
 */
function parse(html: string): Document {
  return parse5(html, { treeAdapter: adapter }) as unknown as Document;
}

// ---------------------------------------------------------------------------
// Character classes

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul', 'xmp', 'listing', 'plaintext',
]);
/** Blocks that make a table cell a layout container. */
const HEADING_OR_LIST = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'blockquote', 'section', 'article', 'nav', 'header', 'footer', 'aside']);
const CELL_BLOCKS = new Set(['p', 'div', 'center', 'pre', 'li', 'dd', 'dt', 'address']);
/** Paragraph-like blocks give their score to their parent; other blocks with direct text score themselves. */
const PARAGRAPHS = new Set(['p', 'pre', 'blockquote', 'li', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'caption']);
const TITLE_TAGS: Record<string, number> = { h1: 0, h2: 2, h3: 3 };
const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
const TABLE_IGNORED = new Set(['colgroup', 'col']);

function isSpaceCode(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff;
}
function isEdgeSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff;
}
function isCjk(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) || // ideographs (ext A + unified)
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0x3000 && c <= 0x30ff) || // CJK punctuation, kana
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (c >= 0x2010 && c <= 0x2027) || // dashes, quotes “”, ellipsis
    (c >= 0xd800 && c <= 0xdbff) // supplementary ideographs (surrogate lead)
  );
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function joinable(prev: number, next: number): boolean {
  return (isCjk(prev) && (isCjk(next) || isDigit(next))) || (isDigit(prev) && isCjk(next));
}

/** Marks a hard break inside a table cell or a one-line rendering (br, block boundary): always a space. */
const HARD = '\u0001';
const EDGE = /^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g;
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff]/g;

/**
 * One block's raw text -> one line: runs of ASCII whitespace become one space,
 * except a run holding a line break between two CJK characters or a CJK
 * character and a digit (a source line-wrap inside Chinese text), which goes;
 * the ends are trimmed (also NBSP and U+3000) and inner NBSPs become spaces.
 */
function normalize(raw: string): string {
  let out = '';
  let last = 0;
  const n = raw.length;
  let odd = false; // NBSP or an invisible character seen
  for (let i = 0; i < n; ) {
    const c = raw.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 1) {
      let j = i + 1;
      let nl = c === 10 || c === 13;
      let hard = c === 1;
      for (; j < n; j++) {
        const d = raw.charCodeAt(j);
        if (d === 32 || d === 9 || d === 12) continue;
        if (d === 10 || d === 13) nl = true;
        else if (d === 1) hard = true;
        else break;
      }
      if (i > 0) out += raw.slice(last, i);
      if (i > 0 && j < n && (hard || !nl || !joinable(raw.charCodeAt(i - 1), raw.charCodeAt(j)))) out += ' ';
      last = j;
      i = j;
      continue;
    }
    if (c === 0xa0 || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff) odd = true;
    i++;
  }
  let s = last === 0 ? raw : out + raw.slice(last);
  if (odd) {
    s = s.replace(INVISIBLE, '');
    s = s.replace(EDGE, '');
    s = s.replace(/\u00a0/g, ' ');
  } else if (s.length > 0 && (isEdgeSpace(s.charCodeAt(0)) || isEdgeSpace(s.charCodeAt(s.length - 1)))) {
    s = s.replace(EDGE, '');
  }
  return s;
}

const KEY_SPACE = /[\s\u00a0\u3000]+/g;
function key(s: string): string {
  return s.replace(KEY_SPACE, '');
}

// ---------------------------------------------------------------------------
// The pre-pass: every element kept, in document order, with its subtree stats

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  if (a.type !== undefined && a.type.toLowerCase() === 'hidden') return true;
  const style = a.style;
  return style !== undefined && style.length > 0 && HIDDEN_STYLE.test(style);
}

/** The words of an id / class value: split on non-alphanumerics, camelCase and letter/digit boundaries; lower case. */
function nameWords(value: string): string[] {
  const out: string[] = [];
  for (const seg of value.split(/[^A-Za-z0-9]+/)) {
    if (seg === '') continue;
    for (const w of seg.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Za-z])(\d)|(\d)([A-Za-z])/g, '$1$3 $2$4').split(' ')) {
      if (w !== '') out.push(w.toLowerCase());
    }
  }
  return out;
}

function groupMatches(g: { words: Set<string>; prefixes: string[]; contains: string[] }, words: string[], raw: string): boolean {
  for (const w of words) {
    if (g.words.has(w)) return true;
    for (const p of g.prefixes) if (w.startsWith(p)) return true;
  }
  for (const c of g.contains) if (raw.includes(c)) return true;
  return false;
}

const F_FORM = 1; // a <form> (dropped unless it wraps the page)
const F_DEAD = 2; // dropped, or inside something dropped
const F_CHROME = 4; // chrome by itself (tag or id/class)
const F_IN_CHROME = 8; // chrome by itself or inside chrome
const F_IN_LINK = 16; // inside <a>
const F_TITLE_NAME = 32; // id/class names a title
const F_STRONG = 64; // a strong known container

/** What an id / class pair says: chrome (always / if mostly links), a title, which known containers. */
interface NameInfo {
  always: boolean;
  mostlyLinks: boolean;
  title: boolean;
  /** Bit k: matches c.containers[k] (the id / class specs; tag specs are checked by name). */
  containers: number;
}

const nameCache = new Map<string, NameInfo>();

function nameInfo(id: string, cls: string, c: Compiled): NameInfo {
  const cacheKey = `${id}\u0000${cls}`;
  const hit = nameCache.get(cacheKey);
  if (hit !== undefined) return hit;
  const raw = `${id} ${cls}`;
  const words = nameWords(raw);
  const lraw = raw.toLowerCase();
  let always = false;
  let mostlyLinks = false;
  for (const g of c.names) {
    if ((g.mostlyLinks ? mostlyLinks : always) || !groupMatches(g, words, lraw)) continue;
    if (g.mostlyLinks) mostlyLinks = true;
    else always = true;
  }
  const lid = id.trim().toLowerCase();
  const lcls = cls.toLowerCase();
  const classes = lcls.split(/\s+/);
  let containers = 0;
  c.containers.forEach((spec, k) => {
    let m = false;
    if (spec.lid !== undefined) m = lid === spec.lid;
    else if (spec.lidContains !== undefined) m = lid.includes(spec.lidContains);
    else if (spec.lclass !== undefined) m = classes.includes(spec.lclass);
    else if (spec.lclassContains !== undefined) m = lcls.includes(spec.lclassContains);
    if (m) containers |= 1 << k;
  });
  const info: NameInfo = { always, mostlyLinks, title: groupMatches(c.title, words, lraw), containers };
  if (nameCache.size >= 5000) nameCache.clear();
  nameCache.set(cacheKey, info);
  return info;
}

const NO_NAME: NameInfo = { always: false, mostlyLinks: false, title: false, containers: 0 };

class Pre {
  /** Elements in document order; index 0 is the root (body, html or the document). */
  readonly els: ParentNode[] = [];
  readonly names: string[] = [];
  readonly parent: Int32Array;
  /** Last index of the subtree. */
  readonly end: Int32Array;
  readonly flags: Uint8Array;
  /** Non-space characters in the subtree / in links in the subtree. */
  readonly text: Float64Array;
  readonly link: Float64Array;
  /** Characters of the element's own line(s): text not inside a nested block. */
  readonly own: Float64Array;
  readonly ownLink: Float64Array;
  readonly ownPunct: Float64Array;
  /** Disclosure labels seen in short text nodes of the subtree (bit per label). */
  readonly mask: Int32Array;
  /** Descendants (not self): tables, headings / lists, paragraph-like blocks, <br>. */
  readonly nTable: Int32Array;
  readonly nHL: Int32Array;
  readonly nBlock: Int32Array;
  readonly nBr: Int32Array;
  /** Known containers matched (bit per c.containers entry); 0 for most elements. */
  readonly containers: Int32Array;
  // An element's index is kept in its `startIndex`, which htmlparser2 leaves
  // null unless asked for source positions (we never ask, and the tree is ours).

  constructor(root: ParentNode, c: Compiled) {
    // Pass 1 (pre-order): the kept elements, their parents, the text nodes.
    const els = this.els;
    const names = this.names;
    const parentL: number[] = [-1];
    const flagsL: number[] = [0];
    const infos: NameInfo[] = [NO_NAME];
    const textNodes: Text[] = [];
    const textParent: number[] = [];
    els.push(root);
    names.push(isTag(root as ChildNode) ? (root as Element).name : '#document');
    root.startIndex = 0;

    const nodes: ChildNode[] = [];
    const parents: number[] = [];
    for (let k = root.children.length - 1; k >= 0; k--) {
      nodes.push(root.children[k] as ChildNode);
      parents.push(0);
    }
    while (nodes.length > 0) {
      const node = nodes.pop() as ChildNode;
      const p = parents.pop() as number;
      if (isText(node)) {
        textNodes.push(node);
        textParent.push(p);
        continue;
      }
      if (!isTag(node)) continue;
      const name = node.name;
      let flags = (flagsL[p] as number) & (F_IN_LINK | F_DEAD);
      if (name === 'form') flags |= F_FORM;
      else if (c.dropTags.has(name)) continue;
      if (isHidden(node)) continue;
      if (name === 'a') flags |= F_IN_LINK;
      const i = els.length;
      els.push(node);
      names.push(name);
      parentL.push(p);
      flagsL.push(flags);
      node.startIndex = i;
      const id = node.attribs.id;
      const cls = node.attribs.class;
      infos.push((id !== undefined && id !== '') || (cls !== undefined && cls !== '') ? nameInfo(id ?? '', cls ?? '', c) : NO_NAME);
      const ch = node.children;
      for (let k = ch.length - 1; k >= 0; k--) {
        nodes.push(ch[k] as ChildNode);
        parents.push(i);
      }
    }

    const n = els.length;
    const parent = (this.parent = Int32Array.from(parentL));
    const flags = (this.flags = Uint8Array.from(flagsL));
    const end = (this.end = new Int32Array(n));
    const text = (this.text = new Float64Array(n));
    const link = (this.link = new Float64Array(n));
    const own = (this.own = new Float64Array(n));
    const ownLink = (this.ownLink = new Float64Array(n));
    const ownPunct = (this.ownPunct = new Float64Array(n));
    const mask = (this.mask = new Int32Array(n));
    const nTable = (this.nTable = new Int32Array(n));
    const nHL = (this.nHL = new Int32Array(n));
    const nBlock = (this.nBlock = new Int32Array(n));
    const nBr = (this.nBr = new Int32Array(n));
    const containers = (this.containers = new Int32Array(n));

    // The block each element's text belongs to (itself, or its nearest block ancestor).
    const blockOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      end[i] = i;
      blockOf[i] = i === 0 || BLOCK_TAGS.has(names[i] as string) ? i : (blockOf[parent[i] as number] as number);
    }

    // Text.
    const labelRe = c.labelRe;
    for (let t = 0; t < textNodes.length; t++) {
      const s = (textNodes[t] as Text).data;
      const p = textParent[t] as number;
      let count = 0;
      let punct = 0;
      for (let k = 0; k < s.length; k++) {
        const ch = s.charCodeAt(k);
        if (isSpaceCode(ch)) continue;
        count++;
        if (ch === 0xff0c || ch === 0x3002 || ch === 0x3001 || ch === 0xff1b || ch === 0x2c) punct++;
      }
      if (count === 0) continue;
      text[p] = (text[p] as number) + count;
      const inLink = ((flags[p] as number) & F_IN_LINK) !== 0;
      if (inLink) link[p] = (link[p] as number) + count;
      const b = blockOf[p] as number;
      own[b] = (own[b] as number) + count;
      ownPunct[b] = (ownPunct[b] as number) + punct;
      if (inLink) ownLink[b] = (ownLink[b] as number) + count;
      if (count <= 40) {
        labelRe.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = labelRe.exec(s)) !== null) mask[p] = (mask[p] as number) | (c.labelBit.get(m[0]) ?? 0);
      }
    }

    // Bottom-up sums (children come after their parent in document order).
    for (let i = n - 1; i > 0; i--) {
      const p = parent[i] as number;
      const name = names[i] as string;
      text[p] = (text[p] as number) + (text[i] as number);
      link[p] = (link[p] as number) + (link[i] as number);
      mask[p] = (mask[p] as number) | (mask[i] as number);
      nTable[p] = (nTable[p] as number) + (nTable[i] as number) + (name === 'table' ? 1 : 0);
      nHL[p] = (nHL[p] as number) + (nHL[i] as number) + (HEADING_OR_LIST.has(name) ? 1 : 0);
      nBlock[p] = (nBlock[p] as number) + (nBlock[i] as number) + (CELL_BLOCKS.has(name) ? 1 : 0);
      nBr[p] = (nBr[p] as number) + (nBr[i] as number) + (name === 'br' ? 1 : 0);
      if ((end[i] as number) > (end[p] as number)) end[p] = end[i] as number;
    }

    // Top-down: forms, chrome, title names, known containers.
    const formKeep = c.data.formKeepChars;
    for (let i = 1; i < n; i++) {
      const p = parent[i] as number;
      let f = flags[i] as number;
      if ((f & F_FORM) !== 0 && this.nonLink(i) < formKeep) f |= F_DEAD;
      if (((flags[p] as number) & F_DEAD) !== 0) f |= F_DEAD;
      const name = names[i] as string;
      const info = infos[i] as NameInfo;
      let cont = info.containers;
      const tagSpecs = c.tagContainers.get(name);
      if (tagSpecs !== undefined) cont |= tagSpecs;
      containers[i] = cont;
      const strong = (cont & c.strongContainers) !== 0;
      if (strong) f |= F_STRONG;
      else if (
        c.chromeAlways.has(name) ||
        info.always ||
        ((c.chromeMostlyLinks.has(name) || info.mostlyLinks) && this.mostlyLinks(i, c))
      ) {
        f |= F_CHROME | F_IN_CHROME;
      }
      if (((flags[p] as number) & F_IN_CHROME) !== 0) f |= F_IN_CHROME;
      if (info.title) f |= F_TITLE_NAME;
      flags[i] = f;
    }
  }

  nonLink(i: number): number {
    return (this.text[i] as number) - (this.link[i] as number);
  }
  linkDensity(i: number): number {
    const t = this.text[i] as number;
    return t === 0 ? 0 : (this.link[i] as number) / t;
  }
  mostlyLinks(i: number, c: Compiled): boolean {
    const t = this.text[i] as number;
    return t === 0 || (this.link[i] as number) / t >= c.data.linkDensity;
  }
  has(i: number, f: number): boolean {
    return ((this.flags[i] as number) & f) !== 0;
  }
  /** Whether b is in the subtree of a (or a itself). */
  contains(a: number, b: number): boolean {
    return a <= b && b <= (this.end[a] as number);
  }
  /** The element's index, or -1 (text, comments, dropped elements). */
  idx(el: ParentNode | ChildNode | null): number {
    return el === null ? -1 : (el.startIndex ?? -1);
  }
}

// ---------------------------------------------------------------------------
// Rendering: elements -> lines

interface RenderOptions {
  /** Drop chrome elements and chrome text (main-content mode). */
  clean: boolean;
  /** Element indices rendered elsewhere (title, disclosure block). */
  skip?: Set<number>;
}

const FLUSH = -1;

class Renderer {
  readonly out: string[] = [];
  private buf: string[] = [];
  private bufLen = 0;
  private bufLink = 0;
  private linkDepth = 0;
  private preDepth = 0;
  /**
   * After a 关联稿件-style heading: drop the link lists that follow. The
   * heading itself is held back and put back if real content follows instead.
   */
  private relatedMode = false;
  private pendingHeading: string | null = null;

  constructor(
    private readonly pre: Pre,
    private readonly c: Compiled,
    private readonly opts: RenderOptions,
  ) {}

  private skipped(i: number): boolean {
    const pre = this.pre;
    if (pre.has(i, F_DEAD)) return true;
    if (this.opts.clean && pre.has(i, F_CHROME)) return true;
    return this.opts.skip !== undefined && this.opts.skip.has(i);
  }

  /** Render nodes in order; `null` forces a line break. */
  render(roots: Array<ChildNode | ParentNode | null>): this {
    const pre = this.pre;
    const stack: Array<ChildNode | number> = [];
    for (let k = roots.length - 1; k >= 0; k--) {
      const r = roots[k];
      if (r === null || r === undefined) {
        stack.push(FLUSH);
      } else if (isTag(r as ChildNode) || isText(r as ChildNode)) {
        stack.push(r as ChildNode);
      } else if ('children' in r) {
        // the document itself
        stack.push(FLUSH);
        for (let j = r.children.length - 1; j >= 0; j--) stack.push(r.children[j] as ChildNode);
        stack.push(FLUSH);
      }
    }
    while (stack.length > 0) {
      const item = stack.pop() as ChildNode | number;
      if (typeof item === 'number') {
        if (item === FLUSH) this.flush();
        else if (item >= 0) {
          // exit of element `item`
          const name = pre.names[item];
          if (name === 'a') this.linkDepth--;
          else {
            if (name === 'pre') this.preDepth--;
            this.flush();
          }
        }
        continue;
      }
      if (isText(item)) {
        this.text(item);
        continue;
      }
      if (!isTag(item)) continue;
      const i = pre.idx(item);
      if (i < 0 || this.skipped(i)) continue;
      if (this.relatedMode && (pre.text[i] as number) > 0) {
        if (pre.mostlyLinks(i, this.c)) {
          this.pendingHeading = null;
          continue;
        }
        this.endRelated();
      }
      const items = this.enterItems(i);
      for (const it of items) stack.push(it);
    }
    this.flush();
    return this;
  }

  /** What to push for entering element i (already known not skipped): exit marker then children reversed. */
  private enterItems(i: number): Array<ChildNode | number> {
    const pre = this.pre;
    const name = pre.names[i] as string;
    const el = pre.els[i] as ParentNode;
    if (name === 'br' || name === 'hr') {
      this.flush();
      return [];
    }
    if (name === 'table' && isDataTable(pre, i)) {
      this.flush();
      this.table(i);
      return [];
    }
    const items: Array<ChildNode | number> = [];
    const block = BLOCK_TAGS.has(name) || i === 0;
    if (block) {
      this.flush();
      items.push(i);
    } else if (name === 'a') {
      this.linkDepth++;
      items.push(i);
    }
    if (name === 'pre') this.preDepth++;
    const ch = el.children;
    for (let k = ch.length - 1; k >= 0; k--) items.push(ch[k] as ChildNode);
    return items;
  }

  private text(t: Text): void {
    const s = t.data;
    if (this.relatedMode) {
      if (/^[\s\u00a0\u3000]*$/.test(s)) return;
      this.endRelated();
    }
    if (this.preDepth > 0 && (s.includes('\n') || s.includes('\r'))) {
      // Preformatted text keeps its lines.
      const parts = s.split(/\r\n?|\n/);
      parts.forEach((part, k) => {
        if (k > 0) this.flush();
        this.append(part);
      });
      return;
    }
    this.append(s);
  }

  private append(s: string): void {
    this.buf.push(s);
    this.bufLen += s.length;
    if (this.linkDepth > 0) this.bufLink += s.length;
  }

  private flush(): void {
    if (this.buf.length === 0) return;
    const raw = this.buf.length === 1 ? (this.buf[0] as string) : this.buf.join('');
    const linkRatio = this.bufLen === 0 ? 0 : this.bufLink / this.bufLen;
    this.buf = [];
    this.bufLen = 0;
    this.bufLink = 0;
    const line = normalize(raw);
    if (line === '') return;
    this.emit(line, linkRatio);
  }

  private emit(line: string, linkRatio: number): void {
    if (!this.opts.clean) {
      this.out.push(line);
      return;
    }
    const c = this.c;
    if (line.length <= c.data.relatedHeading.maxLength && c.related.test(line)) {
      this.endRelated();
      this.relatedMode = true;
      this.pendingHeading = line;
      return;
    }
    if (linkRatio >= 0.5 && c.relatedStart.test(line)) return;
    const cleaned = cleanLine(line, c);
    if (cleaned !== null) this.out.push(cleaned);
  }

  /** Content follows a related-articles heading: the heading was a real one after all. */
  private endRelated(): void {
    this.relatedMode = false;
    if (this.pendingHeading !== null) {
      const heading = this.pendingHeading;
      this.pendingHeading = null;
      const cleaned = cleanLine(heading, this.c);
      if (cleaned !== null) this.out.push(cleaned);
    }
  }

  /** A data table: one line per row, cells joined by ` | `. */
  private table(t: number): void {
    const pre = this.pre;
    for (const part of tableParts(pre, t)) {
      if (part.caption !== undefined) {
        if (!this.skipped(part.caption)) {
          const s = inlineText(pre, part.caption, this.opts.skip);
          if (s !== '') this.emit(s, 0);
        }
        continue;
      }
      const cells: string[] = [];
      let any = false;
      for (const cell of part.cells) {
        if (this.skipped(cell)) continue;
        const s = inlineText(pre, cell, this.opts.skip).replace(/\|/g, '｜');
        if (s !== '') any = true;
        cells.push(s);
      }
      if (!any) continue;
      if (cells.length === 1) this.emit(cells[0] as string, 0);
      else {
        // A bar closes every row, as scraped report tables write them: a two-cell
        // row (完成数 | 增长% |) must still read as a table row.
        const row = `${cells.join(' | ').replace(EDGE, '')} |`;
        this.out.push(row);
      }
    }
  }
}

interface TablePart {
  caption?: number;
  cells: number[];
}

/** The rows (own td/th indices) and captions of table t, in order; null if the table holds anything else. */
function tableParts(pre: Pre, t: number): TablePart[] {
  const parts: TablePart[] = [];
  const rows: ParentNode[] = [];
  for (const ch of (pre.els[t] as ParentNode).children) {
    if (!isTag(ch)) continue;
    const i = pre.idx(ch);
    if (i < 0) continue;
    if (ch.name === 'tr') rows.push(ch);
    else if (TABLE_SECTIONS.has(ch.name)) {
      for (const r of ch.children) if (isTag(r) && r.name === 'tr') rows.push(r);
    } else if (ch.name === 'caption') parts.push({ caption: i, cells: [] });
  }
  for (const r of rows) {
    const ri = pre.idx(r);
    if (ri < 0 || pre.has(ri, F_DEAD)) continue;
    const cells: number[] = [];
    for (const cell of r.children) {
      if (isTag(cell) && (cell.name === 'td' || cell.name === 'th')) {
        const ci = pre.idx(cell);
        if (ci >= 0) cells.push(ci);
      }
    }
    parts.push({ cells });
  }
  return parts;
}

/**
 * A data table holds only inline content in its cells (a few short
 * paragraphs are fine: Word and mammoth wrap every cell in <p>). A layout
 * table — cells with nested tables, headings, lists, many blocks or long text,
 * or a single column — is rendered as containers.
 */
function isDataTable(pre: Pre, t: number): boolean {
  const el = pre.els[t] as ParentNode;
  let maxCells = 0;
  let rows = 0;
  const checkRowParent = (parent: ParentNode): boolean => {
    for (const ch of parent.children) {
      if (isText(ch)) {
        if (!/^[\s\u00a0\u3000]*$/.test(ch.data)) return false;
        continue;
      }
      if (!isTag(ch)) continue;
      const i = pre.idx(ch);
      if (i < 0 || pre.has(i, F_DEAD)) continue;
      const name = ch.name;
      if (name === 'tr') {
        rows++;
        let cells = 0;
        for (const cell of ch.children) {
          if (isText(cell)) {
            if (!/^[\s\u00a0\u3000]*$/.test(cell.data)) return false;
            continue;
          }
          if (!isTag(cell)) continue;
          const ci = pre.idx(cell);
          if (ci < 0 || pre.has(ci, F_DEAD)) continue;
          if (cell.name !== 'td' && cell.name !== 'th') return false;
          cells++;
          const text = pre.text[ci] as number;
          const blocks = pre.nBlock[ci] as number;
          if ((pre.nTable[ci] as number) > 0 || (pre.nHL[ci] as number) > 0) return false;
          if (blocks > 3 || (blocks >= 2 && text > 150) || text > 500 || (pre.nBr[ci] as number) > 6) return false;
        }
        if (cells > maxCells) maxCells = cells;
      } else if (TABLE_SECTIONS.has(name) && parent === el) {
        if (!checkRowParent(ch)) return false;
      } else if (name === 'caption' && parent === el) {
        continue;
      } else if (TABLE_IGNORED.has(name)) {
        continue;
      } else return false;
    }
    return true;
  };
  if (!checkRowParent(el)) return false;
  return rows > 0 && maxCells >= 2;
}

/** The text of element i on one line: blocks and <br> inside become spaces. Iterative. */
function inlineText(pre: Pre, i: number, skip?: Set<number>): string {
  const parts: string[] = [];
  const stack: Array<ChildNode | number> = [];
  const el = pre.els[i] as ParentNode;
  for (let k = el.children.length - 1; k >= 0; k--) stack.push(el.children[k] as ChildNode);
  while (stack.length > 0) {
    const item = stack.pop() as ChildNode | number;
    if (typeof item === 'number') {
      parts.push(HARD);
      continue;
    }
    if (isText(item)) {
      parts.push(item.data);
      continue;
    }
    if (!isTag(item)) continue;
    const j = pre.idx(item);
    if (j < 0 || pre.has(j, F_DEAD) || (skip !== undefined && skip.has(j))) continue;
    const name = item.name;
    if (name === 'br' || name === 'hr') {
      parts.push(HARD);
      continue;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) {
      parts.push(HARD);
      stack.push(j);
    }
    for (let k = item.children.length - 1; k >= 0; k--) stack.push(item.children[k] as ChildNode);
  }
  return normalize(parts.join(''));
}

// ---------------------------------------------------------------------------
// Chrome text

const PROSE = /[。！？]/;
const PUNCT_ONLY = /^[\s\u00a0\u3000\u0000|｜丨/\\·•:：,，、;；.。\-—_【】[\]()（）<>《》"'“”>＞»›→]*$/;
const MARKS = /[ \u00a0\u3000]*\u0000[\u0000 \u00a0\u3000]*/g;

function tidy(s: string): string {
  return s.replace(MARKS, ' ').replace(EDGE, '');
}

/** A line after chrome text rules: null to drop it, or the line with chrome segments cut from an info line. */
function cleanLine(line: string, c: Compiled): string | null {
  const len = line.length;
  if (len <= c.data.proseMaxLength || !PROSE.test(line)) {
    for (const p of c.lines) if (len <= p.maxLength && p.re.test(line)) return null;
  }
  const info = len <= c.data.infoLine.maxLength && c.info.test(line);
  let s = line;
  let cut = false;
  for (const p of c.segments) {
    if (!info && len > p.maxLength) continue;
    p.re.lastIndex = 0;
    const t = s.replace(p.re, (m) => (m === '' ? m : '\u0000'));
    if (t !== s) {
      s = t;
      cut = true;
    }
  }
  if (cut) {
    const rest = tidy(s);
    if (PUNCT_ONLY.test(rest)) return null;
    if (!info) return line;
    s = rest;
  }
  if (info) {
    for (const p of c.trailing) {
      if (len <= p.maxLength && p.re.test(s)) s = tidy(s.replace(p.re, '\u0000'));
    }
    if (s === '' || PUNCT_ONLY.test(s)) return null;
    if (c.infoDate.test(s)) {
      c.spaceBefore.lastIndex = 0;
      s = s.replace(c.spaceBefore, ' ');
    }
    return s;
  }
  if (len <= 60) {
    for (const p of c.trailing) if (p.re.test(s) && PUNCT_ONLY.test(s.replace(p.re, ''))) return null;
  }
  return s;
}

function isInfoLine(line: string, c: Compiled): boolean {
  return line.length <= c.data.infoLine.maxLength && c.info.test(line);
}

// ---------------------------------------------------------------------------
// Page structure

function findChild(parent: ParentNode, name: string): Element | null {
  for (const ch of parent.children) if (isTag(ch) && ch.name === name) return ch;
  return null;
}

/** <html>, <head>, <body>, <title> near the top of the tree (htmlparser2 does not invent them). */
function skeleton(doc: Document): { body: ParentNode; title: string | null } {
  const html = findChild(doc, 'html');
  const head = (html && findChild(html, 'head')) ?? findChild(doc, 'head');
  const body = (html && findChild(html, 'body')) ?? findChild(doc, 'body');
  let titleEl: Element | null = null;
  for (const scope of [head, html, doc]) {
    if (scope === null) continue;
    titleEl = findChild(scope, 'title');
    if (titleEl !== null) break;
  }
  let title: string | null = null;
  if (titleEl !== null) {
    const parts: string[] = [];
    for (const ch of titleEl.children) if (isText(ch)) parts.push(ch.data);
    title = normalize(parts.join(''));
    if (title === '') title = null;
  }
  return { body: body ?? html ?? doc, title };
}

/** <title> minus the site name and channel names: `芙蓉区政府2020年上半年区政工作报告_长沙市芙蓉区人民政府` -> the first part. */
export function stripSiteName(title: string): string | null {
  const c = chrome();
  const segs = title
    .split(c.separators)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (segs.length === 0) return null;
  const kept = segs.filter((s) => !c.siteName.test(s) && !c.channelName.test(s));
  if (kept.length === 0) {
    // Only site and channel names: a channel-like first segment is still the title (`政府工作报告_XX人民政府`).
    const first = segs[0] as string;
    return segs.length > 1 && !c.siteName.test(first) ? first : null;
  }
  let best = kept[0] as string;
  for (const s of kept) if (s.length > best.length) best = s;
  return best;
}

function isSiteLike(s: string, c: Compiled): boolean {
  return c.siteName.test(s) || c.channelName.test(s);
}

/** The smallest table / list holding a 政府信息公开 block, or -1. */
function findDisclosure(pre: Pre, c: Compiled): number {
  const need = c.data.disclosure.minLabels;
  const maxChars = c.data.disclosure.maxChars;
  const n = pre.els.length;
  let best = -1;
  for (let i = 1; i < n; i++) {
    const m = pre.mask[i] as number;
    if (m === 0 || (m & c.strongMask) === 0 || popcount(m) < need) continue;
    if ((pre.text[i] as number) > maxChars || pre.has(i, F_DEAD)) continue;
    // Deepest: no child qualifies as well. Since children follow, keep the last qualifying one on this path.
    if (best < 0 || pre.contains(best, i)) best = i;
    else if (!pre.contains(i, best)) {
      // a second, separate block: keep the first one found
      continue;
    }
  }
  if (best < 0) return -1;
  // A part of a table (tbody, tr, td) stands for the whole table.
  let t = best;
  for (let j = best; j > 0; j = pre.parent[j] as number) {
    const name = pre.names[j] as string;
    if (name === 'table') {
      t = j;
      break;
    }
    if (!(TABLE_SECTIONS.has(name) || name === 'tr' || name === 'td' || name === 'th')) break;
  }
  return t;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

/** Readability-style scores: paragraphs feed their ancestors; the score is discounted by link density. */
function scoreCandidates(pre: Pre): { best: number; scores: Map<number, number> } {
  const scores = new Map<number, number>();
  const n = pre.els.length;
  const weights = [1, 0.5, 1 / 6];
  for (let i = 0; i < n; i++) {
    const own = (pre.own[i] as number) - (pre.ownLink[i] as number);
    if (own < 10 || pre.has(i, F_DEAD | F_IN_CHROME)) continue;
    const name = pre.names[i] as string;
    const score = 1 + (pre.ownPunct[i] as number) + Math.min(own / 100, 3);
    let target = PARAGRAPHS.has(name) ? (pre.parent[i] as number) : i;
    for (let level = 0; level < weights.length && target >= 0; level++) {
      if (!pre.has(target, F_IN_CHROME)) scores.set(target, (scores.get(target) ?? 0) + score * (weights[level] as number));
      target = pre.parent[target] as number;
    }
  }
  let best = -1;
  let bestScore = 0;
  for (const [i, s] of scores) {
    const final = s * (1 - pre.linkDensity(i));
    scores.set(i, final);
    if (final > bestScore || (final === bestScore && best >= 0 && i < best)) {
      best = i;
      bestScore = final;
    }
  }
  return { best, scores };
}

/** The main content: a list of sibling elements (usually one). */
function findContent(pre: Pre, c: Compiled): number[] {
  const { best, scores } = scoreCandidates(pre);
  const bestNL = best >= 0 ? pre.nonLink(best) : 0;
  const n = pre.els.length;
  const matches: number[][] = c.containers.map(() => []);
  for (let i = 1; i < n; i++) {
    const cont = pre.containers[i] as number;
    if (cont === 0 || pre.has(i, F_DEAD | F_CHROME)) continue;
    // Chrome around the container disqualifies it; its own (protected) name does not.
    if (pre.has(pre.parent[i] as number, F_IN_CHROME)) continue;
    for (let k = 0; k < c.containers.length; k++) if ((cont & (1 << k)) !== 0) (matches[k] as number[]).push(i);
  }
  const minChars = c.data.containerMinChars;
  for (let k = 0; k < c.containers.length; k++) {
    const spec = c.containers[k] as ContainerSpec;
    let m = -1;
    for (const i of matches[k] as number[]) {
      // A strong container is trusted with any text; a generic one must hold some.
      if (pre.nonLink(i) < (spec.strong ? 1 : minChars) || pre.linkDensity(i) >= 0.5) continue;
      if (m < 0 || pre.nonLink(i) > pre.nonLink(m)) m = i;
    }
    if (m < 0) continue;
    if (best >= 0 && pre.nonLink(m) < c.data.containerMinShare * bestNL && !pre.contains(m, best)) continue;
    if (!spec.strong && best >= 0 && best !== m && pre.contains(m, best) && pre.nonLink(best) >= c.data.containerNarrowShare * pre.nonLink(m)) {
      return [best];
    }
    return [m];
  }
  if (best < 0) return [0];
  // Readability: good siblings of the best candidate belong to the article too.
  const p = pre.parent[best] as number;
  if (p < 0) return [best];
  const bestScore = scores.get(best) ?? 0;
  const out: number[] = [];
  for (const ch of (pre.els[p] as ParentNode).children) {
    if (!isTag(ch)) continue;
    const i = pre.idx(ch);
    if (i < 0) continue;
    if (i === best) {
      out.push(i);
      continue;
    }
    if (pre.has(i, F_DEAD | F_IN_CHROME)) continue;
    const s = scores.get(i) ?? 0;
    if (s >= Math.max(10, 0.2 * bestScore) || (pre.nonLink(i) >= 80 && pre.linkDensity(i) < 0.25)) out.push(i);
  }
  return out;
}

interface TitleFound {
  el: number;
  text: string;
}

function findTitle(pre: Pre, c: Compiled, content: number[], disclosure: number, docTitle: string | null, stripped: string | null): TitleFound | null {
  const c0 = content[0] as number;
  const docKey = docTitle === null ? '' : key(docTitle);
  const strippedKey = stripped === null ? '' : key(stripped);
  // The site / channel names in <title>: an element saying only that is the logo, not the title.
  const siteKeys = new Set<string>();
  if (docTitle !== null) {
    for (const seg of docTitle.split(c.separators)) if (seg.trim() !== '' && key(seg) !== strippedKey) siteKeys.add(key(seg));
  }
  let best: { el: number; text: string; sort: number[] } | null = null;
  const n = pre.els.length;
  for (let i = 1; i < n; i++) {
    const name = pre.names[i] as string;
    const tagRank = TITLE_TAGS[name];
    const named = pre.has(i, F_TITLE_NAME);
    if (tagRank === undefined && !named) continue;
    const len = pre.text[i] as number;
    if (len < 2 || len > 200 || pre.has(i, F_DEAD | F_IN_CHROME)) continue;
    if (content.some((ci) => pre.contains(i, ci))) continue;
    if (disclosure >= 0 && (pre.contains(i, disclosure) || pre.contains(disclosure, i))) continue;
    const text = inlineText(pre, i);
    if (text === '') continue;
    const k = key(text);
    if (siteKeys.has(k)) continue;
    const matched =
      docKey !== '' &&
      ((k.length >= 4 && docKey.includes(k) && k.length * 2 >= strippedKey.length) || (strippedKey.length >= 4 && k.includes(strippedKey)));
    const rank = tagRank ?? 1;
    const inside = content.some((ci) => pre.contains(ci, i));
    const dist = i < c0 ? c0 - i : inside ? 1e6 + (i - c0) : 2e6 + i;
    if (!matched) {
      // Without <title> to agree with: an h1 or title-named element just before (or at the top of) the content.
      if (rank > 1 || isSiteLike(text, c)) continue;
      if (!(i < c0 && c0 - i <= 300) && !(inside && i - c0 <= 10)) continue;
    }
    const sort = [matched ? 0 : 1, rank, dist];
    if (best === null || lexLess(sort, best.sort)) best = { el: i, text, sort };
  }
  return best === null ? null : { el: best.el, text: best.text };
}

function lexLess(a: number[], b: number[]): boolean {
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    if (x !== y) return x < y;
  }
  return false;
}

/** The nodes after `after` (or from the root's start) up to `stop`, in document order; null where a block ends. */
function nodesBetween(pre: Pre, after: number, stop: number): Array<ChildNode | null> {
  const out: Array<ChildNode | null> = [];
  const stopEl = pre.els[stop] as ParentNode;
  let node: ChildNode | null;
  if (after < 0) {
    const root = pre.els[0] as ParentNode;
    node = (root.children[0] as ChildNode | undefined) ?? null;
  } else {
    node = nextAfter(pre.els[after] as ChildNode, pre, out);
  }
  let guard = pre.els.length * 4 + 16;
  while (node !== null && guard-- > 0) {
    if (node === stopEl) break;
    const i = isTag(node) ? pre.idx(node) : -1;
    if (i >= 0 && pre.contains(i, stop)) {
      // An ancestor of the content: go inside.
      if (BLOCK_TAGS.has(pre.names[i] as string)) out.push(null);
      node = (node as Element).children[0] ?? null;
      if (node === null) break;
      continue;
    }
    out.push(node);
    node = nextAfter(node, pre, out);
  }
  return out;
}

/** The next node in document order after `node`'s subtree, recording block ends as null. */
function nextAfter(node: ChildNode, pre: Pre, out: Array<ChildNode | null>): ChildNode | null {
  let n: ChildNode | ParentNode | null = node;
  while (n !== null) {
    const next: ChildNode | null = (n as ChildNode).next ?? null;
    if (next !== null) return next;
    const parent: ParentNode | null = (n as ChildNode).parent;
    if (parent === null || pre.idx(parent) <= 0) return null;
    if (isTag(parent as ChildNode) && BLOCK_TAGS.has((parent as Element).name)) out.push(null);
    n = parent;
  }
  return null;
}

// ---------------------------------------------------------------------------
// The entry point

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
