// The pre-pass: every element kept, in document order, with its subtree stats
// (text, links, disclosure labels, nested blocks) and flags (dropped, chrome,
// title-named, known container).
import type { ChildNode, Element, ParentNode, Text } from 'domhandler';
import type { Compiled } from './chrome-data.js';
import { isTag, isText } from './dom.js';
import { BLOCK_TAGS, isSpaceCode } from './text.js';

/** Blocks that make a table cell a layout container. */
const HEADING_OR_LIST = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'blockquote', 'section', 'article', 'nav', 'header', 'footer', 'aside']);
const CELL_BLOCKS = new Set(['p', 'div', 'center', 'pre', 'li', 'dd', 'dt', 'address']);

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
export const F_DEAD = 2; // dropped, or inside something dropped
export const F_CHROME = 4; // chrome by itself (tag or id/class)
export const F_IN_CHROME = 8; // chrome by itself or inside chrome
const F_IN_LINK = 16; // inside <a>
export const F_TITLE_NAME = 32; // id/class names a title
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

export class Pre {
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
