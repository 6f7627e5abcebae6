// Page structure: the <html>/<head>/<body>/<title> skeleton, the site name in
// <title>, and finding the disclosure block, the main content and the title.
import type { ChildNode, Document, Element, ParentNode } from 'domhandler';
import { chrome, type Compiled, type ContainerSpec } from './chrome-data.js';
import { isTag, isText } from './dom.js';
import { F_CHROME, F_DEAD, F_IN_CHROME, F_TITLE_NAME, type Pre } from './pre.js';
import { inlineText } from './render.js';
import { BLOCK_TAGS, key, normalize, TABLE_SECTIONS } from './text.js';

/** Paragraph-like blocks give their score to their parent; other blocks with direct text score themselves. */
const PARAGRAPHS = new Set(['p', 'pre', 'blockquote', 'li', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'caption']);
const TITLE_TAGS: Record<string, number> = { h1: 0, h2: 2, h3: 3 };

function findChild(parent: ParentNode, name: string): Element | null {
  for (const ch of parent.children) if (isTag(ch) && ch.name === name) return ch;
  return null;
}

/** <html>, <head>, <body>, <title> near the top of the tree (htmlparser2 does not invent them). */
export function skeleton(doc: Document): { body: ParentNode; title: string | null } {
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
export function findDisclosure(pre: Pre, c: Compiled): number {
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
export function findContent(pre: Pre, c: Compiled): number[] {
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

export function findTitle(pre: Pre, c: Compiled, content: number[], disclosure: number, docTitle: string | null, stripped: string | null): TitleFound | null {
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
export function nodesBetween(pre: Pre, after: number, stop: number): Array<ChildNode | null> {
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
