// Facts in prose, one example per row: a review paragraph of a 2020 work
// report (results, 2020) or a plan paragraph (targets, 2021), and the facts
// the referee would expect. Quotes must point at the exact characters.
import { describe, expect, it } from 'vitest';
import { extract } from './pipeline.js';
import { factsOf, workReport } from './examples.js';

const REVIEW: Array<[string, string[]]> = [
  ['全区实现地区生产总值670.68亿元，同比增长10%。', ['gdp 2020 actual level 670.68 亿元 exact', 'gdp 2020 actual growth 10 % exact']],
  [
    '城镇、农村居民人均可支配收入达到26756元、10046元，分别增长8.2%、9.4%。',
    ['urban_income_pc 2020 actual level 26756 元 exact', 'rural_income_pc 2020 actual level 10046 元 exact', 'urban_income_pc 2020 actual growth 8.2 % exact', 'rural_income_pc 2020 actual growth 9.4 % exact'],
  ],
  ['城乡居民人均可支配收入增长8.5%。', ['urban_income_pc 2020 actual growth 8.5 % exact', 'rural_income_pc 2020 actual growth 8.5 % exact']],
  ['社会消费品零售总额、固定资产投资同比分别增长8.6%8.42%。', ['retail_sales 2020 actual growth 8.6 % exact', 'fixed_asset_investment 2020 actual growth 8.42 % exact']],
  ['单位GDP能耗下降4%以上。', ['energy_intensity 2020 actual growth -4 % min']],
  ['居民消费价格涨幅3%。', ['cpi 2020 actual growth 3 % exact']],
  ['社会消费品零售总额与去年持平。', ['retail_sales 2020 actual growth 0 % approx']],
  ['一般公共预算收入同比下降7.6%。', ['general_budget_revenue 2020 actual growth -7.6 % exact']],
  ['地方一般公共预算收入(不含省级下放)15.34亿元。', ['local_general_budget_revenue 2020 actual level 15.34 亿元 exact']],
  ['固定资产投资(不含农户)同比增长11.5%；500万元以上固定资产投资增长9%。', ['fixed_asset_investment 2020 actual growth 11.5 % exact', 'fixed_asset_investment 2020 actual growth 9 % exact']],
  // 全口径 (all of it, central and local shares) keeps the name whole, like 全社会.
  ['全口径税收收入完成18.6亿元，增长9.1%。', ['tax_revenue 2020 actual level 18.6 亿元 exact', 'tax_revenue 2020 actual growth 9.1 % exact']],
  ['全县全口径财政收入32亿元。', ['fiscal_total_revenue 2020 actual level 32 亿元 exact']],
  ['固定资产投资290多亿元，税收收入近20亿元。', ['fixed_asset_investment 2020 actual level 290 亿元 min', 'tax_revenue 2020 actual level 20 亿元 approx']],
  ['实际利用外资1.2亿美元，引进省外境内资金超过300亿元。', ['fdi_utilized 2020 actual level 1.2 亿美元 exact', 'domestic_capital_utilized 2020 actual level 300 亿元 min']],
  ['规模以上工业增加值增长6%－6.5%。', ['industrial_value_added 2020 actual growth 6-6.5 % range']],
  ['全区GDP预计增长6.5%，固定资产投资增长9%。', ['gdp 2020 actual growth 6.5 % exact', 'fixed_asset_investment 2020 actual growth 9 % exact']],
  ['上半年地区生产总值同比增长1.6%(二季度同比增长6%，较一季度回升9.1个百分点)。', ['gdp 2020H1 actual growth 1.6 % exact', 'gdp 2020Q2 actual growth 6 % exact']],
  ['1-9月，规模工业增加值增长5.2%。', ['industrial_value_added 2020M01-09 actual growth 5.2 % exact']],
  [
    '五年来，地区生产总值从2015年的528亿元增长到2020年的735亿元，年均增长8.1%；新增城镇就业4.6万人，居民人均可支配收入达到41040元。',
    ['gdp 2015 actual level 528 亿元 exact', 'gdp 2020 actual level 735 亿元 exact', 'gdp 2016-2020 actual avg_growth 8.1 % exact', 'new_urban_jobs 2016-2020 actual level 4.6 万人 exact', 'income_pc 2020 actual level 41040 元 exact'],
  ],
  ['“十三五”时期，社会消费品零售总额从382亿元增长到500亿元。', ['retail_sales 2015 actual level 382 亿元 exact', 'retail_sales 2020 actual level 500 亿元 exact']],
  // National work reports (test/invented/national-*): units of a whole country, 分别 after an aside, 货物 trade, 首次.
  ['粮食总产量达到4.98亿吨，连续三年增产。', ['grain_output 2020 actual level 4.98 亿吨 exact']],
  ['进出口总额达到1.76万亿美元，增长23.8%。', ['trade_total 2020 actual level 1.76 万亿美元 exact', 'trade_total 2020 actual growth 23.8 % exact']],
  [
    '城镇居民人均可支配收入11759元，农村居民人均纯收入3587元，扣除价格因素，分别增长10.4%和7.4%。',
    ['urban_income_pc 2020 actual level 11759 元 exact', 'urban_income_pc 2020 actual growth 10.4 % exact', 'rural_income_pc 2020 actual level 3587 元 exact', 'rural_income_pc 2020 actual growth 7.4 % exact'],
  ],
  [
    '城镇居民人均可支配收入42000元，农村居民人均可支配收入21000元，扣除价格因素后分别增长5.2%和6.8%。',
    ['urban_income_pc 2020 actual level 42000 元 exact', 'urban_income_pc 2020 actual growth 5.2 % exact', 'rural_income_pc 2020 actual level 21000 元 exact', 'rural_income_pc 2020 actual growth 6.8 % exact'],
  ],
  ['城镇新增就业1361万人，调查失业率稳定在5%左右的较低水平。', ['new_urban_jobs 2020 actual level 1361 万人 exact', 'surveyed_unemployment_rate 2020 actual level 5 % approx']],
  // 由上年…转为…: the comparison's year does not date the clauses after it.
  ['工业企业利润由上年下降2.3%转为增长8.5%，单位国内生产总值能耗下降5%。', ['energy_intensity 2020 actual growth -5 % exact']],
  ['工业企业利润由上年下降2.3%转为增长8.5%，居民消费价格上涨2%。', ['cpi 2020 actual growth 2 % exact']],
  ['货物进出口总额超过30万亿元，实际使用外资1383亿美元。', ['trade_total 2020 actual level 30 万亿元 min', 'fdi_utilized 2020 actual level 1383 亿美元 exact']],
  ['货物贸易进出口总额43.8万亿元、增长5%。', ['trade_total 2020 actual level 43.8 万亿元 exact', 'trade_total 2020 actual growth 5 % exact']],
  ['粮食产量首次超过1.4万亿斤。', ['grain_output 2020 actual level 1.4 万亿斤 min']],
  ['地区生产总值首次突破1000亿元。', ['gdp 2020 actual level 1000 亿元 min']],
  // An increment (比上年增加7694亿元) is passed over; the chain goes on to the growth.
  ['全国财政收入达到3.93万亿元，比上年增加7694亿元，增长22.5%。', ['fiscal_total_revenue 2020 actual level 3.93 万亿元 exact', 'fiscal_total_revenue 2020 actual growth 22.5 % exact']],
  ['一般公共预算收入15亿元，比上年增加1.2亿元，增长8.7%。', ['general_budget_revenue 2020 actual level 15 亿元 exact', 'general_budget_revenue 2020 actual growth 8.7 % exact']],
  // A five-year review: 五年年均, 十年…、年均 (a count of years before 年均), and 年均 levels over the span.
  [
    '过去五年极不寻常。\n——经济发展再上新台阶。国内生产总值增加到121万亿元，五年年均增长5.2%，十年增加近70万亿元、年均增长6.2%。财政收入增加到20.4万亿元。城镇新增就业年均1270万人以上。',
    ['gdp 2020 actual level 121 万亿元 exact', 'gdp 2016-2020 actual avg_growth 5.2 % exact', 'gdp 2011-2020 actual avg_growth 6.2 % exact', 'fiscal_total_revenue 2020 actual level 20.4 万亿元 exact', 'new_urban_jobs 2016-2020 actual level 1270 万人 min'],
  ],
  ['过去五年，我们砥砺前行。\n全市地区生产总值十年年均增长8%。城镇新增就业年均3万人。', ['gdp 2011-2020 actual avg_growth 8 % exact', 'new_urban_jobs 2016-2020 actual level 3 万人 exact']],
  // A five-year plan named sentences before: its span for the 年均 growth.
  ['“十三五”规划圆满完成。经济实力跃上新台阶。地区生产总值达到735亿元，年均增长8.1%。', ['gdp 2020 actual level 735 亿元 exact', 'gdp 2016-2020 actual avg_growth 8.1 % exact']],
  // Full work reports' five-year reviews (test/invented/report-anfu-2016, report-yulin-2021) and variants:
  // 由…增加到… as 从…增长到…; a start year named once frames no later item.
  [
    '五年来，地区生产总值由2015年的62.4亿元增加到2020年的108.7亿元，年均增长11.3%；财政总收入由5.6亿元增加到13.2亿元；社会消费品零售总额达到36.8亿元。',
    ['gdp 2015 actual level 62.4 亿元 exact', 'gdp 2020 actual level 108.7 亿元 exact', 'gdp 2016-2020 actual avg_growth 11.3 % exact', 'fiscal_total_revenue 2015 actual level 5.6 亿元 exact', 'fiscal_total_revenue 2020 actual level 13.2 亿元 exact', 'retail_sales 2020 actual level 36.8 亿元 exact'],
  ],
  ['“十三五”时期，一般公共预算收入由2015年的21亿元提高到2020年的30亿元；税收收入达到24亿元。', ['general_budget_revenue 2015 actual level 21 亿元 exact', 'general_budget_revenue 2020 actual level 30 亿元 exact', 'tax_revenue 2020 actual level 24 亿元 exact']],
  // N年累计: a total over the span.
  ['五年来，全社会固定资产投资五年累计完成428.6亿元，年均增长24.5%。', ['fixed_asset_investment 2016-2020 actual level 428.6 亿元 exact', 'fixed_asset_investment 2016-2020 actual avg_growth 24.5 % exact']],
  ['过去五年，实际到位内资五年累计达到860亿元。', ['domestic_capital_utilized 2016-2020 actual level 860 亿元 exact']],
  // 年均 is its own clause's; a number run into a noun counts that noun (34.2万农村贫困人口).
  [
    '五年来，城镇、农村居民人均可支配收入年均分别增长6.9%和9.1%，分别达到37520元和17260元；累计新增城镇就业15.8万人，34.2万农村贫困人口全部脱贫。',
    ['urban_income_pc 2016-2020 actual avg_growth 6.9 % exact', 'rural_income_pc 2016-2020 actual avg_growth 9.1 % exact', 'urban_income_pc 2020 actual level 37520 元 exact', 'rural_income_pc 2020 actual level 17260 元 exact', 'new_urban_jobs 2016-2020 actual level 15.8 万人 exact'],
  ],
  ['五年来，居民人均可支配收入年均增长8.2%，达到32100元；新增城镇就业2.1万人，1.6万建档立卡贫困人口稳定脱贫。', ['income_pc 2016-2020 actual avg_growth 8.2 % exact', 'income_pc 2020 actual level 32100 元 exact', 'new_urban_jobs 2016-2020 actual level 2.1 万人 exact']],
  // An elided name after 、 (各项存款余额…、贷款余额…; 粮食播种面积…、总产量…).
  ['金融机构各项存款余额156.3亿元、贷款余额98.7亿元，分别比年初增加18.6亿元和15.2亿元。', ['deposit_balance 2020 actual level 156.3 亿元 exact', 'loan_balance 2020 actual level 98.7 亿元 exact']],
  ['粮食播种面积31.2万亩、总产量13.8万吨。', ['grain_output 2020 actual level 13.8 万吨 exact']],
  // 区外境内资金 (an autonomous region's 省外境内资金) and 到位 as the verb to its amount.
  ['全年引进区外境内资金到位420亿元，其中工业项目到位资金286亿元。', ['domestic_capital_utilized 2020 actual level 420 亿元 exact']],
  ['实际到位区外境内资金156亿元，增长12%。', ['domestic_capital_utilized 2020 actual level 156 亿元 exact', 'domestic_capital_utilized 2020 actual growth 12 % exact']],
];

