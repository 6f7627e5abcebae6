// Document metadata: type, region, date, periods and speaker.
import { describe, expect, it } from 'vitest';
import { buildContext } from './context.js';
import { DOC_TYPE_CUES, TITLE_RUN_IN } from './meta.js';
import { extract } from './pipeline.js';

function metaOf(text: string) {
  return extract(text, { doc: 'm' }).meta;
}

describe('doc_type from the title', () => {
  it.each([
    ['2021年岳阳楼区政府工作报告', 'work_report'],
    ['芙蓉区政府2020年上半年区政工作报告', 'midyear_report'],
    ['**区2021年上半年国民经济和社会发展计划执行情况报告', 'plan_report'],
    ['关于2020年预算执行情况和2021年预算草案的报告', 'budget_report'],
    ['2020年某某县国民经济和社会发展统计公报', 'statistical_bulletin'],
    ['【邵阳招商】16亿元锂离子动力电池项目签约邵阳', 'investment_news'],
    ['某某区开展爱国卫生运动', 'other'],
  ])('%s → %s', (title, type) => {
    expect(metaOf(`${title}\n正文。`).doc_type).toBe(type);
  });
});

describe('region', () => {
  it.each([
    ['【桂阳县招商】桂阳县云招商创新模式成功签约十二项目', '431021', 'county'],
    ['【邵阳招商】邵阳对非贸易强劲增长', '430500', 'prefecture'],
    ['【湖南招商】湖南十大产业项目建设加速', '430000', 'province'],
    ['芙蓉区政府2020年上半年区政工作报告', '430102', 'county'],
  ])('%s → %s', (title, code, level) => {
    expect(metaOf(`${title}\n正文。`).region).toMatchObject({ code, level });
  });

  it('takes the region from the speaker line', () => {
    expect(metaOf('岳阳楼区人民政府代区长 白再兴\n各位代表:\n').region).toEqual({ name: '岳阳楼区', code: '430602', level: 'county' });
  });

  it('takes the region from 我代表...人民政府 when no line names it', () => {
    expect(metaOf('政府工作报告\n各位代表：\n现在，我代表浏阳市人民政府，向大会报告政府工作。\n').region).toEqual({ name: '浏阳市', code: '430181', level: 'county' });
  });

  it('resolves a name shared by several places from the text around it', () => {
    const text = '西湖区人民政府区长 张三\n各位代表：\n过去一年，在南昌市委、市政府的坚强领导下，全区上下团结奋进。';
    expect(metaOf(text).region?.code).toBe('360103');
  });

  it('leaves a redacted name null with the level its suffix tells', () => {
    expect(metaOf('**区2021年上半年国民经济和社会发展计划执行情况报告\n正文。').region).toEqual({ name: null, code: null, level: 'county' });
  });
});

describe('date', () => {
  it('prefers the day the report was delivered to the day it was posted', () => {
    const text = '发布机构: | ****政府 | 发布日期: | 2021-09-15 15:43 |\n——2021年8月31****人大常委会第35次会上\n****政府副区长 黄忠梁\n';
    const meta = metaOf(text);
    expect(meta.date).toBe('2021-08-31');
    expect(meta.speaker).toEqual({ name: '黄忠梁', title: '副区长' });
  });
  it('reads a posting date on the last line of news', () => {
    expect(metaOf('【邵阳招商】邵阳招商\n2023年，邵阳市签约项目。\n2025-07-09').date).toBe('2025-07-09');
  });
  it('reads a bracketed date under the title as the day of delivery', () => {
    expect(metaOf('某某县政府工作报告\n（2021年1月8日）\n各位代表：\n').date).toBe('2021-01-08');
  });
  it('reads a meeting line without its year in the year of the title', () => {
    expect(metaOf('2017年政府工作报告\n国务院总理李某3月5日在十二届全国人大五次会议上作政府工作报告\n各位代表：\n').date).toBe('2017-03-05');
    expect(metaOf('2019年某某县政府工作报告\n县长王某1月8日在县十七届人大四次会议上\n各位代表：\n').date).toBe('2019-01-08');
  });
  it('reads a scraped date whose 年 and 月 were lost', () => {
    expect(metaOf('某某县政府工作报告\n(2022211日在某某县第十八届人民代表大会第一次会议上)\n').date).toBe('2022-02-11');
  });
});

