// A plain-text document -> a saved 政府信息公开 portal page, for tests and
// benchmarks of src/ingest/html.ts.
//
// The page is what a crawler saves from a county / district portal: doctype,
// head with css and scripts, a header (logo, search box, menu), a breadcrumb,
// optionally the 政府信息公开 block, the <h1> title, the info bar, the
// article body in a CMS container, then share buttons, a QR code, related
// articles, a pager and the footer. The body paragraphs vary the way real CMS
// output does (indents with &nbsp; / U+3000 / text-indent, Word <span>s and
// <font>s splitting words from numbers, source line-wraps inside Chinese text,
// named entities for quotes), deterministically by paragraph index: the same
// text always gives the same page.
//
// Text format: first line = title (lines before it that are table rows are a
// disclosure block); a second line starting with 发布时间 / 发布日期 / 来源 is
// the info line; lines with two or more '|' are table rows, consecutive ones
// one table. htmlToText(renderPortalHtml(text)).text gives the text back, line
// by line.

export interface PortalOptions {
  /** Site name used in chrome: default '长沙市芙蓉区人民政府'. */
  site?: string;
  /** A 政府信息公开 block to show above the title (label -> value), rendered as the portals do (a 2×4 table). */
  disclosure?: Array<[string, string]>;
  /** <meta charset>: default 'utf-8'. The caller encodes the string. */
  charset?: string;
  /**
   * Which page layout (0..PORTAL_LAYOUTS-1): the article container is .TRS_Editor, #zoom, #UCAP-CONTENT,
   * .wzy_nr in an old table-laid-out page, or a div with no well-known name (found by scoring).
   * Default: chosen by a hash of the title.
   */
  layout?: number;
}

const DEFAULT_SITE = '长沙市芙蓉区人民政府';

function isRow(line: string): boolean {
  let n = 0;
  for (const ch of line) if (ch === '|' && ++n >= 2) return true;
  return false;
}

const INFO_LINE = /^(?:发布时间|发布日期|发文日期|来源|信息来源)\s*[:：]/;
const HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

const NAMED: Record<string, string> = { '“': '&ldquo;', '”': '&rdquo;', '—': '&mdash;', '…': '&hellip;', '·': '&middot;', '‘': '&lsquo;', '’': '&rsquo;' };

/**
 * Escape a piece of text for the page. Runs of two or more spaces alternate
 * &nbsp; and ' ' (so the browser keeps them and no two ASCII spaces touch);
 * `named` writes quotes and dashes as named entities, as UEditor does.
 */
function esc(s: string, named = false): string {
  let out = escapeText(s).replace(/ {2,}/g, (m) => {
    let r = '';
    for (let k = 0; k < m.length; k++) r += k % 2 === 0 ? '&nbsp;' : ' ';
    return r;
  });
  if (named) out = out.replace(/[“”—…·‘’]/g, (ch) => NAMED[ch] ?? ch);
  return out;
}