// Sentences that hold a catalog name but no fact about the whole jurisdiction.
const NO_FACT: string[] = [
  '湖南省工业固定资产投资同比增长14.4%。',
  '市场采购贸易出口额实现6005.58万美元。',
  '完成省下达节能减排任务。',
  '新**镇就业2.25万人。',
  '上半年自贸区**片区新设立企业5989户；实际使用外资2596万元。',
  '信访总量较2015年下降65%，地区生产总值增速未达到预期目标。',
  '城镇登记失业率下降0.2个百分点。',
  '目前全区市场主体总数111202户，同比增长4.4%。',
  '打造全市首个跨境电商运营中心，目前已签约入驻企业10家，全年预计实现进出口额2000万美元。',
  '日均新设企业超过1.8万户，市场主体总量超过1亿户。',
  '今年城镇新增劳动力仍保持在1500万人以上，高校毕业生834万人。',
  '服务业在国内生产总值中的比重上升到50.5%。',
  '工业增加值突破40万亿元。',
  '完成自治区下达的能耗“双控”目标任务。',
];

const PLAN: Array<[string, string[]]> = [
  ['地区生产总值增长7%以上。', ['gdp 2021 target growth 7 % min']],
  ['居民消费价格涨幅控制在3%左右，城镇登记失业率控制在4.6%以内。', ['cpi 2021 target growth 3 % approx', 'registered_unemployment_rate 2021 target level 4.6 % max']],
  ['实际利用外资、到位内资均增长15%以上。', ['fdi_utilized 2021 target growth 15 % min', 'domestic_capital_utilized 2021 target growth 15 % min']],
  ['地区生产总值、固定资产投资分别增长7%和8%左右。', ['gdp 2021 target growth 7 % approx', 'fixed_asset_investment 2021 target growth 8 % approx']],
  ['一般公共预算收入实现正增长。', ['general_budget_revenue 2021 target growth 正增长 % qualitative']],
  ['城乡居民收入增长与经济增长同步。', ['urban_income_pc 2021 target growth 与经济增长同步 % qualitative', 'rural_income_pc 2021 target growth 与经济增长同步 % qualitative']],
  ['确保全年实现城镇新增就业1.49万人。', ['new_urban_jobs 2021 target level 1.49 万人 exact']],
  ['“十四五”期间年均新增城镇就业1万人。', ['new_urban_jobs 2021-2025 target level 1 万人 exact']],
  ['到2025年地区生产总值迈上1000亿台阶。', ['gdp 2025 target level 1000 亿元 min']],
  ['单位生产总值能耗下降3%。', ['energy_intensity 2021 target growth -3 % exact']],
  ['今年单位国内生产总值能耗要降低3.5%。', ['energy_intensity 2021 target growth -3.5 % exact']],
  ['地区生产总值要增长6%左右。', ['gdp 2021 target growth 6 % approx']],
  ['进出口促稳提质，国际收支基本平衡。', ['trade_total 2021 target growth 促稳提质 % qualitative']],
  ['进出口保稳提质。', ['trade_total 2021 target growth 保稳提质 % qualitative']],
  // A name joined to a non-catalog item by 和, sharing its qualitative target.
  ['单位国内生产总值能耗和主要污染物排放量继续下降。', ['energy_intensity 2021 target growth 继续下降 % qualitative']],
  ['单位地区生产总值能耗和二氧化碳排放持续下降。', ['energy_intensity 2021 target growth 持续下降 % qualitative']],
  // A period written after an earlier item's name is that item's (report-anfu-2016, report-yulin-2021);
  // one that leads its item frames the items after it.
  [
    '“十四五”时期的主要目标是：地区生产总值年均增长7%左右，到2025年力争突破2600亿元；五年新增城镇就业2.5万人；一般公共预算收入年均增长5%以上。',
    ['gdp 2021-2025 target avg_growth 7 % approx', 'gdp 2025 target level 2600 亿元 min', 'new_urban_jobs 2021-2025 target level 2.5 万人 exact', 'general_budget_revenue 2021-2025 target avg_growth 5 % min'],
  ],
  ['今后五年，累计新增城镇就业3万人以上。', ['new_urban_jobs 2021-2025 target level 3 万人 min']],
  ['到2025年，地区生产总值达到900亿元；一般公共预算收入达到60亿元。', ['gdp 2025 target level 900 亿元 exact', 'general_budget_revenue 2025 target level 60 亿元 exact']],
  // Qualitative targets: an issuer named (自治区, 宜昌市), a 控制目标, a target shared with a noun outside the catalog.
  ['单位地区生产总值能耗完成自治区下达的目标任务。', ['energy_intensity 2021 target growth 完成自治区下达的目标任务 % qualitative']],
  ['单位地区生产总值能耗下降完成宜昌市下达任务。', ['energy_intensity 2021 target growth 完成宜昌市下达任务 % qualitative']],
  ['单位生产总值能耗和主要污染物排放量完成市下达的控制目标。', ['energy_intensity 2021 target growth 完成市下达的控制目标 % qualitative']],
  ['“十四五”期间，单位GDP能耗及二氧化碳排放完成省下达的约束性目标。', ['energy_intensity 2021-2025 target growth 完成省下达的约束性目标 % qualitative']],
];

