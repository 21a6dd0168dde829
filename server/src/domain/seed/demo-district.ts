/** Songjiang's real administrative units; the grouping into five regions is illustrative and editable. */
export const DEV_ZONE = { name: '松江经济技术开发区', kind: 'dev_zone' as const };

export const DEMO_REGIONS: { code: string; name: string; places: { name: string; kind: 'subdistrict' | 'town' }[] }[] = [
  {
    code: 'R1',
    name: '中心片区',
    places: [
      { name: '岳阳街道', kind: 'subdistrict' },
      { name: '永丰街道', kind: 'subdistrict' },
      { name: '方松街道', kind: 'subdistrict' },
      { name: '小昆山镇', kind: 'town' },
    ],
  },
  {
    code: 'R2',
    name: '东北片区',
    places: [
      { name: '中山街道', kind: 'subdistrict' },
      { name: '泗泾镇', kind: 'town' },
      { name: '洞泾镇', kind: 'town' },
    ],
  },
  {
    code: 'R3',
    name: '东部片区',
    places: [
      { name: '九里亭街道', kind: 'subdistrict' },
      { name: '九亭镇', kind: 'town' },
      { name: '新桥镇', kind: 'town' },
    ],
  },
  {
    code: 'R4',
    name: '西北片区',
    places: [
      { name: '广富林街道', kind: 'subdistrict' },
      { name: '佘山镇', kind: 'town' },
      { name: '车墩镇', kind: 'town' },
    ],
  },
  {
    code: 'R5',
    name: '浦南片区',
    places: [
      { name: '泖港镇', kind: 'town' },
      { name: '石湖荡镇', kind: 'town' },
      { name: '新浜镇', kind: 'town' },
      { name: '叶榭镇', kind: 'town' },
    ],
  },
];

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
export const GIVEN_CHARS = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉晨宇浩然欣怡子轩梓涵思远雨桐佳琪俊杰文博一诺嘉怡天佑可馨晓东海燕雪梅'.split('');

export const SCHOOLS = [
  '上海大学', '东华大学', '上海师范大学', '上海工程技术大学', '上海外国语大学', '华东政法大学',
  '上海立信会计金融学院', '上海视觉艺术学院', '上海对外经贸大学', '上海应用技术大学', '上海电机学院', '上海第二工业大学',
];

export const MAJORS = [
  '计算机科学与技术', '软件工程', '机械设计制造及其自动化', '电气工程及其自动化', '会计学', '财务管理', '市场营销',
  '国际经济与贸易', '英语', '日语', '汉语言文学', '视觉传达设计', '法学', '物流管理', '数据科学与大数据技术', '护理学',
];

export const INTENTIONS = ['软件开发', '机械工程师', '财务会计', '行政文员', '市场推广', '外贸业务', '设计', '教师', '物流', '护士', '数据分析', '法务助理'];
export const TRAINING = ['无', '职业技能培训', '求职技巧辅导', '创业培训', '计算机等级培训', '外语培训'];

export const INDUSTRIES = ['电子信息', '智能制造', '生物医药', '现代物流', '金融服务', '文化创意', '新材料', '商贸零售', '教育培训', '建筑工程'];
export const COMPANY_WORDS = ['华', '申', '松', '联', '新', '达', '科', '创', '瑞', '恒', '泰', '鼎', '启', '航', '博', '源', '信', '晟', '云', '智'];
export const COMPANY_SUFFIX = ['科技有限公司', '电子有限公司', '智能制造有限公司', '生物医药有限公司', '物流有限公司', '信息技术有限公司', '新材料股份有限公司', '贸易有限公司'];

/** A small deterministic PRNG (mulberry32), so the demo district is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