describe('review and plan periods', () => {
  it('reads them from the headings of a work report', () => {
    const meta = metaOf('政府工作报告\n一、“十三五”及2020年工作回顾\n正文。\n二、“十四五”发展目标和主要任务\n正文。\n三、2021年工作目标和重点任务安排\n正文。');
    expect([meta.review_period, meta.plan_period]).toEqual(['2020', '2021']);
  });
  it('gives halves of the year in a mid-year report', () => {
    const meta = metaOf('芙蓉区政府2020年上半年区政工作报告\n一、上半年工作开展情况\n正文。\n二、下半年工作计划\n正文。');
    expect([meta.review_period, meta.plan_period]).toEqual(['2020H1', '2020H2']);
  });
  it('gives news the period of its events, not its posting date', () => {
    const meta = metaOf('【湖南招商】湖南十大产业项目建设加速\n2023年前10个月，十大产业项目完成投资252亿元，预计于2024年起投产。\n2025-07-09');
    expect([meta.review_period, meta.plan_period]).toEqual(['2023M01-10', null]);
  });
});

// A title run into its first line (data/documents.json title_run_in): read from each example, none from prose.
describe('a title run into the text of its line', () => {
  it.each(TITLE_RUN_IN.examples)('%s', (line, title) => {
    expect(metaOf(line).title).toBe(title);
  });
  it.each(TITLE_RUN_IN.counter_examples)('no title in: %s', (line) => {
    expect(metaOf(line).title).toBeNull();
  });
});

// Each cue of data/documents.json carries an example of what it reads: the cue must fire on it.
describe('doc_type cues fire on their examples', () => {
  it.each(DOC_TYPE_CUES.map((c) => [c.where, c.example, c.type, c.re] as const))('%s: %s → %s', (_where, example, _type, re) => {
    re.lastIndex = 0;
    expect(re.test(example)).toBe(true);
  });
});

// Forms the first-match rules got wrong: each row a document head, its type and its region.
describe('document type and region weighed from all cues', () => {
  it.each([
    // 年中 inside a year and a place name is no mid-year report.
    ['2025年中溪县政府工作报告\n各位代表：\n现在，我代表县人民政府向大会作政府工作报告。', 'work_report', null],
    ['2006年中华人民共和国国民经济和社会发展统计公报\n初步核算，全年国内生产总值209407亿元。', 'statistical_bulletin', null],
    // A site's tag naming another place: the title's place speaks, and the title's type wins over the tag's.
    ['【青禾区招商】2021年岳阳楼区政府工作报告\n各位代表：\n', 'work_report', '430602'],
    ['【长沙招商】2024年浏阳市政府工作报告\n各位代表：\n', 'work_report', '430181'],
    // Portal chrome above the title is not the title.
    ['您现在所在的位置: 首页 > 政务公开 > 政府工作报告\n字号：大 中 小\n2023年浏阳市政府工作报告\n各位代表：\n', 'work_report', '430181'],
    ['跳至内容\n2009年洛阳市政府工作报告\n维基文库，自由的图书馆\n', 'work_report', '410300'],
    // News of a report is `other`, and the place that holds the congress speaks.
    ['新快报讯 1月15日，广东省十四届人大三次会议开幕，省长王伟中向大会作政府工作报告。报告回顾了2024年的工作成果，并为2025年广东发展描绘新蓝图。', 'other', '440000'],
    ['本报讯（记者 李明）2月3日，湖南省十四届人大二次会议开幕，省长向大会作政府工作报告。报告回顾了2023年的工作。', 'other', '430000'],
    // Statistics bureaus' releases.
    ['2016年1-6月全市经济运行简况\n初步核算，上半年全市实现地区生产总值11413.8亿元。', 'statistical_bulletin', null],
    ['2023年上半年经济运行情况\n上半年，全区实现地区生产总值453.7亿元。', 'statistical_bulletin', null],
    // Investment news whose title names a signing without the word 签约.
    ['2023年01月10日\n黄冈新年签下三个百亿项目\n湖北日报讯 1月8日，黄冈市举行招商引资项目集中签约活动，共签约亿元以上项目89个。', 'investment_news', '421100'],
  ])('%s', (text, type, code) => {
    const meta = metaOf(text);
    expect(meta.doc_type).toBe(type);
    if (code) expect(meta.region?.code).toBe(code);
  });

  it.each([
    ['政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李强\n各位代表：\n现在，我代表国务院，向大会报告政府工作。'],
    ['2010年国务院政府工作报告（全文）\n——2010年3月5日在第十一届全国人民代表大会第三次会议上\n各位代表：\n现在，我代表国务院，向大会作政府工作报告。在北京召开的会议上……'],
  ])('reads the State Council report to the National People\'s Congress as national: %s', (text) => {
    expect(metaOf(text).region).toEqual({ name: '全国', code: '000000', level: 'national' });
  });

  it('does not read 重庆 inside 隆重庆祝', () => {
    expect(metaOf('各界隆重庆祝建党节\n全县干部群众隆重庆祝。').region?.code ?? null).not.toBe('500000');
  });

  it('reads a township work report under a county tag as the township', () => {
    expect(metaOf('【蓝山县招商】2021年白沙镇政府工作报告\n各位代表：\n').region?.level).toBe('township');
  });

  it('keeps a redacted township null with its level', () => {
    expect(metaOf('政府工作报告\n2012年1月4日在ooo乡第八届人民代表大会第五次会议上\n各位代表:\n').region).toEqual({ name: null, code: null, level: 'township' });
  });

  it('places a list of counties under their common prefecture', () => {
    const text = '2024年1-6月份全市招商引资工作成效\n1-6月份全市亿元以上新签约项目174个，分别为：霍山县34个、金寨县32个、裕安区27个、舒城县25个、金安区21个。';
    expect(metaOf(text).region?.code).toBe('341500');
  });

  it('explains each decision with the cues that made it', () => {
    const d = extract('2023年上半年经济运行情况\n初步核算，上半年全区实现地区生产总值453.7亿元。', { doc: 'm' });
    expect(d.meta.doc_type).toBe('statistical_bulletin');
    const ctx = buildContext('2023年上半年经济运行情况\n初步核算，上半年全区实现地区生产总值453.7亿元。');
    expect(ctx.decisions.docType.cues[0]!.rule).toMatch(/^title:/);
    expect(ctx.decisions.docType.tally[0]).toEqual(['statistical_bulletin', 8]);
  });
});