describe('facts in a review', () => {
  it.each(REVIEW)('%s', (sentence, expected) => {
    expect(factsOf(workReport(sentence))).toEqual(expected);
  });
});

describe('no fact', () => {
  it.each(NO_FACT)('%s', (sentence) => {
    expect(factsOf(workReport(sentence))).toEqual([]);
  });
});

describe('targets in a plan', () => {
  it.each(PLAN)('%s', (sentence, expected) => {
    expect(factsOf(workReport('', sentence))).toEqual(expected);
  });
});

describe('estimates', () => {
  it('预计 marks the value it stands before', () => {
    const facts = extract(workReport('全区GDP预计增长6.5%，固定资产投资增长9%。'), { doc: 'x' }).facts;
    expect(facts.map((f) => f.estimated)).toEqual([true, false]);
  });
  it('(预计数) marks the end level and what follows, not the start', () => {
    const facts = extract(workReport('五年来，固定资产投资从160亿元增长到270亿元(预计数)，年均增长12.1%。'), { doc: 'x' }).facts;
    expect(facts.map((f) => [f.period, f.estimated])).toEqual([
      ['2015', false],
      ['2020', true],
      ['2016-2020', true],
    ]);
  });
  it('(预计数，下同) carries over to the figures after it', () => {
    const text = workReport('全区地区生产总值达到300亿元（预计数，下同），增长5%。\n一般公共预算收入20亿元。');
    expect(extract(text, { doc: 'x' }).facts.map((f) => f.estimated)).toEqual([true, true, true]);
  });
});

