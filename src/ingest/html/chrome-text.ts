// Chrome text: the rules of data/html-chrome.json applied to rendered lines
// (drop chrome lines, cut 字体 / 打印 … segments out of the info line).
import type { Compiled } from './chrome-data.js';
import { EDGE } from './text.js';

const PROSE = /[。！？]/;
const PUNCT_ONLY = /^[\s\u00a0\u3000\u0000|｜丨/\\·•:：,，、;；.。\-—_【】[\]()（）<>《》"'“”>＞»›→]*$/;
const MARKS = /[ \u00a0\u3000]*\u0000[\u0000 \u00a0\u3000]*/g;

function tidy(s: string): string {
  return s.replace(MARKS, ' ').replace(EDGE, '');
}

/** A line after chrome text rules: null to drop it, or the line with chrome segments cut from an info line. */
export function cleanLine(line: string, c: Compiled): string | null {
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

export function isInfoLine(line: string, c: Compiled): boolean {
  return line.length <= c.data.infoLine.maxLength && c.info.test(line);
}
