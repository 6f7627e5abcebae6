// Projects in investment news.
import { describe, expect, it } from 'vitest';
import { buildContext } from './context.js';
import { normalizeText } from './normalize.js';
import { extract } from './pipeline.js';
import { extractProjects } from './projects.js';

function projectsOf(text: string) {
  return extract(text, { doc: 'p' }).projects.map((p) => ({
    name: p.name,
    count: p.count,
    investment: p.investment ? `${p.investment.value}${p.investment.unit} ${p.investment.qualifier}` : null,
    stage: p.stage,
  }));
}

describe('projects', () => {
  it('reads a named project with its investment, place and investor', () => {
    const text = '【邵阳招商】16亿元锂离子动力电池项目签约邵阳\n2023年，总投资16亿元的锂离子动力电池项目在邵阳经济技术开发区正式签约。该项目由山西易高能源有限公司投资建设。\n2025-07-09';
    const [p] = extract(text, { doc: 'p' }).projects;
    expect(p).toMatchObject({
      name: '锂离子动力电池项目',
      count: null,
      investment: { value: 16, unit: '亿元', qualifier: 'exact' },
      stage: 'signed',
      location: '邵阳经济技术开发区',
      investor: '山西易高能源有限公司',
      date: '2023',
    });
    expect(text.slice(p!.span[0], p!.span[1])).toBe(p!.quote);
  });

  it('reads a batch with its count and total investment, once', () => {
    expect(projectsOf('【邵阳招商】邵阳招商引资喜迎签约十一个重点项目总投资十四亿\n在2023年，邵阳市11个重点产业项目集中签约，总投资达14亿元。')).toEqual([
      { name: null, count: 11, investment: '14亿元 exact', stage: 'signed' },
    ]);
  });

  it('tells stages apart: started, under construction, signed', () => {
    const text =
      '【湖南招商】湖南十大产业项目建设加速\n长沙经开区的上汽大众新能源汽车项目已在2023年启动建设。湘潭市的山河工业城项目等均已开工建设。株洲市的中车轨道交通项目取得实质进展。当季新增签约项目7个。';
    expect(projectsOf(text)).toEqual([
      { name: null, count: 10, investment: null, stage: 'under_construction' },
      { name: '上汽大众新能源汽车项目', count: null, investment: null, stage: 'started' },
      { name: '山河工业城项目', count: null, investment: null, stage: 'started' },
      { name: '中车轨道交通项目', count: null, investment: null, stage: 'under_construction' },
      { name: null, count: 7, investment: null, stage: 'signed' },
    ]);
  });

  it('reads 约 as approx and ignores a stage that is only a condition (达产后)', () => {
    const text = '【邵阳招商】签约\n国碳纳米锂离子导电材料项目总投资约5亿元，达产后预计实现年销售额20亿元。';
    expect(projectsOf(text)).toEqual([{ name: '国碳纳米锂离子导电材料项目', count: null, investment: '5亿元 approx', stage: 'signed' }]);
  });

  it('does not take generic words or verbs for project names', () => {
    const text = '【湖南招商】湖南债券助推招商引资\n这为湖南省招商引资项目提供了示范案例，确保项目洽谈不受限制，布局后续投资项目。';
    expect(projectsOf(text)).toEqual([]);
  });

  it('finds no projects outside investment news', () => {
    expect(extract('政府工作报告\n一、2020年工作回顾\n锂离子动力电池项目签约。', { doc: 'p' }).projects).toEqual([]);
  });

  it('takes the furthest stage a predicate names and keeps 及 and capacities inside names', () => {
    const text =
      '【某市招商】一批项目签约开工投产\n2022年，总投资130亿元的某某汽车一工厂及发动机项目、总投资150亿元某某磷酸铁锂项目实现当年签约、当年开工。某某科技年产1100万片触控显示模组及器件项目如期投产。';
    expect(projectsOf(text)).toEqual([
      { name: '某某汽车一工厂及发动机项目', count: null, investment: '130亿元 exact', stage: 'started' },
      { name: '某某磷酸铁锂项目', count: null, investment: '150亿元 exact', stage: 'started' },
      { name: '某某科技年产1100万片触控显示模组及器件项目', count: null, investment: null, stage: 'in_production' },
    ]);
  });

  it('reads 协议引资 as the investment of a batch', () => {
    expect(projectsOf('【某区招商】春季集中签约\n1至3月，我区集中签约文旅、工业等产业项目9个，协议引资67.7亿元。')).toEqual([
      { name: null, count: 9, investment: '67.7亿元 exact', stage: 'signed' },
    ]);
  });

  it('keeps periods and events out of names, a part of a batch as a batch of its own, and investors with their project', () => {
    const text =
      '【攸县招商】攸县2023年第一季度重大项目集中开工\n3月28日，攸县举行2023年第一季度重大项目集中开工仪式。此次集中开工项目15个，总投资52.6亿元。其中，由湖南某某新材料有限公司投资10亿元建设的高性能复合材料项目正式开工。今年以来，签约项目23个，总金额达156亿元，其中亿元以上项目12个。';
    const projects = extract(text, { doc: 'p' }).projects;
    expect(projectsOf(text)).toEqual([
      { name: null, count: 15, investment: '52.6亿元 exact', stage: 'started' },
      { name: '高性能复合材料项目', count: null, investment: '10亿元 exact', stage: 'started' },
      { name: null, count: 23, investment: '156亿元 exact', stage: 'signed' },
      { name: null, count: 12, investment: null, stage: 'signed' },
    ]);
    expect(projects.map((p) => p.investor)).toEqual([null, '湖南某某新材料有限公司', null, null]);
    // 其中亿元以上项目12个 breaks down 签约项目23个 (spec: part_of).
    expect(projects.map((p) => p.part_of)).toEqual([undefined, undefined, undefined, 2]);
  });
});