describe('quotes', () => {
  it('every quote is the exact text at its span', () => {
    const text = workReport(REVIEW.map(([s]) => s).join('\n'), PLAN.map(([s]) => s).join('\n'));
    const { facts } = extract(text, { doc: 'x' });
    expect(facts.length).toBeGreaterThan(30);
    for (const f of facts) expect(text.slice(f.span[0], f.span[1])).toBe(f.quote);
  });
});

describe('comparisons and verbs that only lead to a value', () => {
  it.each([
    ['地区生产总值同比增长8.1%，高于全省平均水平1.2个百分点。', ['gdp 2020 actual growth 8.1 % exact']],
    ['一般公共预算收入实现增长5.2%。', ['general_budget_revenue 2020 actual growth 5.2 % exact']],
    ['过去一年，规模以上工业增加值增长 6.8%。', ['industrial_value_added 2020 actual growth 6.8 % exact']],
    ['居民消费价格比上年上涨2.3%。', ['cpi 2020 actual growth 2.3 % exact']],
    ['2020上半年，固定资产投资增长8.6，规模工业增加值增长3倍。', ['fixed_asset_investment 2020H1 actual growth 8.6 % exact']],
    ['上半年，实现生产总值33.74亿元，比增9.2%；社会消费品零售总额可比增长约5.3%。', ['gdp 2020H1 actual level 33.74 亿元 exact', 'gdp 2020H1 actual growth 9.2 % exact', 'retail_sales 2020H1 actual growth 5.3 % approx']],
  ])('%s', (sentence, expected) => {
    expect(factsOf(workReport(sentence))).toEqual(expected);
  });
});

describe('more shapes of the same grammar', () => {
  it.each([
    [
      '“十三五”期末，全区完成生产总值249.1亿元，是“十二五”期末的1.9倍，年均增长7%；“十三五”期间共完成固定资产投资178亿元。',
      ['gdp 2020 actual level 249.1 亿元 exact', 'gdp 2016-2020 actual avg_growth 7 % exact', 'fixed_asset_investment 2016-2020 actual level 178 亿元 exact'],
    ],
  ])('review: %s', (sentence, expected) => {
    expect(factsOf(workReport(sentence))).toEqual(expected);
  });

  it.each([
    ['城、乡居民人均可支配收入分别增长8%、9%。', ['urban_income_pc 2021 target growth 8 % exact', 'rural_income_pc 2021 target growth 9 % exact']],
    ['一般公共预算收入同口径增长9%。', ['general_budget_revenue 2021 target growth 9 % exact']],
  ])('plan: %s', (sentence, expected) => {
    expect(factsOf(workReport('', sentence))).toEqual(expected);
  });

  it('a sentence that opens with 预计 is all estimates', () => {
    const facts = extract(workReport('预计地区生产总值超过2100亿元，增长8.8%左右；全社会固定资产投资616亿元。'), { doc: 'x' }).facts;
    expect(facts.map((f) => [f.indicator, f.qualifier, f.estimated])).toEqual([
      ['gdp', 'min', true],
      ['gdp', 'approx', true],
      ['fixed_asset_investment', 'exact', true],
    ]);
  });
});

