// Whole documents of other shapes than the sample corpus, each with the facts
// an economist would copy from it: a county work report with (预计数，下同), a
// five-year review and a target paragraph; a township report with unnumbered
// headings; a statistical bulletin.
import { describe, expect, it } from 'vitest';
import { extract } from './pipeline.js';
import { showFact } from './examples.js';

function read(text: string) {
  const { meta, facts } = extract(text, { doc: 'd' });
  return { meta, facts: facts.map((f) => `${showFact(f)}${f.estimated ? ' (预计)' : ''}`) };
}

const COUNTY_REPORT = `政府工作报告
——2021年1月8日在桂阳县第十七届人民代表大会第六次会议上
桂阳县人民政府县长 李四
各位代表：
一、2020年和“十三五”时期工作回顾
2020年，全县实现地区生产总值312.5亿元（预计数，下同），增长4.2%；社会消费品零售总额92.3亿元，下降2.1%；一般公共预算收入16.8亿元，增长3%，其中税收收入11.2亿元；城镇、农村居民人均可支配收入分别达到35620元、19870元，分别增长5.2%、7.6%。
“十三五”时期，全县地区生产总值年均增长7.3%，五年累计完成固定资产投资1200亿元，新增城镇就业2.8万人。
二、“十四五”时期主要目标
到2025年，地区生产总值突破450亿元，年均增长6.5%以上。
三、2021年主要目标任务
今年经济社会发展的主要预期目标是：地区生产总值增长7.5%左右，规模工业增加值、固定资产投资分别增长8%、10%，城乡居民人均可支配收入分别增长7%和8.5%，城镇登记失业率控制在4.5%以内，居民消费价格涨幅控制在3%左右，单位地区生产总值能耗完成市下达任务，粮食总产稳定在6.5亿斤以上。`;

const TOWNSHIP_REPORT = `2021年靛房镇人民政府工作报告
靛房镇人民政府镇长 田某某
各位代表：
过去一年，全镇完成固定资产投资1.5亿元；农村居民人均可支配收入达到11200元，增长8.5%，高于全县平均水平1.2个百分点。
2021年工作安排
全镇农村居民人均可支配收入增长8%以上，一般公共预算收入实现增长5%。`;

const BULLETIN = `长沙市2020年国民经济和社会发展统计公报
长沙市统计局
2021年3月20日
初步核算，全年全市地区生产总值12142.52亿元，比上年增长4.0%。其中，第一产业增加值419.62亿元，增长3.6%。按常住人口计算，人均地区生产总值121076元，增长1.7%。
全年全市居民消费价格比上年上涨2.3%。全年全市城镇新增就业12.73万人。年末城镇登记失业率为2.64%。`;

describe('documents', () => {
  it('a county work report', () => {
    const { meta, facts } = read(COUNTY_REPORT);
    expect(meta).toMatchObject({ doc_type: 'work_report', region: { code: '431021' }, date: '2021-01-08', review_period: '2020', plan_period: '2021', speaker: { name: '李四', title: '县长' } });
    expect(facts).toEqual([
      'gdp 2020 actual level 312.5 亿元 exact (预计)',
      'gdp 2020 actual growth 4.2 % exact (预计)',
      'retail_sales 2020 actual level 92.3 亿元 exact (预计)',
      'retail_sales 2020 actual growth -2.1 % exact (预计)',
      'general_budget_revenue 2020 actual level 16.8 亿元 exact (预计)',
      'general_budget_revenue 2020 actual growth 3 % exact (预计)',
      'tax_revenue 2020 actual level 11.2 亿元 exact (预计)',
      'urban_income_pc 2020 actual level 35620 元 exact (预计)',
      'rural_income_pc 2020 actual level 19870 元 exact (预计)',
      'urban_income_pc 2020 actual growth 5.2 % exact (预计)',
      'rural_income_pc 2020 actual growth 7.6 % exact (预计)',
      'gdp 2016-2020 actual avg_growth 7.3 % exact (预计)',
      'fixed_asset_investment 2016-2020 actual level 1200 亿元 exact (预计)',
      'new_urban_jobs 2016-2020 actual level 2.8 万人 exact (预计)',
      'gdp 2025 target level 450 亿元 min',
      'gdp 2021-2025 target avg_growth 6.5 % min',
      'gdp 2021 target growth 7.5 % approx',
      'industrial_value_added 2021 target growth 8 % exact',
      'fixed_asset_investment 2021 target growth 10 % exact',
      'urban_income_pc 2021 target growth 7 % exact',
      'rural_income_pc 2021 target growth 8.5 % exact',
      'registered_unemployment_rate 2021 target level 4.5 % max',
      'cpi 2021 target growth 3 % approx',
      'energy_intensity 2021 target growth 完成市下达任务 % qualitative',
      'grain_output 2021 target level 6.5 亿斤 min',
    ]);
  });

  it('a township report with unnumbered headings', () => {
    const { meta, facts } = read(TOWNSHIP_REPORT);
    expect(meta).toMatchObject({ doc_type: 'work_report', region: { name: '靛房镇', code: '433130114000', level: 'township' }, review_period: '2020', plan_period: '2021' });
    expect(facts).toEqual([
      'fixed_asset_investment 2020 actual level 1.5 亿元 exact',
      'rural_income_pc 2020 actual level 11200 元 exact',
      'rural_income_pc 2020 actual growth 8.5 % exact',
      'rural_income_pc 2021 target growth 8 % min',
      'general_budget_revenue 2021 target growth 5 % exact',
    ]);
  });

  it('a statistical bulletin', () => {
    const { meta, facts } = read(BULLETIN);
    expect(meta).toMatchObject({ doc_type: 'statistical_bulletin', region: { code: '430100', level: 'prefecture' }, date: '2021-03-20', review_period: '2020' });
    expect(facts).toEqual([
      'gdp 2020 actual level 12142.52 亿元 exact',
      'gdp 2020 actual growth 4 % exact',
      'value_added_primary 2020 actual level 419.62 亿元 exact',
      'value_added_primary 2020 actual growth 3.6 % exact',
      'gdp_per_capita 2020 actual level 121076 元 exact',
      'gdp_per_capita 2020 actual growth 1.7 % exact',
      'cpi 2020 actual growth 2.3 % exact',
      'new_urban_jobs 2020 actual level 12.73 万人 exact',
      'registered_unemployment_rate 2020 actual level 2.64 % exact',
    ]);
  });
});