/**
 * Rows of news forms, Duckling-style: the text, then one row per project as
 * `name or #count | investment | stage | ⊂part_of and a breakdown's place`. Each real form
 * (from scraped news) comes with invented variants: other places, numbers, layouts.
 * The document is read as investment news whatever its typing says.
 */
const rowPlace = /^[\u4e00-\u9fa5]{1,12}[县区市镇乡]\d/;
function rowsOf(text: string): string[] {
  const doc = buildContext(normalizeText(text).text);
  doc.meta.doc_type = 'investment_news';
  return extractProjects(doc).map((p) =>
    [
      p.name ?? `#${p.count}`,
      p.investment ? `${p.investment.value}${p.investment.unit}${p.investment.qualifier === 'exact' ? '' : ` ${p.investment.qualifier}`}` : '-',
      p.stage,
      // a breakdown's place; other locations come from the document's region, which is meta's to tell
      p.part_of === undefined ? '' : `⊂${p.part_of}${p.location && rowPlace.test(p.quote) ? ` ${p.location}` : ''}`,
    ]
      .filter((x) => x !== '')
      .join(' | '),
  );
}

const FORMS: Array<[string, string, string[]]> = [
  // A batch broken down by place: each place is a batch of its own, part of the total.
  [
    'place breakdown after 分别为 (real)',
    '1-6月份全市亿元以上新签约项目174个,分别为:霍山县34个、金寨县32个、市开发区14个、叶集区3个。',
    ['#174 | - | signed', '#34 | - | signed | ⊂0 霍山县', '#32 | - | signed | ⊂0 金寨县', '#14 | - | signed | ⊂0 市开发区', '#3 | - | signed | ⊂0 叶集区'],
  ],
  [
    'place breakdown after 其中：, started (invented)',
    '今年以来，全县新开工项目48个，其中：城关镇12个、河口乡9个、县经开区27个。',
    ['#48 | - | started', '#12 | - | started | ⊂0 城关镇', '#9 | - | started | ⊂0 河口乡', '#27 | - | started | ⊂0 县经开区'],
  ],
  [
    'two lists with the same counts under different stages stay apart (invented)',
    '全市新签约项目12个，分别是：东城区2个、西城区10个。全市新签约开工项目5个，分别是：东城区2个、西城区3个。',
    [
      '#12 | - | signed',
      '#2 | - | signed | ⊂0 东城区',
      '#10 | - | signed | ⊂0 西城区',
      '#5 | - | started',
      '#2 | - | started | ⊂3 东城区',
      '#3 | - | started | ⊂3 西城区',
    ],
  ],
  ['rates and trips by place are no batches (real)', '各县区亿元以上新签约项目开工率分别为:霍山县94.1%、市开发区78.6%。县区负责同志共外出招商195批次,分别为:舒城县35次、金安区33次。', []],
  // A batch broken down by kind.
  [
    'kind breakdown in the sentences after the batch (real)',
    '2020年4月15日,永济举行2020年第三批重大项目集中开工仪式。 总投资9.78亿元的9个项目吹响施工号角,步入工程建设阶段。 其中,产业类6项,总投资规模8.25亿元。 基础设施类3项,总投资规模1.53亿元。',
    ['#9 | 9.78亿元 | started', '#6 | 8.25亿元 | started | ⊂0', '#3 | 1.53亿元 | started | ⊂0'],
  ],
  [
    'kind breakdown with 项目 and a semicolon (invented)',
    '此次集中签约项目20个，计划总投资56亿元。其中工业类项目12个，总投资41亿元；服务业类项目8个，总投资15亿元。',
    ['#20 | 56亿元 | signed', '#12 | 41亿元 | signed | ⊂0', '#8 | 15亿元 | signed | ⊂0'],
  ],
  [
    'kinds after 12个项目中, each with its own amount, none crossing to the batch (invented)',
    '本次签约的12个项目中，工业类项目8个、总投资60亿元，现代服务业类项目4个、总投资25亿元。',
    ['#12 | - | signed', '#8 | 60亿元 | signed | ⊂0', '#4 | 25亿元 | signed | ⊂0'],
  ],
  ['kinds read at 项目 after 分别为 (invented)', '新开工项目12个，分别为：工业项目5个、服务业项目7个。', ['#12 | - | started', '#5 | - | started | ⊂0', '#7 | - | started | ⊂0']],
  ['levels after 其中; a count of another noun is no batch (invented)', '签约重点项目8个，其中省级3个、市级5个。排名提升3个等级。', ['#8 | - | signed', '#3 | - | signed | ⊂0', '#5 | - | signed | ⊂0']],
  // Thresholds (亿元以上项目174个): parts chained by 、 after 其中, each clause with its stage.
  [
    'thresholds after 其中, then a clause of another stage (invented)',
    '2023年，全市新签约亿元以上项目216个，其中10亿元以上项目31个、50亿元以上项目5个；新开工亿元以上项目180个。',
    ['#216 | - | signed', '#31 | - | signed | ⊂0', '#5 | - | signed | ⊂0', '#180 | - | started'],
  ],
  ['a part with a stage of its own (invented)', '共签约项目23个，其中已开工项目12个。', ['#23 | - | signed', '#12 | - | started | ⊂0']],
  [
    'a headline batch, a year-less period in an event, parts by kind without 类 (invented)',
    '某县37个项目集中开工 总投资89亿元\n3月1日，某县举行一季度重大项目集中开工活动，集中开工项目37个，总投资89亿元。其中，工业项目21个、服务业项目10个、基础设施项目6个。',
    ['#37 | 89亿元 | started', '#21 | - | started | ⊂0', '#10 | - | started | ⊂0', '#6 | - | started | ⊂0'],
  ],
  // Batches counted by agreements, parts introduced by 其中.
  [
    'agreements counted after 协议, parts after 其中 (real)',
    '新签约项目32个,签约额99.75亿元。其中,在上海等地考察对接后,签订合作框架性协议项目7个,签约额32亿元;在成都的专题招商活动中,签订城市生活垃圾处理、新能源电动汽车生产等框架协议10个,签约金额18.6亿元。',
    ['#32 | 99.75亿元 | signed', '#7 | 32亿元 | signed | ⊂0', '#10 | 18.6亿元 | signed | ⊂0'],
  ],
  ['agreements counted in 份 (invented)', '活动现场签订意向性合作协议3份，签约额2.5亿元。', ['#3 | 2.5亿元 | signed']],
  // A size class between the count and 项目; the headline's batch is the body's.
  [
    'size class in a headline, the same batch in the body (real)',
    '黄冈新年签下三个百亿项目\n1月8日,黄冈市举行招商引资“开门红”项目集中签约活动,共签约亿元以上项目89个,协议投资额1145.71亿元。其中,武穴市中化学新祥云新材料、蕲春县中电建绿色建材基地等3个项目投资过百亿元。',
    ['#3 | - | signed | ⊂1', '#89 | 1145.71亿元 | signed'],
  ],
  ['size class 十亿元 (invented)', '3月2日，某县签下五个十亿元项目，协议投资额62亿元。', ['#5 | 62亿元 | signed']],
  // Names: a tail before 项目, short coordinated pieces, quoted words, heads other than 项目; the lead tells the stage.
  [
    'names in a list after 分别是, stage from the lead (real)',
    '2020年4月15日,运城市永济举行2020年第三批重大项目集中开工仪式。分别是总投资5.5亿元的牧原集团永济分公司生猪养殖及饲料厂建设项目,总投资0.3亿元的大西高铁引道绿化、亮化建设项目,总投资0.53亿元的永济经济技术开发区“九通一平”道路建设工程。',
    [
      '牧原集团永济分公司生猪养殖及饲料厂建设项目 | 5.5亿元 | started',
      '大西高铁引道绿化、亮化建设项目 | 0.3亿元 | started',
      '永济经济技术开发区“九通一平”道路建设工程 | 0.53亿元 | started',
    ],
  ],
  [
    'names after a completion ceremony (invented)',
    '5月8日，某某县举行2021年第一批重大项目集中竣工仪式。总投资3亿元的某某物流园项目，总投资1.2亿元的城南片区“雨污分流”改造工程，总投资0.4亿元的道路硬化、美化提升项目。',
    ['某某物流园项目 | 3亿元 | completed', '城南片区“雨污分流”改造工程 | 1.2亿元 | completed', '道路硬化、美化提升项目 | 0.4亿元 | completed'],
  ],
  [
    'numbered names (invented)',
    '集中开工\n1.某某食品加工项目，总投资2亿元；2.某某冷链物流园项目，总投资3亿元。',
    ['某某食品加工项目 | 2亿元 | started', '某某冷链物流园项目 | 3亿元 | started'],
  ],
  [
    'listed names with another head than 项目, the amount after them (invented news)',
    '本次集中开工的部分重点项目如下：1.某某经开区先进陶瓷产业园项目，总投资12亿元；2.G106某某城区段改线工程，总投资4.6亿元；3.某某市第二人民医院综合楼建设项目，总投资3.1亿元。',
    ['某某经开区先进陶瓷产业园项目 | 12亿元 | started', 'G106某某城区段改线工程 | 4.6亿元 | started', '某某市第二人民医院综合楼建设项目 | 3.1亿元 | started'],
  ],
  [
    'listed names numbered in brackets, amount after a space (invented)',
    '集中开工\n（1）城东污水处理厂扩建工程 总投资1.8亿元；（2）某某大道提质改造工程，总投资2.6亿元。',
    ['城东污水处理厂扩建工程 | 1.8亿元 | started', '某某大道提质改造工程 | 2.6亿元 | started'],
  ],
  // A headline's amount before a space; the next sentence's 该项目 speaking again of the project; a company named again alone.
  [
    'headline amount, then 该项目总投资 in the next sentence; slogans with 项目 are no names (invented news)',
    '【泗阳】总投资15亿元 年产3万吨高性能纤维项目正式投产\n5月21日，位于某某经济开发区的某某新材料科技有限公司年产3万吨高性能纤维项目正式投产。该项目总投资15亿元，由某某控股集团投资建设。开发区成立项目服务专班，全力以赴抓项目、强产业。',
    ['年产3万吨高性能纤维项目 | 15亿元 | in_production'],
  ],
  ['a bare 项目总投资 opening the next sentence (invented)', '9月2日，某某县年产10万套智能家居项目正式开工建设。项目总投资8亿元，建成后年产值12亿元。', ['某某县年产10万套智能家居项目 | 8亿元 | started']],
  [
    'a company named again alone is its project (invented news)',
    '集中开工\n湖南某某新材料有限公司年产5000万件高端日用瓷智能制造项目，总投资6.8亿元。湖南某某新材料有限公司项目达产后可实现年产值10亿元。',
    ['湖南某某新材料有限公司年产5000万件高端日用瓷智能制造项目 | 6.8亿元 | started'],
  ],
  // Batches with the same count that name different words are different batches; a site's list of other articles ends the document.
  [
    'a size class and a kind with the same count; related headlines are other documents (invented news)',
    '3月28日，赣州市举行重大招商项目集中签约活动。活动现场共签约项目46个，总投资386.5亿元，其中10亿元以上项目12个。从产业类别看，电子信息项目14个、总投资126.4亿元，现代服务业项目12个、总投资72.2亿元。\n相关新闻\n· 赣州：一季度重大项目集中开工 总投资156亿元',
    ['#46 | 386.5亿元 | signed', '#12 | - | signed | ⊂0', '#14 | 126.4亿元 | signed', '#12 | 72.2亿元 | signed'],
  ],
  [
    'the same, with 上一篇 ending the document (invented)',
    '5月6日，宁都县春季项目集中签约，签约项目20个，其中5亿元以上项目8个。分类看，先进制造业项目8个、总投资31亿元。\n上一篇：宁都县32个项目集中开工 总投资108亿元',
    ['#20 | - | signed', '#8 | - | signed | ⊂0', '#8 | 31亿元 | signed'],
  ],
  // Words that are no project: events, slogans, ordinals, verbs.
  [
    'events, slogans and verbs are no names (real)',
    '总投资12亿元的6个项目吹响开工号角。领导出席开工仪式并宣布项目开工，继续实行重点项目领导包挂，建立“一对一”项目服务机制。',
    ['#6 | 12亿元 | started'],
  ],
  [
    'verbs and chain words before 项目 are no names (news2 batch)',
    '9月26日，潍坊市举行项目集中签约，签约项目12个，总投资50亿元。各地要及时协调解决项目推进中的问题，定期跟踪项目进度，全面推行项目审批“容缺受理”，坚持“要素跟着项目走”，进一步压实项目建设责任，一批补链延链强链项目集中落地。',
    ['#12 | 50亿元 | signed'],
  ],
  [
    'the same in a starts news (invented)',
    '3月8日，某县举行项目集中开工仪式，开工项目9个、总投资21亿元。要定期跟踪项目进展，及时协调解决项目难题，推动更多外资项目落地。',
    ['#9 | 21亿元 | started'],
  ],
];

describe('project forms of real news', () => {
  it.each(FORMS)('%s', (_label, text, rows) => {
    expect(rowsOf(text)).toEqual(rows);
  });
});

describe('project dates', () => {
  it.each([
    // real: the lead names the event and its day; the projects listed after it share them
    ['2020年4月15日,运城市永济举行2020年第三批重大项目集中开工仪式。 总投资9.78亿元的9个项目吹响施工号角。', ['2020-04-15']],
    // invented: another day, another stage, a named project
    ['2021年9月3日，某某区举行重大项目集中签约仪式。总投资8亿元的某某新能源装备制造项目落户某某产业园。', ['2021-09-03']],
  ])('%s', (text, dates) => {
    const doc = buildContext(normalizeText(text).text);
    doc.meta.doc_type = 'investment_news';
    expect(extractProjects(doc).map((p) => p.date)).toEqual(dates);
  });
});