function isIdeograph(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/** Positions (0 < k < s.length) between two ideographs, where a source line-wrap disappears. */
function ideographBreaks(s: string): number[] {
  const out: number[] = [];
  for (let k = 1; k < s.length; k++) if (isIdeograph(s.charCodeAt(k - 1)) && isIdeograph(s.charCodeAt(k))) out.push(k);
  return out;
}

/** A deterministic small hash of a string. */
function hash(s: string): number {
  let h = 2166136261;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
  return h >>> 0;
}

/** Split s at the first number (a digit run, with . and %) into [before, number, after], or null. */
function splitAtNumber(s: string): [string, string, string] | null {
  const m = /\d[\d.,%]*/.exec(s);
  if (m === null || m.index === 0) return null;
  // Never split inside whitespace: a tag boundary next to a space is fine, but keep runs intact.
  return [s.slice(0, m.index), m[0], s.slice(m.index + m[0].length)];
}

/** One body paragraph, its markup chosen by its index. */
function paragraph(line: string, k: number): string {
  if (HEADING.test(line) && line.length <= 40) {
    return k % 2 === 0
      ? `<p style="text-indent:2em;"><strong>${esc(line)}</strong></p>`
      : `<p class="MsoNormal" style="text-indent:32pt"><b><span style="font-family:黑体">${esc(line)}</span></b></p>`;
  }
  switch (k % 8) {
    case 0:
      return `<p style="text-indent:2em;">${esc(line, true)}</p>`;
    case 1:
      return `<p>&nbsp;&nbsp;&nbsp;&nbsp;${esc(line)}</p>`;
    case 2:
      return `<p>&#12288;&#12288;${esc(line, true)}</p>`;
    case 3: {
      // Word output: spans around runs, the first number in its own span / font.
      const parts = splitAtNumber(line);
      if (parts === null) return `<p class="MsoNormal" style="text-indent:32pt;line-height:28pt"><span style="font-family:仿宋_GB2312;font-size:16pt">${esc(line)}</span></p>`;
      const [a, num, b] = parts;
      return (
        `<p class="MsoNormal" style="text-indent:32pt;line-height:28pt"><span style="font-family:仿宋_GB2312;font-size:16pt">${esc(a)}</span>` +
        `<span lang="EN-US" style="font-family:仿宋_GB2312">${esc(num)}</span><span style="font-family:仿宋_GB2312;font-size:16pt">${esc(b)}</span></p>`
      );
    }
    case 4: {
      // A source line-wrap (with indentation) inside the Chinese text, twice for long lines.
      const breaks = ideographBreaks(line);
      if (breaks.length === 0) return `<p>\n        ${esc(line)}\n      </p>`;
      const cuts = breaks.length > 40 ? [breaks[Math.floor(breaks.length / 3)] as number, breaks[Math.floor((2 * breaks.length) / 3)] as number] : [breaks[Math.floor(breaks.length / 2)] as number];
      let out = '<p>\n        ';
      let from = 0;
      for (const cut of cuts) {
        out += `${esc(line.slice(from, cut))}\n        `;
        from = cut;
      }
      return `${out}${esc(line.slice(from))}\n      </p>`;
    }
    case 5:
      return `<div style="text-indent:2em; line-height:2;">${esc(line)}</div>`;
    case 6: {
      // <font> with a number in <strong>.
      const parts = splitAtNumber(line);
      if (parts === null) return `<p align="justify"><font face="宋体" size="3">${esc(line)}</font></p>`;
      const [a, num, b] = parts;
      return `<p align="justify"><font face="宋体" size="3">${esc(a)}<strong>${esc(num)}</strong>${esc(b)}</font></p>`;
    }
    default: {
      // A word bolded mid-sentence.
      const breaks = ideographBreaks(line);
      if (breaks.length < 4) return `<p>${esc(line, true)}</p>`;
      const a = breaks[Math.floor(breaks.length / 4)] as number;
      const b = breaks[Math.floor(breaks.length / 4) + 2] as number;
      return `<p><span>${esc(line.slice(0, a), true)}</span><b>${esc(line.slice(a, b))}</b><span>${esc(line.slice(b), true)}</span></p>`;
    }
  }
}

function splitCells(row: string): string[] {
  return row.split('|').map((c) => c.trim());
}

/** One table cell's content, Word-like, plain or in a div; a single inner space may be a <br>. */
function cell(text: string, variant: number, r: number, col: number): string {
  if (text === '') return variant === 0 ? '&nbsp;' : '';
  let body = esc(text);
  const sp = text.indexOf(' ');
  if (sp > 0 && text.indexOf(' ', sp + 1) < 0 && (r + col) % 2 === 0 && text[sp - 1] !== ' ' && text[sp + 1] !== ' ') {
    body = `${esc(text.slice(0, sp))}<br/>\n${esc(text.slice(sp + 1))}`;
  }
  if (variant === 0) return `<p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:10.5pt;font-family:宋体">${body}</span></p>`;
  if (variant === 1) return body;
  return `<div align="center">${body}</div>`;
}

function table(rows: string[], t: number): string {
  const variant = t % 3;
  const out: string[] = [];
  out.push(
    variant === 0
      ? '<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;border:none">'
      : variant === 1
        ? '<table border="1" cellspacing="0" cellpadding="4" width="96%" align="center">'
        : '<table class="table" border="1" style="width:100%">',
  );
  out.push('<tbody>');
  rows.forEach((row, r) => {
    const cells = splitCells(row);
    let last = cells.length;
    while (last > 0 && cells[last - 1] === '') last--;
    const nonEmpty = cells.filter((c) => c !== '').length;
    // Trailing empty cells as a colspan on the last filled cell (Word merges them), when at least two cells are filled.
    const colspan = cells.length - last >= 2 && nonEmpty >= 2 ? cells.length - last + 1 : 1;
    const shown = colspan > 1 ? cells.slice(0, last) : cells;
    const tag = variant === 1 && r === 0 ? 'th' : 'td';
    out.push('<tr>');
    shown.forEach((c, col) => {
      const span = colspan > 1 && col === shown.length - 1 ? ` colspan="${colspan}"` : '';
      const width = variant === 0 ? ` width="${80 + ((col * 37) % 60)}" valign="center"` : '';
      out.push(`<${tag}${span}${width}>${cell(c, variant, r, col)}</${tag}>`);
    });
    out.push('</tr>');
  });
  out.push('</tbody>', '</table>');
  return out.join('\n');
}

/** `长沙市芙蓉区人民政府` -> `芙蓉`, for 走进芙蓉. */
function shortName(site: string): string {
  let s = site.replace(/(?:人民政府|政府|门户网站|网站)$/, '');
  const k = Math.max(s.lastIndexOf('市'), s.lastIndexOf('省'));
  if (k >= 0 && k < s.length - 1) s = s.slice(k + 1);
  if (s.length > 2 && /[区县市]$/.test(s)) s = s.slice(0, -1);
  return s;
}

/** The number of page layouts (see PortalOptions.layout). */
export const PORTAL_LAYOUTS = 5;

const CONTAINERS = [
  (body: string) => `<div class="TRS_Editor"><style type="text/css">.TRS_Editor P{margin-top:0;margin-bottom:12px;line-height:1.8;font-family:宋体;font-size:12pt;}</style>\n${body}\n</div>`,
  (body: string) => `<div id="zoom" class="zoom">\n${body}\n</div>`,
  (body: string) => `<div id="UCAP-CONTENT" class="pages_content">\n${body}\n</div>`,
  (body: string) => `<div class="wzy_nr">\n<!--正文开始-->\n${body}\n<!--正文结束-->\n</div>`,
  // No well-known id: the article is found by scoring.
  (body: string) => `<div class="zhengwen-box"><div class="nr_text">\n${body}\n</div></div>`,
];

/** A plain-text document (first line = title; lines with ≥ 2 '|' are table rows, consecutive ones one table) as a saved 政府信息公开 portal page. */
export function renderPortalHtml(text: string, options: PortalOptions = {}): string {
  const site = options.site ?? DEFAULT_SITE;
  const charset = options.charset ?? 'utf-8';
  const short = shortName(site);
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

  // Leading table rows: a disclosure block; then the title; then maybe the info line.
  let at = 0;
  const leadRows: string[] = [];
  while (at < lines.length && isRow(lines[at] as string)) leadRows.push(lines[at++] as string);
  const title = at < lines.length ? (lines[at++] as string) : '';
  let info: string | null = null;
  if (at < lines.length && INFO_LINE.test(lines[at] as string) && !isRow(lines[at] as string)) info = lines[at++] as string;
  const bodyLines = lines.slice(at);

  const h = hash(title || text);
  const views = 100 + (h % 9000);
  const layout = (((options.layout ?? h) % CONTAINERS.length) + CONTAINERS.length) % CONTAINERS.length;

  // The article body.
  const body: string[] = [];
  let k = 0;
  let t = 0;
  for (let i = 0; i < bodyLines.length; ) {
    if (isRow(bodyLines[i] as string)) {
      const rows: string[] = [];
      while (i < bodyLines.length && isRow(bodyLines[i] as string)) rows.push(bodyLines[i++] as string);
      body.push(table(rows, t++));
      continue;
    }
    body.push(paragraph(bodyLines[i] as string, k++));
    i++;
  }
  const container = (CONTAINERS[layout] as (b: string) => string)(body.join('\n'));

  // The 政府信息公开 block.
  let disclosure = '';
  const pairs = options.disclosure ?? [];
  if (pairs.length > 0 || leadRows.length > 0) {
    const rows: string[] = [];
    for (let p = 0; p < pairs.length; p += 2) {
      const a = pairs[p] as [string, string];
      const b = pairs[p + 1];
      rows.push(
        `<tr><th class="xxgk-label">${esc(a[0])}</th><td>${esc(a[1])}</td>` +
          (b === undefined ? '<th></th><td></td>' : `<th class="xxgk-label">${esc(b[0])}</th><td>${esc(b[1])}</td>`) +
          '</tr>',
      );
    }
    for (const row of leadRows) {
      rows.push(`<tr>${splitCells(row).map((c, col) => (col % 2 === 0 ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`);
    }
    disclosure =
      `<div class="xxgk-info">\n<table class="xxgk-table" width="100%" border="0" cellspacing="1" cellpadding="0">\n<tbody>\n` +
      `${rows.join('\n')}\n</tbody>\n</table>\n</div>`;
  }

  const infoBar =
    `<div class="article-info">\n` +
    (info !== null ? `<span class="info-time">${esc(info)}</span>&nbsp;&nbsp;\n` : '') +
    `<span class="info-font">字体：【<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</span>&nbsp;&nbsp;\n` +
    `<span class="info-views">浏览量：<span id="views">${views}</span></span>&nbsp;&nbsp;\n` +
    `<span class="info-print"><a href="javascript:window.print()">【打印】</a><a href="javascript:window.close()">【关闭】</a></span>\n` +
    `</div>`;

  const heading = title === '' ? '' : `<h1 class="article-title">${esc(title)}</h1>`;
  const pageTitle = title === '' ? site : `${title}_${site}`;

  const related = [
    `${short}召开经济运行调度会`,
    `${short}2021年重点项目建设推进情况通报`,
    `关于印发《${short}优化营商环境若干措施》的通知`,
  ];

  const article =
    `<div class="article">\n${heading}\n${infoBar}\n${container}\n` +
    `<div class="bdsharebuttonbox share">分享到：<a href="#" class="bds_weixin" data-cmd="weixin" title="分享到微信">微信</a> <a href="#" class="bds_tsina" data-cmd="tsina">微博</a> <a href="#" class="bds_qzone" data-cmd="qzone">QQ空间</a></div>\n` +
    `<div class="ewm"><img src="/images/qrcode.png" alt="二维码"><p>扫一扫在手机打开当前页</p></div>\n` +
    `<div class="xggj">\n<h3>关联稿件</h3>\n<ul>\n${related.map((r, i) => `<li><a href="/xxgk/${1000 + i}.html" target="_blank">${esc(r)}</a><span>2021-0${i + 3}-1${i}</span></li>`).join('\n')}\n</ul>\n</div>\n` +
    `<div class="pager">\n<p>上一篇：<a href="/xxgk/998.html">${esc(related[0] as string)}</a></p>\n<p>下一篇：<a href="/xxgk/999.html">${esc(related[1] as string)}</a></p>\n</div>\n` +
    `</div>`;

  const header =
    `<div class="header">\n` +
    `<div class="top-bar"><div class="wrap"><span id="today"></span> <a href="/wza/">无障碍</a> | <a href="/lnb/">长者模式</a> | <a href="/en/">English</a></div></div>\n` +
    `<div class="logo"><a href="/"><img src="/images/logo.png" alt="${escapeAttr(site)}"></a><span class="site-name">${esc(site)}</span></div>\n` +
    `<div class="search"><form action="/search/" method="get" target="_blank"><input type="text" name="q" placeholder="请输入关键字"><button type="submit">搜索</button></form></div>\n` +
    `<div class="nav"><ul>\n<li><a href="/">首页</a></li>\n<li><a href="/zwgk/">政务公开</a></li>\n<li><a href="/zwfw/">政务服务</a></li>\n<li><a href="/hdjl/">互动交流</a></li>\n<li><a href="/zj/">走进${esc(short)}</a></li>\n</ul></div>\n` +
    `</div>`;

  const breadcrumb = `<div class="position">您现在所在的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfgzbg/">政府工作报告</a></div>`;

  const footer =
    `<div class="footer">\n<div class="footer-content">\n` +
    `<p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/wzsm/">网站声明</a></p>\n` +
    `<p>主办单位：${esc(site)}办公室&#12288;承办单位：${esc(short)}区政务服务和大数据中心</p>\n` +
    `<p>网站标识码：4301020001&#12288;<a href="https://beian.miit.gov.cn/">湘ICP备05002358号</a>&#12288;<img src="/images/ga.png" alt="">湘公网安备 43010202000123号</p>\n` +
    `</div>\n</div>`;

  const main =
    layout === 3
      ? // An old portal: the page laid out with a table, a menu column on the left.
        `<table class="main-table" width="1000" border="0" cellspacing="0" cellpadding="0" align="center">\n<tr>\n` +
        `<td width="220" valign="top" class="left"><div class="left-menu"><h3>政务公开</h3><ul>\n<li><a href="/zwgk/zcwj/">政策文件</a></li>\n<li><a href="/zwgk/ghjh/">规划计划</a></li>\n<li><a href="/zwgk/tjxx/">统计信息</a></li>\n</ul></div></td>\n` +
        `<td width="780" valign="top">\n${breadcrumb}\n${disclosure}\n${article}\n</td>\n</tr>\n</table>`
      : `<div class="main-wrap w1200">\n${breadcrumb}\n${disclosure}\n${article}\n</div>`;

  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    `<meta charset="${escapeAttr(charset)}">`,
    '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
    `<meta name="SiteName" content="${escapeAttr(site)}">`,
    `<meta name="ArticleTitle" content="${escapeAttr(title)}">`,
    `<title>${esc(pageTitle)}</title>`,
    '<link rel="stylesheet" type="text/css" href="/css/common.css">',
    '<style type="text/css">\nbody{margin:0;font-family:"Microsoft YaHei",宋体;}\n.article h1{font-size:24px;text-align:center;} /* 标题样式 */\n.article-info{color:#666;text-align:center;}\n</style>',
    `<script type="text/javascript">\nvar siteName = "${escapeAttr(site)}"; var tips = "您的浏览器版本过低，请升级浏览器";\nfunction doZoom(size){ document.getElementById("zoom").style.fontSize = size + "px"; }\nif (window.screen.width < 768) { document.write('<div class="tip">切换到手机版</div>'); }\n</script>`,
    '</head>',
    '<body>',
    '<!-- 头部开始 -->',
    header,
    '<!-- 头部结束 -->',
    main,
    footer,
    `<script type="text/javascript">\nvar _hmt = _hmt || []; /* 百度统计：${escapeAttr(site)} */\ndocument.getElementById("today").innerHTML = "今天是：" + new Date().toLocaleDateString();\n</script>`,
    '<noscript>您的浏览器不支持JavaScript，浏览量无法显示</noscript>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