describe('years and dates without a dated heading', () => {
  it.each([
    // A title year without 年.
    ['青禾县2025工作报告\n各位代表：\n一、过去一年工作回顾\n正文。', '2024', '2025'],
    ['浏阳市2023政府工作报告\n各位代表：\n', '2022', '2023'],
    // A plan report: the executed year and the draft's year.
    ['关于莆田市荔城区2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告\n各位代表：\n', '2022', '2023'],
    // A five-year review heading: the review period is still the last year.
    ['2017年蠡县人民政府工作报告\n2017年2月22日在蠡县第十七届人民代表大会第一次会议上\n一、过去五年工作回顾\n五年来，全县生产总值年均增长7%。', '2016', '2017'],
    // News of a report: the year it reviews and the year it plans.
    ['四川省长做政府报告:将提前一年实现十五计划\n1月21日上午，四川省十届人大三次会议举行。他首先回顾了四川2004年的工作，然后对四川2005年的工作做了安排和部署。', '2004', '2005'],
    // A news item under a photo caption: the year comes from reported speech, the plan from the year's targets.
    ['会场一角 李明 摄\n3月5日，青禾县第十八届人民代表大会第四次会议开幕。县长王五在报告中说，2024年，全县地区生产总值增长6.1%。2025年，全县地区生产总值预期增长6.5%左右。', '2024', '2025'],
    ['现场图片 张三 摄\n1月10日，某某市人代会开幕。市长在报告中指出，2022年全市经济稳中有进。2023年全市生产总值目标增长6%。', '2022', '2023'],
    // An untitled bulletin that opens with its year.
    ['2023年是全面贯彻党的二十大精神的开局之年。全年全市地区生产总值完成500亿元，增长5.2%。', '2023', null],
  ])('%s', (text, review, plan) => {
    const meta = metaOf(text);
    expect([meta.review_period, meta.plan_period]).toEqual([review, plan]);
  });

  it.each([
    // The meeting line outweighs the site's posting dates.
    ['2007年政府工作报告\n发布时间:2007-03-02 00:00 来源:泾县人民政府\n——2007年2月8日在泾县第十五届人民代表大会第一次会议上\n', '2007-02-08'],
    // A news lead's 月日 of a congress, in the year the report plans.
    ['新快报讯 1月15日，广东省十四届人大三次会议开幕。报告回顾了2024年的工作成果，并为2025年广东发展描绘新蓝图。', '2025-01-15'],
    // The lead's 月日 in the year of the report's targets.
    ['会场一角 李明 摄\n3月5日，青禾县第十八届人民代表大会第四次会议开幕。县长王五在报告中说，2024年，全县地区生产总值增长6.1%。2025年，全县地区生产总值预期增长6.5%左右。', '2025-03-05'],
    // An e-paper's date line above the title.
    ['2023年01月10日\n黄冈新年签下三个百亿项目\n湖北日报讯 1月8日，黄冈市举行项目集中签约活动。', '2023-01-10'],
    // 来源…时间 on one line.
    ['关于2022年计划执行情况的报告\n来源:荔城区发展和改革局 时间:2023-02-06 17:01\n各位代表:\n', '2023-02-06'],
  ])('%s → %s', (text, date) => {
    expect(metaOf(text).date).toBe(date);
  });
});

