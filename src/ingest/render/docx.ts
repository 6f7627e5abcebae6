// Test fixtures: a plain-text document rendered as a realistic Word .docx
// with the `docx` library (a devDependency: import this from tests only).
//
// Text conventions: the first non-blank line is the title (unless it is a
// table row); a line with at least two '|' is a table row and consecutive rows
// make one table; lines starting 一、二、… are Heading 2, （一）… / (一)…
// Heading 3; everything else is a body paragraph; blank lines become empty
// paragraphs (which also separate two tables).
//
// Formatting mimics a Chinese government report: 仿宋_GB2312 三号 body with a
// two-character first-line indent, 黑体 / 楷体 headings, a centred title, bordered
// tables; body paragraphs are split into several runs deterministically by
// their index (a number in its own run, a bold stretch mid-sentence).

import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
const H2_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const H3_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体_GB2312' };
const TABLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
/** 三号 = 16 pt = 32 half-points; a first-line indent of 2 characters = 640 twips. */
const BODY_SIZE = 32;

const H2 = /^[一二三四五六七八九十百]+、/;
const H3 = /^[（(][一二三四五六七八九十百]+[）)]/;

/** True for a line holding at least two '|': a table row. */
function isTableRow(line: string): boolean {
  let n = 0;
  for (const ch of line) if (ch === '|' && ++n >= 2) return true;
  return false;
}

/** A plain-text document (first line = title; lines with ≥ 2 '|' are table rows, consecutive ones a table) as a Word file made with the `docx` library. */
export async function renderDocx(text: string): Promise<Buffer> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const children: Array<Paragraph | Table> = [];
  let sawContent = false;
  let bodyIndex = 0;

  for (let i = 0; i < lines.length; ) {
    const line = lines[i] ?? '';
    if (isTableRow(line)) {
      const rows: string[][] = [];
      while (i < lines.length && isTableRow(lines[i] ?? '')) {
        rows.push((lines[i] ?? '').split('|').map((c) => c.trim()));
        i++;
      }
      children.push(table(rows));
      sawContent = true;
      continue;
    }
    i++;
    const t = line.trim();
    if (t === '') {
      if (sawContent) children.push(new Paragraph({}));
      continue;
    }
    if (!sawContent) children.push(title(t));
    else if (H2.test(t)) children.push(heading(t, HeadingLevel.HEADING_2, H2_FONT));
    else if (H3.test(t)) children.push(heading(t, HeadingLevel.HEADING_3, H3_FONT));
    else children.push(body(t, bodyIndex++));
    sawContent = true;
  }
  // Word always keeps a paragraph after a table at the end of the body.
  if (children.at(-1) instanceof Table) children.push(new Paragraph({}));

  const doc = new Document({
    creator: 'zhengbao tests',
    title: lines.find((l) => l.trim() !== '' && !isTableRow(l))?.trim() ?? '',
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: BODY_SIZE } },
      },
    },
    sections: [
      {
        properties: {
          page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function title(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.TITLE,
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, font: TITLE_FONT, size: 44 })],
  });
}

function heading(
  text: string,
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel],
  font: typeof BODY_FONT,
): Paragraph {
  return new Paragraph({
    heading: level,
    indent: { firstLine: 640, firstLineChars: 200 },
    children: [new TextRun({ text, font, size: BODY_SIZE, bold: level === HeadingLevel.HEADING_3 })],
  });
}

function body(text: string, index: number): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640, firstLineChars: 200 },
    spacing: { line: 560 },
    children: runsFor(text, index).map(
      (r) => new TextRun({ text: r.text, bold: r.bold, font: r.number ? { ascii: 'Times New Roman', hAnsi: 'Times New Roman' } : BODY_FONT }),
    ),
  });
}

interface RunSpec {
  text: string;
  bold?: boolean;
  number?: boolean;
}

/** Splits a paragraph into runs the way Word does after editing: deterministic by index. */
function runsFor(text: string, index: number): RunSpec[] {
  const chars = Array.from(text);
  const parts: RunSpec[] = [];
  switch (index % 3) {
    case 0: {
      // the first number in its own run (as after typing over a figure)
      const m = /\d+(?:\.\d+)?%?/.exec(text);
      if (m) {
        parts.push({ text: text.slice(0, m.index) });
        parts.push({ text: m[0], number: true });
        parts.push({ text: text.slice(m.index + m[0].length) });
        break;
      }
      parts.push({ text });
      break;
    }
    case 1: {
      // a bold stretch in the middle of the sentence
      if (chars.length >= 6) {
        const a = Math.floor(chars.length / 3);
        const b = Math.floor((2 * chars.length) / 3);
        parts.push({ text: chars.slice(0, a).join('') });
        parts.push({ text: chars.slice(a, b).join(''), bold: true });
        parts.push({ text: chars.slice(b).join('') });
        break;
      }
      parts.push({ text });
      break;
    }
    default:
      parts.push({ text });
  }
  return parts.filter((p) => p.text !== '');
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function table(rows: string[][]): Table {
  const columns = Math.max(...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          // (tableHeader: false would still write <w:tblHeader/>, making every row a header)
          ...(r === 0 ? { tableHeader: true } : {}),
          children: Array.from({ length: columns }, (_, c) => {
            const text = cells[c] ?? '';
            return new TableCell({
              children: [
                new Paragraph({
                  alignment: r === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
                  children: text === '' ? [] : [new TextRun({ text, font: TABLE_FONT, size: 24, bold: r === 0 })],
                }),
              ],
            });
          }),
        }),
    ),
  });
}
