// Lines of a portal's furniture around a document: breadcrumbs, 字号, 打印,
// 浏览次数, photo captions, date-only lines, "skip to content". They are
// never a title, and a disclosure block may be interrupted by them. The
// patterns are data (data/documents.json, chrome_lines).
import { loadData } from '../data.js';

const CHROME = loadData<{ chrome_lines: string[] }>('documents.json').chrome_lines.map((p) => new RegExp(p));
/** A list bullet before the furniture's words (• 无障碍). */
const BULLETS = /^[\s•·●▪◆■□◇○◎★☆▶►\-*|]+/;

export function isChrome(line: string): boolean {
  const s = line.replace(BULLETS, '').trim();
  return s.length > 0 && CHROME.some((re) => re.test(s));
}
