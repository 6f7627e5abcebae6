// Lines of a portal's furniture around a document: breadcrumbs, 字号, 打印,
// 浏览次数, photo captions, date-only lines, "skip to content". They are
// never a title, and a disclosure block may be interrupted by them. The
// patterns are data (data/documents.json, chrome_lines).
import { loadData } from '../data.js';

const DATA = loadData<{ chrome_lines: string[]; chrome_max_length: number }>('documents.json');
const CHROME = DATA.chrome_lines.map((p) => new RegExp(p));
/** A list bullet before the furniture's words (• 无障碍). */
const BULLETS = /^[\s•·●▪◆■□◇○◎★☆▶►\-*|]+/;

export function isChrome(line: string): boolean {
  // Furniture is short: a long line is text (and is not searched by every pattern).
  if (line.length > DATA.chrome_max_length) return false;
  const s = line.replace(BULLETS, '').trim();
  return s.length > 0 && CHROME.some((re) => re.test(s));
}