// Forms read for their meaning: names split by a verb or elided, names with a
// word inside (家庭), wrapped over a line, merged (存贷款), 分别 after a list of
// items that had their own values, scope words, gaps between a number and its unit.
const REVIEW_FORMS: Array<[string, string[]]> = [
  [
    '城镇居民家庭人均可支配收入、农民人均纯收入分别达到10558元、6238元，同步增长9%。',
    ['urban_income_pc 2020 actual level 10558 元 exact', 'rural_income_pc 2020 actual level 6238 元 exact', 'urban_income_pc 2020 actual growth 9 % exact', 'rural_income_pc 2020 actual growth 9 % exact'],
  ],
  ['农村居民家庭人均纯收入8120元，稳步增长12%。', ['rural_income_pc 2020 actual level 8120 元 exact', 'rural_income_pc 2020 actual growth 12 % exact']],
  ['全年实际引进市外内资16.5亿元，利用外资1474万美元。', ['domestic_capital_utilized 2020 actual level 16.5 亿元 exact', 'fdi_utilized 2020 actual level 1474 万美元 exact']],
  ['实际利用内资32亿元，实际到位外资2100万美元。', ['domestic_capital_utilized 2020 actual level 32 亿元 exact', 'fdi_utilized 2020 actual level 2100 万美元 exact']],
  [
    '第一产业增加值13.05亿元、第二产业增加值147.83亿元、第三产业增加值158.86 亿元，分别增长4.6%、7.7%和8.7%。',
    [
      'value_added_primary 2020 actual level 13.05 亿元 exact',
      'value_added_secondary 2020 actual level 147.83 亿元 exact',
      'value_added_tertiary 2020 actual level 158.86 亿元 exact',
      'value_added_tertiary 2020 actual growth 8.7 % exact',
      'value_added_primary 2020 actual growth 4.6 % exact',
      'value_added_secondary 2020 actual growth 7.7 % exact',
    ].sort(),
  ],
  [
    '规模以上工业增加值52亿元，全社会固定资产投资120亿元，分别增长9%和12%。',
    ['industrial_value_added 2020 actual level 52 亿元 exact', 'fixed_asset_investment 2020 actual level 120 亿元 exact', 'fixed_asset_investment 2020 actual growth 12 % exact', 'industrial_value_added 2020 actual growth 9 % exact'].sort(),
  ],
  ['农村经济总收入预计达12387万元，农民人均纯收入预计达3325元，分别比上年同比增长15%和35.49 %。', ['rural_income_pc 2020 actual level 3325 元 exact', 'rural_income_pc 2020 actual growth 35.49 % exact']],
  ['全社会用电量12亿千瓦时，社会消费品零售总额85亿元，分别增长6%、9.5%。', ['retail_sales 2020 actual level 85 亿元 exact', 'retail_sales 2020 actual growth 9.5 % exact']],
  [
    '各项存贷款余额达7338万元和4022\n- 1 -\n万元，同比增长37.8%和14.8%。',
    ['deposit_balance 2020 actual level 7338 万元 exact', 'loan_balance 2020 actual level 4022 万元 exact', 'deposit_balance 2020 actual growth 37.8 % exact', 'loan_balance 2020 actual growth 14.8 % exact'],
  ],
  [
    '金融机构存贷款余额分别为320亿元、210亿元，分别增长11%、13%。',
    ['deposit_balance 2020 actual level 320 亿元 exact', 'loan_balance 2020 actual level 210 亿元 exact', 'deposit_balance 2020 actual growth 11 % exact', 'loan_balance 2020 actual growth 13 % exact'],
  ],
  // 第一、二、三产业: one word for the three sectors (merged, like 存贷款); 进出口总值 as 进出口总额 (customs' word).
  [
    '第一、二、三产业增加值分别增长3.1%、7.5%和8.2%。',
    ['value_added_primary 2020 actual growth 3.1 % exact', 'value_added_secondary 2020 actual growth 7.5 % exact', 'value_added_tertiary 2020 actual growth 8.2 % exact'],
  ],
  ['第二、三产业增加值分别达到148亿元、159亿元。', ['value_added_secondary 2020 actual level 148 亿元 exact', 'value_added_tertiary 2020 actual level 159 亿元 exact']],
  ['外贸进出口总值52.3亿元，增长15.6%，其中出口总值38.7亿元。', ['trade_total 2020 actual level 52.3 亿元 exact', 'trade_total 2020 actual growth 15.6 % exact', 'exports 2020 actual level 38.7 亿元 exact']],
  // 增收1.2亿元: a change in the amount between a level and its growth, passed over like 增加2050元.
  ['一般公共预算收入完成21.36亿元，增收1.2亿元，增长5.8%。', ['general_budget_revenue 2020 actual level 21.36 亿元 exact', 'general_budget_revenue 2020 actual growth 5.8 % exact']],
  ['税收收入8.6亿元，减收0.4亿元，下降4.4%。', ['tax_revenue 2020 actual level 8.6 亿元 exact', 'tax_revenue 2020 actual growth -4.4 % exact']],
  // 规模以上工业总产值、增加值: the second item borrows the head of the first (elided, like 粮食…、总产量).
  ['规模以上工业总产值、增加值分别增长12%、9%。', ['industrial_output 2020 actual growth 12 % exact', 'industrial_value_added 2020 actual growth 9 % exact']],
  ['规上工业增加值、总产值分别达到86亿元和312亿元。', ['industrial_value_added 2020 actual level 86 亿元 exact', 'industrial_output 2020 actual level 312 亿元 exact']],
  ['全年上报城镇新增就业5071人。', ['new_urban_jobs 2020 actual level 5071 人 exact']],
  ['全县地方生产总值完成96.4亿元。', ['gdp 2020 actual level 96.4 亿元 exact']],
  ['全社会固定资产投\n资完成59.4亿元。', ['fixed_asset_investment 2020 actual level 59.4 亿元 exact']],
  ['财政一般预算收入116.6亿元；地方财政一般预算收入8.2亿元。', ['general_budget_revenue 2020 actual level 116.6 亿元 exact', 'local_general_budget_revenue 2020 actual level 8.2 亿元 exact']],
  [
    '金融机构本外币存款余额560亿元，贷款余额410亿元，分别增长9.8%、12.1%。',
    ['deposit_balance 2020 actual level 560 亿元 exact', 'deposit_balance 2020 actual growth 9.8 % exact', 'loan_balance 2020 actual level 410 亿元 exact', 'loan_balance 2020 actual growth 12.1 % exact'],
  ],
  // 人民币 between 金融机构 and 各项 (statistics releases; invented stress documents and a variant).
  [
    '10月末，全市金融机构人民币各项存款余额6128.4亿元，同比增长9.8%；各项贷款余额4356.7亿元，同比增长12.1%。',
    ['deposit_balance 2020 actual level 6128.4 亿元 exact', 'deposit_balance 2020 actual growth 9.8 % exact', 'loan_balance 2020 actual level 4356.7 亿元 exact', 'loan_balance 2020 actual growth 12.1 % exact'],
  ],
  ['年末人民币各项贷款余额835.1亿元，增长15.4%。', ['loan_balance 2020 actual level 835.1 亿元 exact', 'loan_balance 2020 actual growth 15.4 % exact']],
  ['各项存款余额99亿元，增长8%；贷款余额70亿元，增长9%。', ['deposit_balance 2020 actual level 99 亿元 exact', 'deposit_balance 2020 actual growth 8 % exact', 'loan_balance 2020 actual level 70 亿元 exact', 'loan_balance 2020 actual growth 9 % exact']],
  ['城乡居民人均可支配收入分别为30000元、15000元，城镇登记失业率3%。', ['urban_income_pc 2020 actual level 30000 元 exact', 'rural_income_pc 2020 actual level 15000 元 exact', 'registered_unemployment_rate 2020 actual level 3 % exact']],
  ['第一产业实现增加值12亿元，第二产业实现增加值30.2亿元。', ['value_added_primary 2020 actual level 12 亿元 exact', 'value_added_secondary 2020 actual level 30.2 亿元 exact']],
  ['规模以上工业完成增加值45亿元，增长8%。', ['industrial_value_added 2020 actual level 45 亿元 exact', 'industrial_value_added 2020 actual growth 8 % exact']],
  ['粮食播种面积120万亩，产量45万吨以上。', ['grain_output 2020 actual level 45 万吨 min']],
  ['全年粮食播种面积12.3万亩，总产量5.1万吨，增长2%。', ['grain_output 2020 actual level 5.1 万吨 exact', 'grain_output 2020 actual growth 2 % exact']],
  ['500万元及以上固定资产投资增长12.5%。', ['fixed_asset_investment 2020 actual growth 12.5 % exact']],
  ['社会消费品零售总额与上年水平相当。', ['retail_sales 2020 actual growth 0 % approx']],
  ['地区生产总值与去年同期基本持平。', ['gdp 2020 actual growth 0 % approx']],
  // A bare 财政收入 that gives another amount than 财政总收入 is a narrower amount.
  ['全县财政总收入22.3亿元，其中税收收入15亿元，财政收入3.3亿元。', ['fiscal_total_revenue 2020 actual level 22.3 亿元 exact', 'tax_revenue 2020 actual level 15 亿元 exact']],
  ['财政收入3.3亿元，增长5%。', ['fiscal_total_revenue 2020 actual level 3.3 亿元 exact', 'fiscal_total_revenue 2020 actual growth 5 % exact']],
  // A result compared with its target states the target.
  [
    '财政收入2.01亿元，较上年增长26.4%，高于年初人代会12%的目标14.4个百分点。',
    ['fiscal_total_revenue 2020 actual level 2.01 亿元 exact', 'fiscal_total_revenue 2020 actual growth 26.4 % exact', 'fiscal_total_revenue 2020 target growth 12 % exact'],
  ],
  ['规模以上工业增加值增长9.1%，超过年初确定的8%的预期目标。', ['industrial_value_added 2020 actual growth 9.1 % exact', 'industrial_value_added 2020 target growth 8 % exact']],
  [
    '地区生产总值635亿元，完成年计划710亿元的89.4%(主要是二产、三产未达预期目标)，增长2.0%。',
    ['gdp 2020 actual level 635 亿元 exact', 'gdp 2020 target level 710 亿元 exact', 'gdp 2020 actual growth 2 % exact'],
  ],
  ['固定资产投资300亿元，完成年度计划385亿元的77.9%，下降18.4%。', ['fixed_asset_investment 2020 actual level 300 亿元 exact', 'fixed_asset_investment 2020 target level 385 亿元 exact', 'fixed_asset_investment 2020 actual growth -18.4 % exact']],
  ['城镇新增就业超143万人、超额完成国家下达的110万人年度任务。', ['new_urban_jobs 2020 actual level 143 万人 min', 'new_urban_jobs 2020 target level 110 万人 exact']],
  ['城镇新增就业5200人，完成市下达的4800人目标任务。', ['new_urban_jobs 2020 actual level 5200 人 exact', 'new_urban_jobs 2020 target level 4800 人 exact']],
  ['城镇调查失业率平均为5%。', ['surveyed_unemployment_rate 2020 actual level 5 % exact']],
  // A threshold passed, then the amount itself: the amount is the fact.
  ['全省生产总值突破6000亿元大关，达到6556亿元，增长12.7%。', ['gdp 2020 actual level 6556 亿元 exact', 'gdp 2020 actual growth 12.7 % exact']],
  ['地区生产总值迈上300亿元台阶，达到312.5亿元。', ['gdp 2020 actual level 312.5 亿元 exact']],
  ['地区生产总值迈上14万亿元新台阶、连续36年居全国首位。', ['gdp 2020 actual level 14 万亿元 min']],
  // A bare 第一产业 before its value is its value added.
  ['第一产业增长5.9%，第二产业增长17.7%，第三产业增长10.9%。', ['value_added_primary 2020 actual growth 5.9 % exact', 'value_added_secondary 2020 actual growth 17.7 % exact', 'value_added_tertiary 2020 actual growth 10.9 % exact']],
  ['第一产业投资增长20%，第三产业占比提高到49.7%。', []],
  // A share of a total is passed over; a clause that repeats the name's tail goes on with it.
  [
    '第二产业实现增加值280.5亿元，占GDP比重61.8%，增加值增长6.8%，增速比全市高2.8个百分点。',
    ['value_added_secondary 2020 actual level 280.5 亿元 exact', 'value_added_secondary 2020 actual growth 6.8 % exact'],
  ],
  ['第一产业增加值99455.3万元，增长3.2%，占生产总值的比重为6.6%。', ['value_added_primary 2020 actual level 99455.3 万元 exact', 'value_added_primary 2020 actual growth 3.2 % exact']],
  ['规上工业总产值779.7亿元，占全市的比重为12.5%，总产值增长3.3%。', ['industrial_output 2020 actual level 779.7 亿元 exact', 'industrial_output 2020 actual growth 3.3 % exact']],
  // A share of the budget (为预算的102.3%) is passed over the same way.
  ['一般公共预算收入完成21.36亿元，为预算的102.3%，增长5.8%。', ['general_budget_revenue 2020 actual level 21.36 亿元 exact', 'general_budget_revenue 2020 actual growth 5.8 % exact']],
  ['税收收入完成9.2亿元，完成年度预算的98.6%，下降1.5%。', ['tax_revenue 2020 actual level 9.2 亿元 exact', 'tax_revenue 2020 actual growth -1.5 % exact']],
];