describe('portal pages: a masthead, a navigation bar, a posting line', () => {
  // [text, title, doc_type, region code, date, review_period]
  it.each([
    // invented news of the held-out kinds: a site's name alone above its breadcrumb is no title
    [
      '宁波市鄞州区人民政府\n首页 > 政务公开 > 工作总结\n鄞州区人民政府2023年上半年工作总结和下半年工作安排\n发布日期：2023-07-20\n今年以来，全区经济运行稳中向好。\n二、下半年工作安排\n下半年，确保全年目标完成。',
      '鄞州区人民政府2023年上半年工作总结和下半年工作安排', 'midyear_report', '330212', '2023-07-20', '2023H1',
    ],
    // a statistics bureau's masthead and navigation bar; its place speaks when the title says only 全市
    [
      '绵阳市统计局\n首页 | 机构概况 | 统计动态 | 统计数据\n2023年1-10月全市经济运行情况\n发布时间：2023-11-24\n1-10月，全市规模以上工业增加值同比增长9.2%。',
      '2023年1-10月全市经济运行情况', 'statistical_bulletin', '510700', '2023-11-24', '2023M01-10',
    ],
    [
      '长丰县统计局\n首页 | 统计公报 | 统计分析 | 政务公开\n2022年全县经济运行情况\n2023年1月20日 来源：长丰县统计局\n全县经济运行总体平稳。',
      '2022年全县经济运行情况', 'statistical_bulletin', '340121', '2023-01-20', '2022',
    ],
    // a posting line that opens with its date and clock: the date, and not the lead (its 宿迁日报 is the paper's place)
    [
      '宿迁网 > 县区新闻 > 泗阳\n【泗阳】总投资15亿元 年产3万吨高性能纤维项目正式投产\n2024-05-22 08:15:36　来源：宿迁日报　编辑：朱颖\n5月21日，位于泗阳经济开发区的某某新材料科技有限公司年产3万吨高性能纤维项目正式投产。据介绍，该项目于2022年10月签约，2023年3月开工建设。',
      '总投资15亿元 年产3万吨高性能纤维项目正式投产', 'investment_news', '321323', '2024-05-22', '2024',
    ],
    // a one-step breadcrumb; the lead's 9月2日 is in the posting year, not the background year 2022
    [
      '某某网 > 新闻\n总投资8亿元 智能家居项目正式开工\n2023年9月3日 10:20 来源：赣南日报 编辑：李华\n9月2日，位于于都县工业园的年产10万套智能家居项目正式开工。该项目于2022年签约。',
      '总投资8亿元 智能家居项目正式开工', 'investment_news', '360731', '2023-09-03', '2023',
    ],
    // news2 (held-out batch): the lead's day ties with two background years (2023年2月签约, 2023年5月开工): the lead's posting year wins
    [
      '宜宾市叙州区人民政府\n首页 > 新闻中心 > 叙州要闻\n【叙州新闻】总投资120亿元 年产30万吨磷酸铁锂正极材料项目一期投产 二期开工\n发布时间：2024-11-09 10:12:47  来源：叙州区融媒体中心\n11月8日，位于叙州区高场镇的某某新材料有限公司年产30万吨磷酸铁锂正极材料项目一期正式投产。项目一期于2023年5月开工。据介绍，该项目于2023年2月签约落户叙州区。',
      '总投资120亿元 年产30万吨磷酸铁锂正极材料项目一期投产 二期开工', 'investment_news', '511504', '2024-11-09', '2024',
    ],
    [
      '某某网 > 县区新闻\n总投资30亿元 再生铝项目正式投产\n2025-03-02 09:00 来源：许昌日报\n3月1日，长葛市年产20万吨再生铝项目正式投产。该项目于2023年8月签约，2023年12月开工。',
      '总投资30亿元 再生铝项目正式投产', 'investment_news', '411082', '2025-03-02', '2025',
    ],
    // a bureau's masthead with its second name in brackets is no title; the title's 1—5月 without a year is in the posting year
    [
      '嘉兴市商务局（市投资促进中心）\n首页 > 工作动态 > 招商引资\n1—5月全市招商引资工作进展情况\n发布时间：2024-06-12  来源：市投资促进中心\n今年以来，全市招商引资工作稳中有进。\n1—5月，全市新签约项目186个、总投资1125.6亿元。',
      '1—5月全市招商引资工作进展情况', 'investment_news', '330400', '2024-06-12', '2024M01-05',
    ],
    [
      '长丰县发展和改革局\n首页 > 工作动态\n1-9月全县重点项目建设进展情况\n发布时间：2023-10-10\n1-9月，全县新开工项目32个。',
      '1-9月全县重点项目建设进展情况', 'investment_news', '340121', '2023-10-10', '2023M01-09',
    ],
  ])('%s', (text, title, type, code, date, review) => {
    const meta = metaOf(text);
    expect([meta.title, meta.doc_type, meta.region?.code, meta.date, meta.review_period]).toEqual([title, type, code, date, review]);
  });
});
