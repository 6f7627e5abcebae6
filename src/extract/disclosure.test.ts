import { describe, expect, it } from 'vitest';
import { findDisclosure } from './disclosure.js';
import { extract } from './pipeline.js';
import { splitLines } from './structure.js';

const read = (text: string) => findDisclosure(text, splitLines(text));

describe('findDisclosure', () => {
  it('reads a portal block written as table rows', () => {
    const text = [
      '索引号: | 431102/2021-00123 | 主题分类: | 规划计划 |',
      '发布机构: | 长沙市芙蓉区人民政府 | 发布日期: | 2021-09-15 15:43 |',
      '名 称: | 芙蓉区2021年政府工作报告 | ||',
      '文号: | 芙政发〔2021〕1号 | 有效性: | 有效 |',
      '公开范围: | 面向全社会 |',
      '芙蓉区2021年政府工作报告',
    ].join('\n');
    const found = read(text)!;
    expect(found.lines).toEqual([0, 4]);
    const { span, ...fields } = found.disclosure;
    expect(fields).toEqual({
      index_number: '431102/2021-00123',
      subject: '规划计划',
      publisher: '长沙市芙蓉区人民政府',
      title: '芙蓉区2021年政府工作报告',
      document_number: '芙政发〔2021〕1号',
      written: null,
      published: '2021-09-15',
      validity: '有效',
      scope: '面向全社会',
      keywords: null,
    });
    expect(text.slice(...span)).toMatch(/^索引号[\s\S]*面向全社会 \|$/);
  });

  it('reads label：value runs on plain lines', () => {
    const text = '首页 > 政务公开\n索引号：000014349/2021-00012  主题分类：国民经济管理\n发文机关：某某县人民政府　成文日期：2021年01月20日\n文　　号：某政发〔2021〕2号　　发布日期：2021年01月25日\n正文';
    const d = read(text)!.disclosure;
    expect(d.index_number).toBe('000014349/2021-00012');
    expect(d.subject).toBe('国民经济管理');
    expect(d.publisher).toBe('某某县人民政府');
    expect(d.written).toBe('2021-01-20');
    expect(d.published).toBe('2021-01-25');
    expect(d.document_number).toBe('某政发〔2021〕2号');
  });

  it('is not fooled by a posting line or prose', () => {
    expect(read('芙蓉区政府2020年上半年区政工作报告\n发布时间 : 2020-07-31     来源:芙蓉区政府办\n正文')).toBeNull();
    expect(read('各位代表：\n全区完成主题分类工作，文号管理规范。')).toBeNull();
  });

  it('puts the block in meta.disclosure and keeps the title and date of the report', () => {
    const text = [
      '索引号： | 431102/2021-00123 | 主题分类： | 政府工作报告',
      '发布机构： | 某某县人民政府 | 发布日期： | 2021-01-25',
      '某某县2021年政府工作报告',
      '——2021年1月15日在某某县第十八届人民代表大会第五次会议上',
      '县长 张三',
      '一、2020年工作回顾',
      '全年实现地区生产总值670.68亿元。',
    ].join('\n');
    const { meta } = extract(text, { doc: 'x' });
    expect(meta.title).toBe('某某县2021年政府工作报告');
    expect(meta.doc_type).toBe('work_report');
    expect(meta.date).toBe('2021-01-15');
    expect(meta.speaker).toEqual({ name: '张三', title: '县长' });
    expect(meta.disclosure?.publisher).toBe('某某县人民政府');
  });
});
