// Document metadata: type, region, date, periods and speaker.
import { describe, expect, it } from 'vitest';
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
