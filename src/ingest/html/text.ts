// Character classes and whitespace: the block tags that break lines, the
// CJK / space tests, and normalize() (one block's raw text -> one line).

export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul', 'xmp', 'listing', 'plaintext',
]);
export const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot']);

export function isSpaceCode(c: number): boolean {
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
export const HARD = '\u0001';
export const EDGE = /^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g;
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff]/g;

/**
 * One block's raw text -> one line: runs of ASCII whitespace become one space,
 * except a run holding a line break between two CJK characters or a CJK
 * character and a digit (a source line-wrap inside Chinese text), which goes;
 * the ends are trimmed (also NBSP and U+3000) and inner NBSPs become spaces.
 */
export function normalize(raw: string): string {
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
export function key(s: string): string {
  return s.replace(KEY_SPACE, '');
}