// Targets named in a review: the sentence is led by their name and a colon.
const TARGETS_IN_REVIEW: Array<[string, string[]]> = [
  [
    '省政府拟定了2021年经济社会发展的主要预期目标：生产总值增长9%，城镇登记失业率控制在5%以内，居民消费价格总水平上涨控制在4%以内。',
    ['gdp 2021 target growth 9 % exact', 'registered_unemployment_rate 2021 target level 5 % max', 'cpi 2021 target growth 4 % max'],
  ],
  ['今年的主要目标是：地区生产总值增长6%左右。', ['gdp 2020 target growth 6 % approx']],
  ['进出口总额186亿元，其中出口120亿元，增长10%。', ['trade_total 2020 actual level 186 亿元 exact', 'exports 2020 actual level 120 亿元 exact', 'exports 2020 actual growth 10 % exact']],
  ['规模以上工业企业实现增加值45亿元。', ['industrial_value_added 2020 actual level 45 亿元 exact']],
  ['出口企业达到120家。', []],
];

// 年均 over a span the text gives by its base year or by a count of years.
const SPANS: Array<[string, string[]]> = [
  ['过去的五年，洛阳实现了跨越式发展。\n2020年，全市实现地区生产总值1919.6亿元，是2015年的2.8倍，年均增长15.5%。', ['gdp 2020 actual level 1919.6 亿元 exact', 'gdp 2016-2020 actual avg_growth 15.5 % exact']],
  ['2020年固定资产投资15.5亿元，比2017年翻一番，年均增长26%。', ['fixed_asset_investment 2020 actual level 15.5 亿元 exact', 'fixed_asset_investment 2018-2020 actual avg_growth 26 % exact']],
  ['过去四年，是我县负重拼搏的四年。\n2020年地区生产总值26.8亿元，较上年增长12%，年均增长11%。', ['gdp 2020 actual level 26.8 亿元 exact', 'gdp 2020 actual growth 12 % exact', 'gdp 2017-2020 actual avg_growth 11 % exact']],
  ['三年来，我们攻坚克难。\n2020年，税收收入9亿元，年均增长7.5%。', ['tax_revenue 2020 actual level 9 亿元 exact', 'tax_revenue 2018-2020 actual avg_growth 7.5 % exact']],
  // A five-year review laid out as a list of dashed or bulleted paragraphs (test/invented/report2-wuhou-2022):
  // the span opens each of them after its dash; 由X增加到Y and 累计 read over it.
  [
    '——五年来，综合实力跃上新台阶。一般公共预算收入由55.3亿元增加到78.9亿元；累计实际利用外资18.6亿美元。',
    ['general_budget_revenue 2015 actual level 55.3 亿元 exact', 'general_budget_revenue 2020 actual level 78.9 亿元 exact', 'fdi_utilized 2016-2020 actual level 18.6 亿美元 exact'],
  ],
  ['● 五年来，民生福祉持续增进。财政总收入由12亿元增加到18.5亿元，累计新增城镇就业3.2万人。', ['fiscal_total_revenue 2015 actual level 12 亿元 exact', 'fiscal_total_revenue 2020 actual level 18.5 亿元 exact', 'new_urban_jobs 2016-2020 actual level 3.2 万人 exact']],
  // 两年平均增长: a yearly average over the two years up to the figure's (report2-wuhou-2022), and variants.
  ['全区实现地区生产总值1356.2亿元，增长8.6%,两年平均增长6.1%。', ['gdp 2020 actual level 1356.2 亿元 exact', 'gdp 2020 actual growth 8.6 % exact', 'gdp 2019-2020 actual avg_growth 6.1 % exact']],
  ['规模以上工业增加值增长10.2%，两年平均增长7.5%；社会消费品零售总额增长14.3%、三年平均增长6%。', ['industrial_value_added 2020 actual growth 10.2 % exact', 'industrial_value_added 2019-2020 actual avg_growth 7.5 % exact', 'retail_sales 2020 actual growth 14.3 % exact', 'retail_sales 2018-2020 actual avg_growth 6 % exact']],
];

