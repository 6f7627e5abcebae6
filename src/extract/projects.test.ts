// Projects in investment news.
import { describe, expect, it } from 'vitest';
import { extract } from './pipeline.js';

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
