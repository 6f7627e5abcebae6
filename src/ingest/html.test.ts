import { describe, expect, it } from 'vitest';
import { htmlToText, stripSiteName } from './html.js';

const SITE = '长沙市芙蓉区人民政府';

/** A page: head with <title>, then the body markup. */
function page(body: string, title = `关于2021年上半年经济运行情况的报告_${SITE}`): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title>
<style>.x{color:red} /* 样式不得出现 */</style><script>var s = "脚本文字不得出现";</script></head>
<body>${body}</body></html>`;
}

const P1 = '上半年，全区实现地区生产总值670.68亿元，同比增长8.1%，增速居全市第一。';
const P2 = '固定资产投资同比增长10.6%，社会消费品零售总额同比下降7.6%，一般公共预算收入15.34亿元。';
const P3 = '下半年，我们将持续做好疫情常态化防控，稳住经济基本盘，保住基本民生。';

function lines(text: string): string[] {
  return text.split('\n');
}

describe('htmlToText: chrome', () => {
  // Each chrome block sits INSIDE the content container, between two paragraphs,
  // so only the chrome rules (not the choice of the container) can drop it.
  const cases: Array<[string, string, string[]]> = [
    ['<nav>', '<nav><a href="/">首页</a> <a href="/zwgk/">政务公开栏目</a></nav>', ['政务公开栏目']],
    ['<header> of links', '<header><a href="/">网站首页</a><a href="/zwfw/">政务服务栏目</a></header>', ['政务服务栏目']],
    ['<footer>', '<footer><p>页脚的说明文字</p></footer>', ['页脚的说明文字']],
    ['<aside>', '<aside><p>侧栏的说明文字</p></aside>', ['侧栏的说明文字']],
    ['class nav / menu', '<div class="sub-nav"><ul><li><a href="#">互动交流栏目</a></li></ul></div><ul class="menuList"><li><a href="#">走进芙蓉栏目</a></li></ul>', ['互动交流栏目', '走进芙蓉栏目']],
    ['class breadcrumb / id dqwz', '<div class="breadcrumb"><a>首页</a>&gt;<a>政务公开</a></div><div id="dqwz"><a>政府工作报告栏目</a></div>', ['政务公开', '政府工作报告栏目']],
    ['breadcrumb text', '<div>您现在所在的位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>政府工作报告</a></div><p>当前位置：首页 > 规划计划</p>', ['您现在所在的位置', '当前位置', '规划计划']],
    ['class share (bdshare)', '<div class="bdsharebuttonbox"><a class="bds_weixin">微信好友</a><a class="bds_tsina">新浪微博</a></div>', ['微信好友', '新浪微博']],
    ['share text', '<div>分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>', ['分享到', 'QQ空间']],
    ['class footer / copyright', '<div class="footer_wrap"><p>本站说明文字</p></div><div class="copyright">版权信息文字</div>', ['本站说明文字', '版权信息文字']],
    ['footer text', '<div>主办单位：长沙市芙蓉区人民政府办公室</div><div>网站标识码：4301020001 湘ICP备05002358号</div><div>湘公网安备 43010202000123号</div><div>版权所有：芙蓉区人民政府 技术支持：某公司</div>', ['主办单位', '网站标识码', 'ICP备', '公网安备', '版权所有', '技术支持']],
    ['footer link row', '<p><a>网站地图</a> | <a>联系我们</a> | <a>设为首页</a></p>', ['网站地图', '联系我们']],
    ['logo / search', '<div class="logo"><a><img alt="x">网站标志文字</a></div><div class="search-box"><span>搜索提示文字</span><input value="输入框文字"></div>', ['网站标志文字', '搜索提示文字', '输入框文字']],
    ['side column of links', '<div class="right"><h3>专题链接</h3><ul><li><a>专题一链接</a></li><li><a>专题二链接</a></li></ul></div>', ['专题一链接']],
    ['class related (xggj)', '<div class="xggj"><h3>相关稿件</h3><ul><li><a>另一篇稿件标题</a></li></ul></div>', ['相关稿件', '另一篇稿件标题']],
    ['related heading text + its links', '<h3>关联稿件</h3><ul><li><a href="/1.html">芙蓉召开经济运行调度会</a></li><li><a href="/2.html">重点项目建设推进情况通报</a></li></ul>', ['关联稿件', '经济运行调度会', '推进情况通报']],
    ['related heading in one line', '<div>相关链接：<a>市政府网站</a> <a>省政府网站</a></div>', ['相关链接', '市政府网站']],
    ['print / close text', '<div><a>【打印本页】</a> <a>【关闭窗口】</a></div><div>[打印] [关闭]</div>', ['打印', '关闭']],
    ['class print / close', '<div class="print"><a>打印这一页</a></div><span class="close">关上这一页</span>', ['打印这一页', '关上这一页']],
    ['QR code text and class', '<div class="erweima"><img src="qr.png"><span>手机版二维码说明</span></div><p>扫一扫在手机打开当前页</p>', ['手机版二维码说明', '扫一扫']],
    ['font size text', '<div>字号：<a>大</a> <a>中</a> <a>小</a></div><div>【字体：大 中 小】</div>', ['字号', '字体']],
    ['class fontsize / toolbar', '<div class="fontSize"><a>放大字体</a></div><div class="toolbar"><a>收藏本文</a></div>', ['放大字体', '收藏本文']],
    ['view counter text', '<div>浏览次数：345</div><span>阅读次数：12次</span>', ['浏览次数', '阅读次数', '345']],
    ['pager text and class', '<div>上一篇：<a>关于开展安全生产检查的通知</a></div><div>下一篇：<a>关于做好防汛工作的通知</a></div><div class="prev-next"><a>另一个上下篇链接</a></div>', ['上一篇', '下一篇', '安全生产检查', '另一个上下篇链接']],
  ];
  it.each(cases)('drops %s', (_name, chrome, words) => {
    const html = page(`<h1>关于2021年上半年经济运行情况的报告</h1><div id="zoom"><p>${P1}</p>${chrome}<p>${P2}</p></div>`);
    const { text } = htmlToText(html);
    expect(lines(text)).toEqual(['关于2021年上半年经济运行情况的报告', P1, P2]);
    for (const w of words) expect(text).not.toContain(w);
  });

  it('keeps a left / right column that holds the article text (not mostly links)', () => {
    const html = page(`<div class="main"><div class="left"><h1>关于2021年上半年经济运行情况的报告</h1><p>${P1}</p><p>${P2}</p></div><div class="right"><ul><li><a>专题一</a></li><li><a>专题二</a></li></ul></div></div>`);
    expect(lines(htmlToText(html).text)).toEqual(['关于2021年上半年经济运行情况的报告', P1, P2]);
  });

  it('keeps a 相关… heading that is followed by text rather than links', () => {
    const html = page(`<h1>关于2021年上半年经济运行情况的报告</h1><div id="zoom"><p>${P1}</p><h3>相关政策</h3><p>${P2}</p></div>`);
    expect(lines(htmlToText(html).text)).toEqual(['关于2021年上半年经济运行情况的报告', P1, '相关政策', P2]);
  });

  it('keeps content words that only look like chrome in long lines', () => {
    const long = `我们推行“扫码即办”，上一篇章已经翻过，版权所有制改革也在推进，网站地图服务上线，${P1}`;
    const html = page(`<h1>关于2021年上半年经济运行情况的报告</h1><div id="zoom"><p>${long}</p><p>浏览量达到100万次，较上年增长20%。这一数据来自区融媒体中心的统计报告。</p></div>`);
    expect(lines(htmlToText(html).text)).toEqual(['关于2021年上半年经济运行情况的报告', long, '浏览量达到100万次，较上年增长20%。这一数据来自区融媒体中心的统计报告。']);
  });

  it('never lets script, style, noscript, template, form controls or comments through', () => {
    const html = page(
      `<script>document.write("脚本一")</script><div id="zoom"><p>${P1}</p><script type="text/javascript">var a = '<p>脚本二</p>';</script>` +
        `<style>p{}/*样式二*/</style><noscript>无脚本提示</noscript><template><p>模板内容</p></template><!-- 注释内容 -->` +
        `<select><option>下拉选项</option></select><textarea>文本框内容</textarea><button>按钮文字</button><svg><text>矢量图文字</text></svg>` +
        `<iframe>内嵌框架</iframe><p>${P2}</p></div>`,
    );
    const { text } = htmlToText(html);
    expect(lines(text)).toEqual(['关于2021年上半年经济运行情况的报告', P1, P2]);
    for (const w of ['脚本', '样式', '无脚本', '模板', '注释', '下拉', '文本框', '按钮', '矢量图', '内嵌']) expect(text).not.toContain(w);
  });

  it('drops hidden elements', () => {
    const html = page(
      `<div id="zoom"><p>${P1}</p><p hidden>隐藏属性段落</p><div style="display: none">隐藏样式段落</div>` +
        `<span style="color:red;visibility:hidden">不可见文字</span><input type="hidden" value="隐藏输入"><p>${P2}</p></div>`,
    );
    const { text } = htmlToText(html);
    expect(lines(text)).toEqual(['关于2021年上半年经济运行情况的报告', P1, P2]);
    expect(text).not.toMatch(/隐藏|不可见/);
  });

  it('keeps a <form> that wraps the whole page (ASP.NET) but drops a search form', () => {
    const html = page(`<form id="form1" method="post"><div class="search"><form><input name="q"><span>站内搜索</span></form></div><h1>关于2021年上半年经济运行情况的报告</h1><div class="nr"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></form>`);
    expect(lines(htmlToText(html).text)).toEqual(['关于2021年上半年经济运行情况的报告', P1, P2, P3]);
  });
});

describe('htmlToText: blocks and whitespace', () => {
  it('keeps paragraphs in order, one per line', () => {
    const html = page(`<div id="zoom"><p>${P1}</p><div>${P2}</div><h3>二、下半年工作安排</h3><ul><li>${P3}</li><li>保居民就业。</li></ul><blockquote>引用段落。</blockquote></div>`);
    expect(lines(htmlToText(html).text)).toEqual(['关于2021年上半年经济运行情况的报告', P1, P2, '二、下半年工作安排', P3, '保居民就业。', '引用段落。']);
  });

  const inline: Array<[string, string, string]> = [
    ['spans split a word from its number', '<span>地区生产总值</span><span>670.68亿元</span>', '地区生产总值670.68亿元'],
    ['Word spans with lang', '<span style="font-family:仿宋">增长</span><span lang="EN-US">8.1</span><span>%</span>', '增长8.1%'],
    ['b / strong / font / em / u / sub / sup / a', '<b>一是</b><strong>加快</strong><font color="red">项目</font><em>建设</em><u>进度</u>，<a href="#">完成</a>投资m<sup>2</sup>H<sub>2</sub>O', '一是加快项目建设进度，完成投资m2H2O'],
    ['entities', '&ldquo;六稳&rdquo;&mdash;&ldquo;六保&rdquo;&hellip; A&amp;B &lt;1&gt; &#20013;&#x6587;', '“六稳”—“六保”… A&B <1> 中文'],
    ['indent with NBSP and U+3000 trimmed', '&nbsp;&nbsp;&#12288;&#12288;正文缩进&nbsp;&#12288;', '正文缩进'],
    ['inner NBSP becomes a space', '发布时间：2020-07-31&nbsp;&nbsp;来源：区政府办', '发布时间：2020-07-31  来源：区政府办'],
  ];
  it.each(inline)('joins inline elements without spaces: %s', (_name, markup, expected) => {
    const { text } = htmlToText(`<p>${markup}</p>`, { main: false });
    expect(text).toBe(expected);
  });

  const wraps: Array<[string, string, string]> = [
    ['CJK + CJK', '全区实现地区\n        生产总值', '全区实现地区生产总值'],
    ['CJK + digit', '同比增长\n   8.1%', '同比增长8.1%'],
    ['digit + CJK', '2020\n年', '2020年'],
    ['CJK punctuation', '亿元，\n  增长', '亿元，增长'],
    ['across inline tags', '<span>地区生产总值</span>\n  <span>670.68亿元</span>', '地区生产总值670.68亿元'],
    ['Latin words keep their space', 'GDP\n  growth', 'GDP growth'],
    ['CJK + Latin keeps a space', '实现\nGDP', '实现 GDP'],
    ['a written space between CJK is kept', '指 标 名 称', '指 标 名 称'],
    ['runs of spaces collapse', '地区  生产\t\t总值   670亿元', '地区 生产 总值 670亿元'],
  ];
  it.each(wraps)('whitespace from source line-wraps: %s', (_name, markup, expected) => {
    expect(htmlToText(`<p>${markup}</p>`, { main: false }).text).toBe(expected);
  });

  it('keeps the lines of <pre>', () => {
    expect(lines(htmlToText('<pre>第一行\n  第二行\r\n\n第三行</pre><p>之后</p>', { main: false }).text)).toEqual(['第一行', '第二行', '第三行', '之后']);
  });

  it('turns <br> into a line break and drops empty lines', () => {
    const { text } = htmlToText('<p>第一行<br>第二行<br/><br>&nbsp;<br>第三行</p><p>&#12288;</p><p></p>', { main: false });
    expect(lines(text)).toEqual(['第一行', '第二行', '第三行']);
  });
});

describe('htmlToText: tables', () => {
  const data =
    '<table border="1"><tbody>' +
    '<tr><th>指标</th><th>单位</th><th>2021年<br>预期目标</th><th>上半年</th></tr>' +
    '<tr><td><p class="MsoNormal" align="center"><span>地区生产总值</span></p></td><td>亿元</td><td>增长8%</td><td>747.70</td></tr>' +
    '<tr><td>城镇登记失业率</td><td>%</td><td></td><td>3.22</td></tr>' +
    '<tr><td colspan="2">合计</td><td>——</td><td>57.76</td></tr>' +
    '<tr><td>&nbsp;</td><td></td><td> </td><td></td></tr>' +
    '</tbody></table>';
  const rows = ['指标 | 单位 | 2021年 预期目标 | 上半年 |', '地区生产总值 | 亿元 | 增长8% | 747.70 |', '城镇登记失业率 | % |  | 3.22 |', '合计 | —— | 57.76 |'];

  it('renders a data table as one line per row, cells joined by " | " and closed by one (empty cells kept, colspan once, empty rows dropped)', () => {
    expect(lines(htmlToText(`<p>表1 主要指标</p>${data}<p>注：数据为快报数。</p>`, { main: false }).text)).toEqual(['表1 主要指标', ...rows, '注：数据为快报数。']);
  });

  it('unwraps a layout table (cells holding blocks) into lines, and keeps a data table nested in it', () => {
    const layout =
      '<table width="1000"><tr>' +
      '<td class="col1"><h3>栏目</h3><ul><li>政策文件</li><li>规划计划</li></ul></td>' +
      `<td class="col2"><div class="nr"><p>${P1}</p>${data}<p>${P2}</p></div></td>` +
      '</tr></table>';
    expect(lines(htmlToText(layout, { main: false }).text)).toEqual(['栏目', '政策文件', '规划计划', P1, ...rows, P2]);
  });

  it('treats a one-column table of long text as layout', () => {
    const html = `<table><tr><td>${P1}<br>${P2}</td></tr><tr><td>${P3}</td></tr></table>`;
    expect(lines(htmlToText(html, { main: false }).text)).toEqual([P1, P2, P3]);
  });

  it('keeps a data table inside the main content', () => {
    const html = page(`<h1>关于2021年上半年经济运行情况的报告</h1><div class="TRS_Editor"><p>${P1}</p>${data}<p>${P2}</p></div>`);
    expect(lines(htmlToText(html).text)).toEqual(['关于2021年上半年经济运行情况的报告', P1, ...rows, P2]);
  });
});

describe('htmlToText: article structure', () => {
  const header = `<div class="header"><div class="logo"><h1>${SITE}</h1></div><ul class="nav"><li><a>首页</a></li><li><a>政务公开</a></li></ul></div>`;
  const crumb = '<div class="position">您现在所在的位置：<a>首页</a> &gt; <a>政务公开</a></div>';
  const footer = `<div class="footer"><p>主办单位：${SITE}办公室</p></div>`;
  const disclosureTable =
    '<table class="xxgk"><tr><td>索引号：</td><td>431102/2021-00123</td><td>主题分类：</td><td>规划计划</td></tr>' +
    '<tr><td>发布机构：</td><td>芙蓉区发改局</td><td>发布日期：</td><td>2021-08-31</td></tr>' +
    '<tr><td>文号：</td><td>芙发改〔2021〕5号</td><td>有效性：</td><td>有效</td></tr></table>';
  const disclosureRows = ['索引号： | 431102/2021-00123 | 主题分类： | 规划计划 |', '发布机构： | 芙蓉区发改局 | 发布日期： | 2021-08-31 |', '文号： | 芙发改〔2021〕5号 | 有效性： | 有效 |'];

  it('keeps the disclosure block (a table) and puts it before the title', () => {
    const html = page(`${header}${crumb}<div class="article"><h1>关于2021年上半年经济运行情况的报告</h1>${disclosureTable}<div id="zoom"><p>${P1}</p><p>${P2}</p></div></div>${footer}`);
    const out = htmlToText(html);
    expect(lines(out.text)).toEqual([...disclosureRows, '关于2021年上半年经济运行情况的报告', P1, P2]);
    expect(out.title).toBe('关于2021年上半年经济运行情况的报告');
  });

  it('keeps a disclosure block written as a list, as label：value lines', () => {
    const list =
      '<div class="xxgk-box"><ul><li><b>索引号：</b><span>431102/2021-00123</span></li><li><b>主题分类：</b><span>规划计划</span></li>' +
      '<li><b>发布机构：</b><span>芙蓉区发改局</span></li><li><b>生成日期：</b><span>2021-08-31</span></li></ul></div>';
    const html = page(`${header}${crumb}${list}<h1>关于2021年上半年经济运行情况的报告</h1><div id="zoom"><p>${P1}</p></div>${footer}`);
    expect(lines(htmlToText(html).text)).toEqual(['索引号：431102/2021-00123', '主题分类：规划计划', '发布机构：芙蓉区发改局', '生成日期：2021-08-31', '关于2021年上半年经济运行情况的报告', P1]);
  });

  const infoBars: Array<[string, string, string]> = [
    [
      'separate spans',
      '<div class="info"><span>发布时间：2020-07-31</span> <span>来源：芙蓉区政府办</span> <span>字体：【<a>大</a> <a>中</a> <a>小</a>】</span> <span>浏览量：<b>1234</b></span> <a>【打印】</a><a>【关闭】</a></div>',
      '发布时间：2020-07-31 来源：芙蓉区政府办',
    ],
    ['plain text in one element', '<p>发布时间：2020-07-31 来源：芙蓉区政府办 字体：【大 中 小】 浏览量：1234 【打印】【关闭】</p>', '发布时间：2020-07-31 来源：芙蓉区政府办'],
    ['spans glued by a line-wrap', '<div class="info"><span>发布日期：2021-09-15</span>\n<span>来源：区统计局</span>\n<span>点击数：88</span></div>', '发布日期：2021-09-15 来源：区统计局'],
    ['a dangling font-size label', '<div>发布时间 : 2020-07-31&nbsp;&nbsp; 来源:芙蓉区政府办&nbsp;&nbsp; 字体大小:</div>', '发布时间 : 2020-07-31   来源:芙蓉区政府办'],
  ];
  it.each(infoBars)('keeps 发布时间 and 来源 of the info line, drops its chrome: %s', (_name, bar, expected) => {
    const html = page(`${header}${crumb}<h1>关于2021年上半年经济运行情况的报告</h1>${bar}<div id="zoom"><p>${P1}</p></div>${footer}`);
    expect(lines(htmlToText(html).text)).toEqual(['关于2021年上半年经济运行情况的报告', expected, P1]);
  });

  it('finds the main content by a well-known container even when other text is longer', () => {
    const notice = `<div class="notice"><p>${P3}${P3}${P3}${P3}</p></div>`;
    const html = page(`${header}<div class="wrap"><div id="UCAP-CONTENT"><p>${P1}</p><p>${P2}</p></div>${notice}</div>${footer}`);
    expect(lines(htmlToText(html).text)).toEqual(['关于2021年上半年经济运行情况的报告', P1, P2]);
  });

  it('finds the main content by scoring when no well-known container exists', () => {
    const side = '<div class="l1"><ul><li><a>政策文件</a></li><li><a>规划计划</a></li><li><a>统计信息</a></li></ul></div>';
    const note = '<div class="r3"><p>今日天气晴。</p></div>';
    const html = page(`${header}<div class="wrap">${side}<div class="m2"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>${note}</div>${footer}`);
    const { text } = htmlToText(html);
    expect(lines(text)).toEqual(['关于2021年上半年经济运行情况的报告', P1, P2, P3]);
  });

  it('takes the title from the h1 near the content, not the logo h1', () => {
    const html = page(`${header}<div class="detail"><h1>关于2021年上半年经济运行情况的报告</h1><div id="zoom"><p>${P1}</p></div></div>`, `经济运行报告-政务公开-${SITE}`);
    const out = htmlToText(html);
    expect(out.title).toBe('关于2021年上半年经济运行情况的报告');
    expect(lines(out.text)).toEqual(['关于2021年上半年经济运行情况的报告', P1]);
  });

  it('takes the title from a title-classed element', () => {
    const html = page(`${header}<div class="detail"><div class="art-title">芙蓉区2020年上半年区政工作报告</div><div id="zoom"><p>${P1}</p></div></div>`, SITE);
    expect(htmlToText(html).title).toBe('芙蓉区2020年上半年区政工作报告');
  });

  it('falls back to <title> without the site suffix, on the first line', () => {
    const html = page(`${header}<div id="zoom"><p>${P1}</p><p>${P2}</p></div>`, `芙蓉区政府2020年上半年区政工作报告_${SITE}`);
    const out = htmlToText(html);
    expect(out.title).toBe('芙蓉区政府2020年上半年区政工作报告');
    expect(lines(out.text)).toEqual(['芙蓉区政府2020年上半年区政工作报告', P1, P2]);
  });

  it('does not repeat the title when the content starts with it', () => {
    const html = page(`<div id="zoom"><p style="text-align:center"><strong>芙蓉区政府2020年上半年区政工作报告</strong></p><p>${P1}</p></div>`, `芙蓉区政府2020年上半年区政工作报告_${SITE}`);
    expect(lines(htmlToText(html).text)).toEqual(['芙蓉区政府2020年上半年区政工作报告', P1]);
  });

  const titles: Array<[string, string | null]> = [
    [`芙蓉区政府2020年上半年区政工作报告_${SITE}`, '芙蓉区政府2020年上半年区政工作报告'],
    [`关于印发《芙蓉区优化营商环境若干措施》的通知 - 政策文件 - ${SITE}门户网站`, '关于印发《芙蓉区优化营商环境若干措施》的通知'],
    [`政府工作报告_${SITE}门户网站`, '政府工作报告'],
    [`2021-2025年规划纲要|${SITE}`, '2021-2025年规划纲要'],
    [SITE, null],
  ];
  it.each(titles)('strips the site name from <title> %s', (title, expected) => {
    expect(stripSiteName(title)).toBe(expected);
  });

  it('with main: false keeps the whole body (menus included) but not scripts', () => {
    const html = page(`<ul class="nav"><li>首页</li></ul><h1>报告</h1><p>${P1}</p><script>var x = "脚本";</script>`, 'T');
    const out = htmlToText(html, { main: false });
    expect(lines(out.text)).toEqual(['首页', '报告', P1]);
    expect(out.title).toBe('报告');
  });
});

describe('htmlToText: robustness', () => {
  it('survives 200,000 nested <div>s (iterative traversal, linear parser stack)', () => {
    const n = 200_000;
    const html = `<html><body>${'<div>'.repeat(n)}<p>${P1}</p>${'</div>'.repeat(n)}</body></html>`;
    const t0 = Date.now();
    expect(htmlToText(html).text).toBe(P1);
    expect(htmlToText(`<html><body>${'<div>'.repeat(n)}<p>${P2}`, { main: false }).text).toBe(P2);
    // The stock htmlparser2 stack makes this quadratic (~45 s); linear it takes about a second.
    expect(Date.now() - t0).toBeLessThan(15_000);
  });

  it('handles empty and text-only input', () => {
    expect(htmlToText('')).toEqual({ text: '', title: null });
    expect(htmlToText('纯文本，没有标签。').text).toBe('纯文本，没有标签。');
  });
});

describe('htmlToText: rows the table reader sees', () => {
  it('closes a two-cell row with a bar, so it still reads as a table row (完成数 | 增长% |)', () => {
    const html = '<table><tr><td>指标名称</td><td>单位</td><td>2021年上半年</td></tr><tr><td>完成数</td><td>增长%</td></tr></table>';
    const out = lines(htmlToText(html, { main: false }).text);
    expect(out).toEqual(['指标名称 | 单位 | 2021年上半年 |', '完成数 | 增长% |']);
    expect(out.every((l) => (l.match(/\|/g) ?? []).length >= 2)).toBe(true);
  });
});
