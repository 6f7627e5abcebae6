// The gold of the invented national work reports (test/invented/national-*), annotated as
// tables: each fact's fields and its quote as written; the quote's span is found in the text
// (in a hard-wrapped text, with the wrap's line breaks). The first batch (FIRST) was annotated
// before the engine read it and the rules were fixed on it; the second (SECOND) was written and
// annotated after those fixes, before the engine read it, to check that they hold.
//
// usage: node test/national-gold.build.mjs test/invented   (writes national-*.gold.json)
import { readFileSync, writeFileSync } from 'node:fs';
const N = { name: '全国', code: '000000', level: 'national' };
const FIRST = {
  'national-2007': { meta: ['2007年政府工作报告', '2007-03-05', '2006', '2007', '温家宝'], facts: [
    ['gdp','2006','actual','level',20.94,null,'万亿元','exact',null,'国内生产总值达到20.94万亿元'],
    ['gdp','2006','actual','growth',10.7,null,'%','exact',null,'国内生产总值达到20.94万亿元，比上年增长10.7%'],
    ['cpi','2006','actual','growth',1.5,null,'%','exact',null,'居民消费价格总水平上涨1.5%'],
    ['fiscal_total_revenue','2006','actual','level',3.93,null,'万亿元','exact',null,'财政收入达到3.93万亿元'],
    ['grain_output','2006','actual','level',4.98,null,'亿吨','exact',null,'粮食总产量达到4.98亿吨'],
    ['trade_total','2006','actual','level',1.76,null,'万亿美元','exact',null,'进出口总额达到1.76万亿美元'],
    ['trade_total','2006','actual','growth',23.8,null,'%','exact',null,'进出口总额达到1.76万亿美元，增长23.8%'],
    ['fdi_utilized','2006','actual','level',695,null,'亿美元','exact',null,'实际利用外商直接投资695亿美元'],
    ['new_urban_jobs','2006','actual','level',1184,null,'万人','exact',null,'城镇新增就业1184万人'],
    ['registered_unemployment_rate','2006','actual','level',4.1,null,'%','exact',null,'城镇登记失业率为4.1%'],
    ['urban_income_pc','2006','actual','level',11759,null,'元','exact',null,'城镇居民人均可支配收入11759元'],
    ['rural_income_pc','2006','actual','level',3587,null,'元','exact',null,'农村居民人均纯收入3587元'],
    ['urban_income_pc','2006','actual','growth',10.4,null,'%','exact',null,'城镇居民人均可支配收入11759元，农村居民人均纯收入3587元，扣除价格因素，分别增长10.4%'],
    ['rural_income_pc','2006','actual','growth',7.4,null,'%','exact',null,'农村居民人均纯收入3587元，扣除价格因素，分别增长10.4%和7.4%'],
    ['gdp','2007','target','growth',8,null,'%','approx',null,'国内生产总值增长8%左右'],
    ['energy_intensity','2007','target','growth',-4,null,'%','approx',null,'单位国内生产总值能耗降低4%左右'],
    ['new_urban_jobs','2007','target','level',1000,null,'万人','exact',null,'城镇新增就业1000万人'],
    ['registered_unemployment_rate','2007','target','level',4.6,null,'%','max',null,'城镇登记失业率控制在4.6%以内'],
    ['cpi','2007','target','growth',3,null,'%','approx',null,'居民消费价格总水平涨幅控制在3%左右'],
  ]},
  'national-2012': { meta: ['政府工作報告', '2012-03-05', '2011', '2012', '温家宝'], facts: [
    ['gdp','2011','actual','level',47.2,null,'万亿元','exact',null,'國內生產總值達到47.2萬億元'],
    ['gdp','2011','actual','growth',9.2,null,'%','exact',null,'國內生產總值達到47.2萬億元，比上年增長9.2%'],
    ['general_budget_revenue','2011','actual','level',10.37,null,'万亿元','exact',null,'公共財政收入10.37萬億元'],
    ['general_budget_revenue','2011','actual','growth',24.8,null,'%','exact',null,'公共財政收入10.37萬億元，增長24.8%'],
    ['grain_output','2011','actual','level',57121,null,'万吨','exact',null,'糧食產量57121萬噸'],
    ['new_urban_jobs','2011','actual','level',1221,null,'万人','exact',null,'城鎮新增就業1221萬人'],
    ['urban_income_pc','2011','actual','growth',8.4,null,'%','exact',null,'城鎮居民人均可支配收入和農村居民人均純收入實際增長8.4%'],
    ['rural_income_pc','2011','actual','growth',11.4,null,'%','exact',null,'農村居民人均純收入實際增長8.4%和11.4%'],
    ['cpi','2011','actual','growth',5.4,null,'%','exact',null,'居民消費價格上漲5.4%'],
    ['trade_total','2011','actual','level',3.64,null,'万亿美元','exact',null,'進出口總額3.64萬億美元'],
    ['trade_total','2011','actual','growth',22.5,null,'%','exact',null,'進出口總額3.64萬億美元，增長22.5%'],
    ['gdp','2012','target','growth',7.5,null,'%','exact',null,'國內生產總值增長7.5%'],
    ['new_urban_jobs','2012','target','level',900,null,'万人','min',null,'城鎮新增就業900萬人以上'],
    ['registered_unemployment_rate','2012','target','level',4.6,null,'%','max',null,'城鎮登記失業率控制在4.6%以內'],
    ['cpi','2012','target','growth',4,null,'%','approx',null,'居民消費價格漲幅控制在4%左右'],
    ['trade_total','2012','target','growth',10,null,'%','approx',null,'進出口總額增長10%左右'],
    ['urban_income_pc','2012','target','growth',null,null,'%','qualitative','和经济增长保持同步','城鄉居民收入實際增長和經濟增長保持同步'],
    ['rural_income_pc','2012','target','growth',null,null,'%','qualitative','和经济增长保持同步','城鄉居民收入實際增長和經濟增長保持同步'],
    ['energy_intensity','2012','target','growth',-3.5,null,'%','exact',null,'單位國內生產總值能耗要降低3.5%'],
  ]},
  'national-2016': { meta: ['政府工作报告', '2016-03-05', '2015', '2016', '李克强'], facts: [
    ['gdp','2015','actual','level',67.7,null,'万亿元','exact',null,'国内生产总值达到67.7万亿元'],
    ['gdp','2015','actual','growth',6.9,null,'%','exact',null,'国内生产总值达到67.7万亿元，增长6.9%'],
    ['cpi','2015','actual','growth',1.4,null,'%','exact',null,'居民消费价格上涨1.4%'],
    ['new_urban_jobs','2015','actual','level',1312,null,'万人','exact',null,'城镇新增就业1312万人'],
    ['energy_intensity','2015','actual','growth',-5.6,null,'%','exact',null,'单位国内生产总值能耗下降5.6%'],
    ['income_pc','2015','actual','growth',7.4,null,'%','exact',null,'居民人均可支配收入实际增长7.4%'],
    ['gdp','2011-2015','actual','avg_growth',7.8,null,'%','exact',null,'国内生产总值达到67.7万亿元，年均增长7.8%'],
    ['gdp','2016','target','growth',6.5,7,'%','range',null,'国内生产总值增长6.5%—7%'],
    ['cpi','2016','target','growth',3,null,'%','approx',null,'居民消费价格涨幅3%左右'],
    ['new_urban_jobs','2016','target','level',1000,null,'万人','min',null,'城镇新增就业1000万人以上'],
    ['registered_unemployment_rate','2016','target','level',4.5,null,'%','max',null,'城镇登记失业率4.5%以内'],
    ['trade_total','2016','target','growth',null,null,'%','qualitative','回稳向好','进出口回稳向好'],
    ['income_pc','2016','target','growth',null,null,'%','qualitative','和经济增长基本同步','居民收入增长和经济增长基本同步'],
    ['energy_intensity','2016','target','growth',-3.4,null,'%','min',null,'单位国内生产总值能耗下降3.4%以上'],
  ]},
  'national-2019': { meta: ['政府工作报告', '2019-03-05', '2018', '2019', '李克强'], facts: [
    ['gdp','2018','actual','growth',6.6,null,'%','exact',null,'国内生产总值增长6.6%'],
    ['gdp','2018','actual','level',90,null,'万亿元','min',null,'国内生产总值增长6.6%，总量突破90万亿元'],
    ['cpi','2018','actual','growth',2.1,null,'%','exact',null,'居民消费价格上涨2.1%'],
    ['new_urban_jobs','2018','actual','level',1361,null,'万人','exact',null,'城镇新增就业1361万人'],
    ['surveyed_unemployment_rate','2018','actual','level',5,null,'%','approx',null,'调查失业率稳定在5%左右'],
    ['energy_intensity','2018','actual','growth',-3.1,null,'%','exact',null,'单位国内生产总值能耗下降3.1%'],
    ['trade_total','2018','actual','level',30,null,'万亿元','min',null,'进出口总额超过30万亿元'],
    ['fdi_utilized','2018','actual','level',1383,null,'亿美元','exact',null,'实际使用外资1383亿美元'],
    ['income_pc','2018','actual','growth',6.5,null,'%','exact',null,'居民人均可支配收入实际增长6.5%'],
    ['gdp','2019','target','growth',6,6.5,'%','range',null,'国内生产总值增长6%－6.5%'],
    ['new_urban_jobs','2019','target','level',1100,null,'万人','min',null,'城镇新增就业1100万人以上'],
    ['surveyed_unemployment_rate','2019','target','level',5.5,null,'%','approx',null,'城镇调查失业率5.5%左右'],
    ['registered_unemployment_rate','2019','target','level',4.5,null,'%','max',null,'城镇登记失业率4.5%以内'],
    ['cpi','2019','target','growth',3,null,'%','approx',null,'居民消费价格涨幅3%左右'],
    ['trade_total','2019','target','growth',null,null,'%','qualitative','稳中提质','进出口稳中提质'],
    ['energy_intensity','2019','target','growth',-3,null,'%','approx',null,'单位国内生产总值能耗下降3%左右'],
    ['income_pc','2019','target','growth',null,null,'%','qualitative','与经济增长基本同步','居民收入增长与经济增长基本同步'],
  ]},
  'national-2023': { meta: ['政府工作报告', '2023-03-05', '2022', '2023', '李克强'], facts: [
    ['gdp','2022','actual','growth',3,null,'%','exact',null,'国内生产总值增长3%'],
    ['new_urban_jobs','2022','actual','level',1206,null,'万人','exact',null,'城镇新增就业1206万人'],
    ['surveyed_unemployment_rate','2022','actual','level',5.5,null,'%','exact',null,'城镇调查失业率降到5.5%'],
    ['cpi','2022','actual','growth',2,null,'%','exact',null,'居民消费价格上涨2%'],
    ['trade_total','2022','actual','growth',7.7,null,'%','exact',null,'进出口总额增长7.7%'],
    ['fdi_utilized','2022','actual','level',1891,null,'亿美元','exact',null,'实际使用外资1891亿美元'],
    ['grain_output','2022','actual','level',1.37,null,'万亿斤','exact',null,'粮食产量1.37万亿斤'],
    ['gdp','2022','actual','level',121,null,'万亿元','exact',null,'国内生产总值增加到121万亿元'],
    ['gdp','2018-2022','actual','avg_growth',5.2,null,'%','exact',null,'国内生产总值增加到121万亿元，五年年均增长5.2%'],
    ['gdp','2013-2022','actual','avg_growth',6.2,null,'%','exact',null,'国内生产总值增加到121万亿元，五年年均增长5.2%，十年增加近70万亿元、年均增长6.2%'],
    ['fiscal_total_revenue','2022','actual','level',20.4,null,'万亿元','exact',null,'财政收入增加到20.4万亿元'],
    ['new_urban_jobs','2018-2022','actual','level',1270,null,'万人','min',null,'城镇新增就业年均1270万人以上'],
    ['gdp','2023','target','growth',5,null,'%','approx',null,'国内生产总值增长5%左右'],
    ['new_urban_jobs','2023','target','level',1200,null,'万人','approx',null,'城镇新增就业1200万人左右'],
    ['surveyed_unemployment_rate','2023','target','level',5.5,null,'%','approx',null,'城镇调查失业率5.5%左右'],
    ['cpi','2023','target','growth',3,null,'%','approx',null,'居民消费价格涨幅3%左右'],
    ['income_pc','2023','target','growth',null,null,'%','qualitative','与经济增长基本同步','居民收入增长与经济增长基本同步'],
    ['trade_total','2023','target','growth',null,null,'%','qualitative','促稳提质','进出口促稳提质'],
    ['grain_output','2023','target','level',1.3,null,'万亿斤','min',null,'粮食产量保持在1.3万亿斤以上'],
    ['energy_intensity','2023','target','growth',null,null,'%','qualitative','继续下降','单位国内生产总值能耗和主要污染物排放量继续下降'],
  ]},
  'national-2025': { meta: ['政府工作报告', '2025-03-05', '2024', '2025', '李强'], facts: [
    ['gdp','2024','actual','level',134.9,null,'万亿元','exact',null,'国内生产总值达到134.9万亿元'],
    ['gdp','2024','actual','growth',5,null,'%','exact',null,'国内生产总值达到134.9万亿元、增长5%'],
    ['new_urban_jobs','2024','actual','level',1256,null,'万人','exact',null,'城镇新增就业1256万人'],
    ['surveyed_unemployment_rate','2024','actual','level',5.1,null,'%','exact',null,'城镇调查失业率平均为5.1%'],
    ['cpi','2024','actual','growth',0.2,null,'%','exact',null,'居民消费价格上涨0.2%'],
    ['grain_output','2024','actual','level',1.4,null,'万亿斤','min',null,'粮食产量首次超过1.4万亿斤'],
    ['trade_total','2024','actual','level',43.8,null,'万亿元','exact',null,'进出口总额43.8万亿元'],
    ['trade_total','2024','actual','growth',5,null,'%','exact',null,'进出口总额43.8万亿元、增长5%'],
    ['income_pc','2024','actual','growth',5.1,null,'%','exact',null,'居民人均可支配收入实际增长5.1%'],
    ['gdp','2025','target','growth',5,null,'%','approx',null,'国内生产总值增长5%左右'],
    ['surveyed_unemployment_rate','2025','target','level',5.5,null,'%','approx',null,'城镇调查失业率5.5%左右'],
    ['new_urban_jobs','2025','target','level',1200,null,'万人','min',null,'城镇新增就业1200万人以上'],
    ['cpi','2025','target','growth',2,null,'%','approx',null,'居民消费价格涨幅2%左右'],
    ['income_pc','2025','target','growth',null,null,'%','qualitative','和经济增长同步','居民收入增长和经济增长同步'],
    ['grain_output','2025','target','level',1.4,null,'万亿斤','approx',null,'粮食产量1.4万亿斤左右'],
    ['energy_intensity','2025','target','growth',-3,null,'%','approx',null,'单位国内生产总值能耗降低3%左右'],
  ]},
};
const SECOND = {
  'national-2009': { meta: ['政府工作报告', '2009-03-05', '2008', '2009', '温家宝'], facts: [
    ['gdp','2008','actual','level',30.07,null,'万亿元','exact',null,'国内生产总值达到30.07万亿元'],
    ['gdp','2008','actual','growth',9,null,'%','exact',null,'国内生产总值达到30.07万亿元，比上年增长9%'],
    ['fiscal_total_revenue','2008','actual','level',6.13,null,'万亿元','exact',null,'财政收入6.13万亿元'],
    ['fiscal_total_revenue','2008','actual','growth',19.5,null,'%','exact',null,'财政收入6.13万亿元，增长19.5%'],
    ['grain_output','2008','actual','level',52850,null,'万吨','exact',null,'粮食产量52850万吨'],
    ['new_urban_jobs','2008','actual','level',1113,null,'万人','exact',null,'城镇新增就业1113万人'],
    ['urban_income_pc','2008','actual','growth',8.4,null,'%','exact',null,'城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4%'],
    ['rural_income_pc','2008','actual','growth',8,null,'%','exact',null,'农村居民人均纯收入实际增长8.4%和8%'],
    ['gdp','2009','target','growth',8,null,'%','approx',null,'国内生产总值增长8%左右'],
    ['new_urban_jobs','2009','target','level',900,null,'万人','min',null,'城镇新增就业900万人以上'],
    ['registered_unemployment_rate','2009','target','level',4.6,null,'%','max',null,'城镇登记失业率控制在4.6%以内'],
    ['urban_income_pc','2009','target','growth',null,null,'%','qualitative','稳定增长','城乡居民收入稳定增长'],
    ['rural_income_pc','2009','target','growth',null,null,'%','qualitative','稳定增长','城乡居民收入稳定增长'],
    ['cpi','2009','target','growth',4,null,'%','approx',null,'居民消费价格总水平涨幅4%左右'],
  ]},
  'national-2014': { meta: ['政府工作报告', '2014-03-05', '2013', '2014', '李克强'], facts: [
    ['gdp','2013','actual','level',56.9,null,'万亿元','exact',null,'国内生产总值达到56.9万亿元'],
    ['gdp','2013','actual','growth',7.7,null,'%','exact',null,'国内生产总值达到56.9万亿元，比上年增长7.7%'],
    ['cpi','2013','actual','growth',2.6,null,'%','exact',null,'居民消费价格涨幅控制在2.6%'],
    ['new_urban_jobs','2013','actual','level',1310,null,'万人','exact',null,'城镇新增就业1310万人'],
    ['registered_unemployment_rate','2013','actual','level',4.1,null,'%','exact',null,'城镇登记失业率4.1%'],
    ['trade_total','2013','actual','level',4,null,'万亿美元','min',null,'进出口总额突破4万亿美元'],
    ['grain_output','2013','actual','level',60194,null,'万吨','exact',null,'粮食产量达到60194万吨'],
    ['energy_intensity','2013','actual','growth',-3.7,null,'%','exact',null,'单位国内生产总值能耗下降3.7%'],
    ['urban_income_pc','2013','actual','growth',7,null,'%','exact',null,'城镇居民人均可支配收入实际增长7%'],
    ['rural_income_pc','2013','actual','growth',9.3,null,'%','exact',null,'农村居民人均纯收入实际增长9.3%'],
    ['gdp','2014','target','growth',7.5,null,'%','approx',null,'国内生产总值增长7.5%左右'],
    ['cpi','2014','target','growth',3.5,null,'%','approx',null,'居民消费价格涨幅控制在3.5%左右'],
    ['new_urban_jobs','2014','target','level',1000,null,'万人','min',null,'城镇新增就业1000万人以上'],
    ['registered_unemployment_rate','2014','target','level',4.6,null,'%','max',null,'城镇登记失业率控制在4.6%以内'],
    ['income_pc','2014','target','growth',null,null,'%','qualitative','和经济发展同步','居民收入增长和经济发展同步'],
    ['trade_total','2014','target','growth',7,null,'%','approx',null,'进出口增长7%左右'],
    ['energy_intensity','2014','target','growth',-3.9,null,'%','min',null,'单位国内生产总值能耗要降低3.9%以上'],
  ]},
  'national-2017': { meta: ['2017年政府工作报告', '2017-03-05', '2016', '2017', '李克强'], facts: [
    ['gdp','2016','actual','level',74.4,null,'万亿元','exact',null,'国内生产总值达到74.4万亿元'],
    ['gdp','2016','actual','growth',6.7,null,'%','exact',null,'国内生产总值达到74.4万亿元，增长6.7%'],
    ['cpi','2016','actual','growth',2,null,'%','exact',null,'居民消费价格上涨2%'],
    ['energy_intensity','2016','actual','growth',-5,null,'%','exact',null,'单位国内生产总值能耗下降5%'],
    ['new_urban_jobs','2016','actual','level',1314,null,'万人','exact',null,'城镇新增就业1314万人'],
    ['income_pc','2016','actual','growth',6.3,null,'%','exact',null,'居民人均可支配收入实际增长6.3%'],
    ['gdp','2017','target','growth',6.5,null,'%','approx',null,'国内生产总值增长6.5%左右'],
    ['cpi','2017','target','growth',3,null,'%','approx',null,'居民消费价格涨幅3%左右'],
    ['new_urban_jobs','2017','target','level',1100,null,'万人','min',null,'城镇新增就业1100万人以上'],
    ['registered_unemployment_rate','2017','target','level',4.5,null,'%','max',null,'城镇登记失业率4.5%以内'],
    ['trade_total','2017','target','growth',null,null,'%','qualitative','回稳向好','进出口回稳向好'],
    ['income_pc','2017','target','growth',null,null,'%','qualitative','和经济增长基本同步','居民收入和经济增长基本同步'],
    ['energy_intensity','2017','target','growth',-3.4,null,'%','min',null,'单位国内生产总值能耗下降3.4%以上'],
  ]},
  'national-2020': { meta: ['政府工作报告', '2020-05-22', '2019', '2020', '李克强'], facts: [
    ['gdp','2019','actual','growth',6.1,null,'%','exact',null,'国内生产总值增长6.1%'],
    ['new_urban_jobs','2019','actual','level',1352,null,'万人','exact',null,'城镇新增就业1352万人'],
    ['surveyed_unemployment_rate','2019','actual','level',5.3,null,'%','max',null,'调查失业率在5.3%以下'],
    ['cpi','2019','actual','growth',2.9,null,'%','exact',null,'居民消费价格上涨2.9%'],
    ['new_urban_jobs','2020','target','level',900,null,'万人','min',null,'城镇新增就业900万人以上'],
    ['surveyed_unemployment_rate','2020','target','level',6,null,'%','approx',null,'城镇调查失业率6%左右'],
    ['registered_unemployment_rate','2020','target','level',5.5,null,'%','approx',null,'城镇登记失业率5.5%左右'],
    ['cpi','2020','target','growth',3.5,null,'%','approx',null,'居民消费价格涨幅3.5%左右'],
    ['trade_total','2020','target','growth',null,null,'%','qualitative','促稳提质','进出口促稳提质'],
    ['income_pc','2020','target','growth',null,null,'%','qualitative','与经济增长基本同步','居民收入增长与经济增长基本同步'],
    ['energy_intensity','2020','target','growth',null,null,'%','qualitative','继续下降','单位国内生产总值能耗和主要污染物排放量继续下降'],
  ]},
  'national-2022': { meta: ['政府工作报告', '2022-03-05', '2021', '2022', '李克强'], facts: [
    ['gdp','2021','actual','level',114,null,'万亿元','exact',null,'国内生产总值达到114万亿元'],
    ['gdp','2021','actual','growth',8.1,null,'%','exact',null,'国内生产总值达到114万亿元，增长8.1%'],
    ['fiscal_total_revenue','2021','actual','level',20,null,'万亿元','min',null,'财政收入突破20万亿元'],
    ['fiscal_total_revenue','2021','actual','growth',10.7,null,'%','exact',null,'财政收入突破20万亿元，增长10.7%'],
    ['new_urban_jobs','2021','actual','level',1269,null,'万人','exact',null,'城镇新增就业1269万人'],
    ['surveyed_unemployment_rate','2021','actual','level',5.1,null,'%','exact',null,'城镇调查失业率平均为5.1%'],
    ['cpi','2021','actual','growth',0.9,null,'%','exact',null,'居民消费价格上涨0.9%'],
    ['grain_output','2021','actual','level',1.37,null,'万亿斤','exact',null,'粮食产量1.37万亿斤'],
    ['trade_total','2021','actual','growth',21.4,null,'%','exact',null,'进出口总额增长21.4%'],
    ['trade_total','2021','actual','level',6,null,'万亿美元','min',null,'进出口总额增长21.4%，突破6万亿美元'],
    ['fdi_utilized','2021','actual','level',1.1,null,'万亿元','exact',null,'实际使用外资1.1万亿元'],
    ['income_pc','2021','actual','growth',8.1,null,'%','exact',null,'居民人均可支配收入实际增长8.1%'],
    ['gdp','2022','target','growth',5.5,null,'%','approx',null,'国内生产总值增长5.5%左右'],
    ['new_urban_jobs','2022','target','level',1100,null,'万人','min',null,'城镇新增就业1100万人以上'],
    ['surveyed_unemployment_rate','2022','target','level',5.5,null,'%','max',null,'城镇调查失业率全年控制在5.5%以内'],
    ['cpi','2022','target','growth',3,null,'%','approx',null,'居民消费价格涨幅3%左右'],
    ['income_pc','2022','target','growth',null,null,'%','qualitative','和经济增长基本同步','居民收入增长和经济增长基本同步'],
    ['trade_total','2022','target','growth',null,null,'%','qualitative','保稳提质','进出口保稳提质'],
    ['grain_output','2022','target','level',1.3,null,'万亿斤','min',null,'粮食产量保持在1.3万亿斤以上'],
  ]},
};
const docs = { ...FIRST, ...SECOND };
const dir = process.argv[2];
for (const [doc, d] of Object.entries(docs)) {
  const text = readFileSync(`${dir}/${doc}.txt`, 'utf8');
  const [title, date, rp, pp, sp] = d.meta;
  const keys = new Set();
  const facts = d.facts.map(([indicator, period, kind, measure, value, value_high, unit, qualifier, t, q0, occ = 0]) => {
    let quote = q0;
    let at = -1; for (let i = 0; i <= occ; i++) { at = text.indexOf(quote, at + 1); }
    if (at < 0) {
      // a hard-wrapped text (national-2020): the quote as written, with the wrap's line breaks
      const re = new RegExp([...quote].map((c) => c.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')).join('\n?'), 'g');
      let m; for (let i = 0; i <= occ; i++) m = re.exec(text);
      if (m) { at = m.index; quote = m[0]; }
    }
    if (at < 0) throw new Error(`${doc}: quote not found: ${quote}`);
    const k = [indicator, period, kind, measure, qualifier].join('|') + (qualifier === 'qualitative' ? '' : `|${value}|${unit}`);
    if (keys.has(k)) throw new Error(`${doc}: duplicate ${k}`); keys.add(k);
    return { indicator, period, kind, measure, value, value_high, unit, qualifier, text: t, estimated: false, quote, span: [at, at + quote.length] };
  });
  const gold = { doc, meta: { title, doc_type: 'work_report', region: N, date, review_period: rp, plan_period: pp, speaker: { name: sp, title: '国务院总理' } }, facts, projects: null };
  writeFileSync(`${dir}/${doc}.gold.json`, JSON.stringify(gold, null, 2) + '\n');
  console.log(doc, facts.length);
}
