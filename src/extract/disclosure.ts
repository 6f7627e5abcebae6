// The 政府信息公开 metadata block portals print above a document:
//   索引号: | 431102/2021-00123 | 主题分类: | 规划计划
//   发布机构: | 芙蓉区人民政府 | 发布日期: | 2021-09-15
// or as `label：value` runs on plain lines. The labels are data
// (data/disclosure.json); a value runs to the next label or the line's end.
import { loadData } from '../data.js';
import type { Disclosure } from '../schema.js';
import { isChrome } from './chrome.js';
import { parseDate } from './dates.js';
import type { Line } from './structure.js';

type Field = Exclude<keyof Disclosure, 'span'>;

interface DisclosureData {
  fields: Record<Field, { labels: string[]; strong: boolean }>;
  date_fields: Field[];
  max_lines: number;
  max_line_chars: number;
}

const DATA = loadData<DisclosureData>('disclosure.json');
const FIELDS = Object.keys(DATA.fields) as Field[];
const STRONG = new Set(FIELDS.filter((f) => DATA.fields[f].strong));
const DATE_FIELDS = new Set(DATA.date_fields);

/** label → field, with optional spaces between a label's characters (名 称). */
const LABELS: Array<[string, Field]> = FIELDS.flatMap((f) => DATA.fields[f].labels.map((l) => [l.replace(/\s+/g, ''), f] as [string, Field]));
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A label opens the line, a cell or a run after whitespace, and is followed by a colon or a cell bar.
const LABEL_RE = new RegExp(
  `(?:^|[|\\s\\u3000]|(?<=[】\\]]))(${LABELS.map(([l]) => [...l].map(escape).join('[\\s\\u3000]*'))
    .sort((a, b) => b.length - a.length)
    .join('|')})[\\s\\u3000]*[\\]】]?[\\s\\u3000]*(?:[:：]|(?=\\s*\\|))`,
  'g',
);
const FIELD_OF = new Map(LABELS);

interface Found {
  field: Field;
  valueStart: number;
  labelStart: number;
}

function labelsIn(text: string, line: Line): Found[] {
  // A disclosure line is short: a paragraph of prose is not read for labels.
  if (line.end - line.start > DATA.max_line_chars) return [];
  const s = text.slice(line.start, line.end);
  const out: Found[] = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(s); m; m = LABEL_RE.exec(s)) {
    const field = FIELD_OF.get(m[1]!.replace(/[\s\u3000]+/g, ''));
    if (!field) continue;
    const labelStart = m.index + m[0].indexOf(m[1]!);
    out.push({ field, labelStart: line.start + labelStart, valueStart: line.start + m.index + m[0].length });
  }
  return out;
}

function cleanValue(raw: string): string | null {
  // Cells bracketed as | [ 索引号 ] | value |: the bars and brackets are layout.
  const v = raw.replace(/[|\s\u3000]+/g, ' ').replace(/\s*[[【]\s*$/, '').trim();
  return v && !/^[-—/]+$/.test(v) ? v : null;
}

/**
 * The disclosure block among the first lines, or null: consecutive lines
 * holding labels, with at least two fields, one of them a strong one.
 */
export function findDisclosure(text: string, lines: Line[]): { disclosure: Disclosure; lines: [number, number] } | null {
  const limit = Math.min(lines.length, DATA.max_lines);
  for (let i = 0; i < limit; i++) {
    if (labelsIn(text, lines[i]!).length === 0) continue;
    const values = new Map<Field, string | null>();
    let last = i;
    let chromeRun = 0;
    for (let j = i; j < lines.length; j++) {
      const line = lines[j]!;
      const found = labelsIn(text, line);
      if (found.length === 0) {
        const s = text.slice(line.start, line.end);
        // Blank lines and a portal's furniture (字号, 打印本页) may stand between the block's lines.
        if ((s.trim() === '' || (isChrome(s) && chromeRun++ < 6)) && j + 1 < lines.length) continue;
        break;
      }
      last = j;
      found.forEach((f, k) => {
        const end = k + 1 < found.length ? found[k + 1]!.labelStart : line.end;
        if (!values.has(f.field) || values.get(f.field) === null) values.set(f.field, cleanValue(text.slice(f.valueStart, end)));
      });
    }
    const fields = [...values.keys()];
    if (fields.length >= 2 && fields.some((f) => STRONG.has(f))) {
      const disclosure = Object.fromEntries(FIELDS.map((f) => [f, null])) as unknown as Disclosure;
      for (const [f, v] of values) {
        (disclosure as Record<Field, string | null>)[f] = v !== null && DATE_FIELDS.has(f) ? (parseDate(v) ?? v) : v;
      }
      disclosure.span = [lines[i]!.start, lines[last]!.end];
      return { disclosure, lines: [i, last] };
    }
    i = last;
  }
  return null;
}