const PLAN_FORMS: Array<[string, string[]]> = [
  ['●地区生产总值增长6.5%左右，在实际工作中争取更好结果', ['gdp 2021 target growth 6.5 % approx']],
  ['■城镇新增就业70万人以上', ['new_urban_jobs 2021 target level 70 万人 min']],
  ['城镇调查失业率在 5%以内。', ['surveyed_unemployment_rate 2021 target level 5 % max']],
  ['城镇登记失业率在4.5%以内。', ['registered_unemployment_rate 2021 target level 4.5 % max']],
  ['单位生产总值能耗完成国家下达的目标任务。', ['energy_intensity 2021 target growth 完成国家下达的目标任务 % qualitative']],
  ['单位GDP能耗完成省下达任务。', ['energy_intensity 2021 target growth 完成省下达任务 % qualitative']],
  ['规模以上工业增加值回稳向好。', ['industrial_value_added 2021 target growth 回稳向好 % qualitative']],
  ['服务业增加值稳中提质。', ['value_added_tertiary 2021 target growth 稳中提质 % qualitative']],
  ['单位生产总值能耗继续下降。', ['energy_intensity 2021 target growth 继续下降 % qualitative']],
  ['单位生产总值能耗继续下降3%。', ['energy_intensity 2021 target growth -3 % exact']],
  ['居民人均可支配收入增长和经济发展同步。', ['income_pc 2021 target growth 和经济发展同步 % qualitative']],
  ['农村居民人均可支配收入与地区生产总值增长基本同步。', ['rural_income_pc 2021 target growth 与地区生产总值增长基本同步 % qualitative']],
  ['粮食播种面积稳定在12.3万亩，产量5.1万吨以上。', ['grain_output 2021 target level 5.1 万吨 min']],
];