const MONTHLY_RELEASE = `今年1-8月全县经济运行情况
今年1-8月，全县经济总体平稳。
（一）工业平稳增长。1-8月，全县规模以上工业增加值实现3.25亿元，增长2.5%。
（二）财政收入较快增长。1-8月，全县上报完成地方公共预算收入5.75亿元，同比增长17.4%。实际利用外资完成214万美元。
（三）金融平稳。截至8月底，金融机构本外币各项存款余额达288.06亿元，比年初增长4.8%。
2019-09-20`;

describe('a monthly statistical release', () => {
  it('takes its review period from the title and carries a sentence-opening period through its paragraph', () => {
    const { meta, facts } = read(MONTHLY_RELEASE);
    expect(meta).toMatchObject({ date: '2019-09-20', review_period: '2019M01-08' });
    expect(facts).toEqual([
      'industrial_value_added 2019M01-08 actual level 3.25 亿元 exact',
      'industrial_value_added 2019M01-08 actual growth 2.5 % exact',
      'local_general_budget_revenue 2019M01-08 actual level 5.75 亿元 exact',
      'local_general_budget_revenue 2019M01-08 actual growth 17.4 % exact',
      'fdi_utilized 2019M01-08 actual level 214 万美元 exact',
      // 比年初增长 is growth since January, not on the same period of last year: no growth fact.
      'deposit_balance 2019M01-08 actual level 288.06 亿元 exact',
    ]);
  });
});

const NATIONAL_REPORT = `政府工作报告
——2023年3月5日在第十四届全国人民代表大会第一次会议上
国务院总理 李某
一、过去一年和五年工作回顾
过去一年，国内生产总值增长3%，城镇新增就业1206万人，年末城镇调查失业率降到5.5%，居民消费价格上涨2%。
二、对今年政府工作的建议
今年发展主要预期目标是：国内生产总值(GDP)增长5%左右；城镇新增就业1200万人左右；居民消费价格(CPI)涨幅3%左右；居民收入增长和经济增长基本同步；粮食产量保持在1.3万亿斤以上。`;

describe('the national work report', () => {
  it('speaks for the whole country and plans for the year it is delivered in', () => {
    const { meta, facts } = read(NATIONAL_REPORT);
    expect(meta).toMatchObject({ region: { name: '全国', code: '000000', level: 'national' }, review_period: '2022', plan_period: '2023', speaker: { name: '李某', title: '总理' } });
    expect(facts).toEqual([
      'gdp 2022 actual growth 3 % exact',
      'new_urban_jobs 2022 actual level 1206 万人 exact',
      'surveyed_unemployment_rate 2022 actual level 5.5 % exact',
      'cpi 2022 actual growth 2 % exact',
      'gdp 2023 target growth 5 % approx',
      'new_urban_jobs 2023 target level 1200 万人 approx',
      'cpi 2023 target growth 3 % approx',
      'income_pc 2023 target growth 和经济增长基本同步 % qualitative',
      'grain_output 2023 target level 1.3 万亿斤 min',
    ]);
  });
});

// The full text as an agency sends it: its dateline (新华社…电) above the title
// is no title, and its posting day (3月14日) is not the day of delivery.
const AGENCY_FULL_TEXT = `新华社北京3月12日电
政府工作报告
——2018年3月5日在第十三届全国人民代表大会第一次会议上
国务院总理 王某
各位代表：
现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。
一、过去五年工作回顾
过去五年，国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。
二、2018年经济社会发展总体要求和政策取向
今年发展的主要预期目标是：国内生产总值增长6.5%左右；居民消费价格涨幅3%左右。`;

describe('the national work report sent by an agency', () => {
  it('is a work report titled by its heading, delivered on the day of its meeting line', () => {
    const { meta } = read(AGENCY_FULL_TEXT);
    expect(meta).toMatchObject({ title: '政府工作报告', doc_type: 'work_report', date: '2018-03-05', review_period: '2017', plan_period: '2018', region: { code: '000000', level: 'national' } });
  });
});