describe('a heading run into a paragraph ends the frame of the sentences before it', () => {
  // test/invented/report2-wuhou-2022 with its line breaks lost: 今后五年 opens a sentence of the one long line; the
  // run-in 三、2022年工作安排 opens the plan year's section, and 今后五年 frames nothing after it.
  it.each([
    [
      '武侯区2022年政府工作报告 一、过去五年工作回顾 五年来，全区地区生产总值增长7.1%。二、今后五年的奋斗目标 今后五年，是开启新征程的关键五年。今后五年的主要目标是：地区生产总值年均增长7%左右，到2026年突破2000亿元。三、2022年工作安排 2022年是本届政府的开局之年。力争社会消费品零售总额突破1000亿元，实际利用外资达到4.5亿美元。',
      ['gdp 2022-2026 target avg_growth 7 % approx', 'gdp 2026 target level 2000 亿元 min', 'retail_sales 2022 target level 1000 亿元 min', 'fdi_utilized 2022 target level 4.5 亿美元 exact'],
    ],
    // invented: another place, a county's 2017 report, bullets and half-width punctuation
    [
      '青禾县2017年政府工作报告 一、过去五年工作回顾 过去五年,全县财政总收入年均增长9%。二、今后五年的目标任务 未来五年的奋斗目标是：全县一般公共预算收入年均增长6%以上。三、2017年重点工作 ●力争税收收入突破12亿元;确保新增城镇就业5000人。',
      ['fiscal_total_revenue 2012-2016 actual avg_growth 9 % exact', 'general_budget_revenue 2017-2021 target avg_growth 6 % min', 'tax_revenue 2017 target level 12 亿元 min', 'new_urban_jobs 2017 target level 5000 人 exact'],
    ],
  ])('%s', (text, expected) => {
    expect(factsOf(text)).toEqual(expected);
  });
});

describe('an average over parts of years', () => {
  it('两年平均增长 in a half-year release is no span of whole years', () => {
    const text = '青禾县2021年上半年经济运行情况\n上半年，全县地区生产总值同比增长12.7%，两年平均增长5.3%。';
    expect(factsOf(text)).toEqual(['gdp 2021H1 actual growth 12.7 % exact']);
  });
});

describe('forms read for their meaning', () => {
  it.each(REVIEW_FORMS)('review: %s', (sentence, expected) => {
    expect(factsOf(workReport(sentence)).sort()).toEqual([...expected].sort());
  });
  it.each(TARGETS_IN_REVIEW)('targets in a review: %s', (sentence, expected) => {
    expect(factsOf(workReport(sentence)).sort()).toEqual([...expected].sort());
  });
  it.each(SPANS)('span: %s', (sentence, expected) => {
    expect(factsOf(workReport(sentence)).sort()).toEqual([...expected].sort());
  });
  it.each(PLAN_FORMS)('plan: %s', (sentence, expected) => {
    expect(factsOf(workReport('', sentence)).sort()).toEqual([...expected].sort());
  });
  it('a paragraph that opens with 初步预计 is all estimates', () => {
    const facts = extract(workReport('初步预计，地区生产总值635亿元，增长2.0%。其中，第一产业增加值18亿元。'), { doc: 'x' }).facts;
    expect(facts.map((f) => f.estimated)).toEqual([true, true, true]);
  });
  it('a fact of an elided name quotes its head and its value', () => {
    const text = workReport('粮食播种面积120万亩，产量45万吨以上。');
    const [f] = extract(text, { doc: 'x' }).facts;
    expect(f!.quote).toBe('粮食播种面积120万亩，产量45万吨以上');
  });
});

// Line breaks lost between clauses that ended without a mark: a name after a clause's last word still starts a clause.
describe('names after a clause whose break was lost', () => {
  it.each([
    ['2022年新增市场主体144.4万户，再创历史新高新增城镇就业91.6万人。', ['new_market_entities 2022 actual level 144.4 万户 exact', 'new_urban_jobs 2022 actual level 91.6 万人 exact']],
    ['2021年，全市生产总值居全省首位地区生产总值增长8%。', ['gdp 2021 actual growth 8 % exact']],
    ['2023年，高铁里程跃升至第8位新增市场主体12.5万户。', ['new_market_entities 2023 actual level 12.5 万户 exact']],
  ])('%s', (text, facts) => {
    expect(factsOf(text)).toEqual(facts);
  });
});

describe('初步预计 frames its paragraph; a bare 预计 its sentence', () => {
  const estimated = (text: string): boolean[] => extract(text, { doc: 'e' }).facts.map((f) => f.estimated);
  it.each([
    // Run into the paragraph before it, 初步预计 still frames what follows.
    ['2022年，全区上下团结奋进。初步预计，全区地区生产总值635亿元。其中，第一产业增加值18亿元。', [true, true]],
    ['2023年，全县经济平稳。初步预计，全县地区生产总值120亿元。其中，第三产业增加值60亿元。', [true, true]],
    // A bare 预计 marks its own sentence only.
    ['2024年，预计全省地区生产总值14万亿元。进出口总额9万亿元。', [true, false]],
    // Another topic (its own period) ends the frame.
    ['初步预计，2022年全区地区生产总值635亿元。2021年，全区地区生产总值600亿元。', [true, false]],
  ])('%s', (text, flags) => {
    expect(estimated(text)).toEqual(flags);
  });
});

describe('units a per-person amount may take', () => {
  it.each([
    ['2020年，城镇居民人均可支配收入27478元，2020年的528亿元。', ['urban_income_pc 2020 actual level 27478 元 exact']],
    ['2021年，全县农村居民人均可支配收入1.8万元，增长9%。', ['rural_income_pc 2021 actual level 1.8 万元 exact', 'rural_income_pc 2021 actual growth 9 % exact']],
    ['2022年，人均地区生产总值突破10亿元。', []],
  ])('%s', (text, facts) => {
    expect(factsOf(text)).toEqual(facts);
  });
});

describe('a change on last year-end', () => {
  it.each([
    // A year-end balance on last year's: growth on the same period.
    ['2022年末，全县金融机构人民币各项存款余额520.3亿元，比上年末增长13.2%。', ['deposit_balance 2022 actual level 520.3 亿元 exact', 'deposit_balance 2022 actual growth 13.2 % exact']],
    ['2023年底，全市各项贷款余额1200亿元，较上年末增长9.5%。', ['loan_balance 2023 actual level 1200 亿元 exact', 'loan_balance 2023 actual growth 9.5 % exact']],
    // Within a year it is growth since January: no growth fact.
    ['2021年上半年，全区各项贷款余额300亿元，较上年末增长8%。', ['loan_balance 2021H1 actual level 300 亿元 exact']],
  ])('%s', (text, facts) => {
    expect(factsOf(text)).toEqual(facts);
  });
});
