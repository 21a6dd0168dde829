/**
 * The skills vocabulary shared by the resume parser, job requirements and screening: one canonical
 * id per skill, with its Chinese and English names and the aliases seen on resumes and job posts.
 */
export interface SkillDef {
  id: string;
  zh: string;
  en: string;
  aliases: readonly string[];
}

const S = (id: string, zh: string, en: string, ...aliases: string[]): SkillDef => ({ id, zh, en, aliases });

export const SKILLS: readonly SkillDef[] = [
  // Software and data
  S('java', 'Java', 'Java', 'java se', 'java ee', 'j2ee'),
  S('python', 'Python', 'Python', 'python3'),
  S('javascript', 'JavaScript', 'JavaScript', 'js', 'es6', 'ecmascript'),
  S('typescript', 'TypeScript', 'TypeScript', 'ts'),
  S('c', 'C语言', 'C', 'c语言', 'c language'),
  S('cpp', 'C++', 'C++', 'c++', 'cpp'),
  S('csharp', 'C#', 'C#', 'c#', '.net', 'dotnet'),
  S('go', 'Go', 'Go', 'golang', 'go语言'),
  S('sql', 'SQL', 'SQL', 'sql语言'),
  S('mysql', 'MySQL', 'MySQL'),
  S('postgresql', 'PostgreSQL', 'PostgreSQL', 'postgres'),
  S('oracle', 'Oracle', 'Oracle', 'oracle数据库'),
  S('redis', 'Redis', 'Redis'),
  S('linux', 'Linux', 'Linux', 'shell', 'bash'),
  S('git', 'Git', 'Git', 'github', 'gitlab'),
  S('docker', 'Docker', 'Docker', 'kubernetes', 'k8s', '容器'),
  S('spring', 'Spring', 'Spring', 'spring boot', 'springboot', 'spring cloud'),
  S('react', 'React', 'React', 'react.js', 'reactjs'),
  S('vue', 'Vue', 'Vue', 'vue.js', 'vuejs'),
  S('html_css', 'HTML/CSS', 'HTML/CSS', 'html', 'css', 'html5', 'css3'),
  S('nodejs', 'Node.js', 'Node.js', 'node.js', 'nodejs', 'express'),
  S('android', 'Android开发', 'Android', 'android', '安卓'),
  S('ios', 'iOS开发', 'iOS', 'ios', 'swift', 'objective-c'),
  S('software_testing', '软件测试', 'Software testing', '测试用例', '自动化测试', 'selenium', 'qa testing', 'test automation'),
  S('machine_learning', '机器学习', 'Machine learning', '深度学习', 'deep learning', 'pytorch', 'tensorflow', '人工智能', 'ai算法'),
  S('data_analysis', '数据分析', 'Data analysis', '数据挖掘', 'data mining', 'pandas', 'spss', '统计分析', 'statistics', '生意参谋', 'data analytics'),
  S('matlab', 'MATLAB', 'MATLAB'),
  S('embedded', '嵌入式开发', 'Embedded systems', '嵌入式', '单片机', 'stm32', 'arm', 'rtos', 'embedded'),
  S('network', '网络运维', 'Network administration', '网络管理', '路由交换', 'ccna', 'tcp/ip', '运维'),
  // Office and business
  S('excel', 'Excel', 'Excel', 'excel函数', '数据透视表', 'pivot tables', 'vlookup'),
  S('office', '办公软件', 'Microsoft Office', 'office', 'word', 'powerpoint', 'ppt', 'wps', 'ms office'),
  S('accounting', '会计', 'Accounting', '会计核算', '财务核算', '账务处理', '初级会计', '中级会计', 'cpa', '注册会计师', 'bookkeeping', 'accountant', '记账'),
  S('cashier', '出纳', 'Cashier', '出纳员'),
  S('tax', '税务', 'Taxation', '纳税申报', '报税', 'tax filing', '增值税'),
  S('audit', '审计', 'Auditing', '内部审计', 'internal audit'),
  S('finance', '财务分析', 'Financial analysis', '财务管理', '财务报表', 'financial statements', 'financial reporting', '资产负债表', '利润表', 'balance sheet'),
  S('erp', 'ERP系统', 'ERP', 'sap', '用友', '金蝶', 'erp'),
  S('marketing', '市场营销', 'Marketing', '市场推广', '营销策划', '品牌推广', 'market research', '市场调研'),
  S('sales', '销售', 'Sales', '销售技巧', '客户开发', '大客户', 'business development', 'b2b sales'),
  S('customer_service', '客户服务', 'Customer service', '客服', '售后服务', 'customer support'),
  S('new_media', '新媒体运营', 'Social media operations', '新媒体', '公众号运营', '短视频运营', '抖音运营', '小红书', 'social media', '公众号'),
  S('ecommerce', '电子商务', 'E-commerce', '电商运营', '淘宝运营', '跨境电商', '天猫', '京东运营', 'e-commerce', '跨境电子商务', '亚马逊', 'amazon', '速卖通', 'aliexpress', 'shopify', '拼多多', '店铺运营', 'online store'),
  S('livestreaming', '直播带货', 'Live-stream selling', '直播运营', '主播', 'live streaming'),
  S('foreign_trade', '外贸', 'Foreign trade', '国际贸易', '外贸业务', '报关', '外贸跟单', 'import and export', 'customs declaration'),
  S('logistics', '物流管理', 'Logistics', '物流', '仓储管理', '仓储', '配送', 'warehouse management', 'warehousing', 'wms', '仓库管理', '库存管理', '库存盘点', '出入库', '收发货', '运输调度', '车辆调度', 'inventory management', 'dispatching', 'warehouse', '仓库'),
  S('supply_chain', '供应链管理', 'Supply chain management', '供应链', 'supply chain'),
  S('procurement', '采购', 'Procurement', '采购管理', '供应商管理', 'purchasing', 'sourcing', 'purchase order', 'purchase orders'),
  S('hr', '人力资源', 'Human resources', '人力资源管理', '招聘', '薪酬绩效', '员工关系', 'recruitment', 'human resource', 'talent acquisition', 'recruiting', 'onboarding', '入离职', '入职手续', '考勤', '员工档案', '校园招聘', '社会招聘', '招聘专员', '招聘渠道', '简历筛选', '人事'),
  S('administration', '行政管理', 'Administration', '行政', '文秘', '前台', 'office administration', '来访接待', 'receptionist'),
  S('project_management', '项目管理', 'Project management', 'pmp', '项目计划', 'project manager'),
  S('law', '法律事务', 'Legal affairs', '法务', '合同审核', '法律职业资格', 'legal', 'contract review'),
  S('teaching', '教学', 'Teaching', '教师资格证', '课程设计', '培训讲师', 'tutoring'),
  S('nursing', '护理', 'Nursing', '护士资格证', '临床护理', 'nurse', '护士', '静脉输液', '基础护理', '护士执业资格', 'registered nurse'),
  S('first_aid', '急救', 'First aid', '心肺复苏', '抢救', 'cpr', 'bls', 'emergency care'),
  S('pharmacy', '药学', 'Pharmacy', '药品', '药剂', 'gmp', 'pharmaceutical'),
  // Engineering and manufacturing
  S('autocad', 'AutoCAD', 'AutoCAD', 'cad', 'cad制图', '机械制图', '工程制图'),
  S('solidworks', 'SolidWorks', 'SolidWorks', 'ug', 'nx', 'creo', 'pro/e', 'catia', '三维建模', '3d modeling'),
  S('mechanical_design', '机械设计', 'Mechanical design', '机械设计', '结构设计', '机械工程', 'mechanical engineering', 'ansys', '有限元'),
  S('plc', 'PLC编程', 'PLC programming', 'plc', '西门子plc', '三菱plc', '工业自动化', 'industrial automation', 'tia portal', 's7-1200', 's7-1500', 's7-200', 'hmi', '触摸屏', '梯形图', 'ladder logic'),
  S('electrical', '电气设计', 'Electrical engineering', '电气', '电气工程', '电路设计', '电工', '电工证', 'electrical', '电气接线', '电气原理图', '低压电工', 'electrical design', 'electrical schematics', 'electrical control'),
  S('pcb', 'PCB设计', 'PCB design', 'pcb', 'altium', '硬件设计', 'hardware design'),
  S('robotics', '工业机器人', 'Industrial robots', '机器人', 'robotics', 'industrial robot', 'kuka'),
  S('cnc', '数控加工', 'CNC machining', '数控', 'cnc', '车工', '铣工', '加工中心', 'fanuc', '发那科'),
  S('welding', '焊接', 'Welding', '焊工', '焊工证', 'welder'),
  S('quality', '质量管理', 'Quality management', '质量控制', '品质管理', 'qc', 'qa', 'iso9001', '六西格玛', 'six sigma', 'quality control', 'quality assurance', '首件检验', 'first article inspection'),
  S('lean', '精益生产', 'Lean manufacturing', '精益', '5s', 'tpm', 'lean production'),
  S('production_management', '生产管理', 'Production management', '生产计划', '车间管理', 'production planning'),
  S('chemistry_lab', '化学分析', 'Chemical analysis', '化验', '实验室检测', 'hplc', '色谱', 'lab testing'),
  S('semiconductor', '半导体工艺', 'Semiconductor process', '半导体', '晶圆', '芯片制造', 'wafer', 'semiconductor'),
  S('new_energy', '新能源', 'New energy', '光伏', '锂电池', '储能', 'photovoltaic', 'battery'),
  S('automotive', '汽车工程', 'Automotive engineering', '汽车电子', '汽车维修', 'automotive'),
  S('forklift', '叉车操作', 'Forklift operation', '叉车', '叉车证', 'forklift'),
  S('driving', '驾驶', 'Driving licence', '驾驶证', 'c1驾照', "driver's licence", 'driving license'),
  // Design and media
  S('photoshop', 'Photoshop', 'Photoshop', 'ps', 'adobe photoshop', 'illustrator', 'ai设计'),
  S('graphic_design', '平面设计', 'Graphic design', '视觉设计', '美工', 'graphic design'),
  S('ui_design', 'UI设计', 'UI design', 'ui设计', '交互设计', 'figma', 'sketch', 'ux'),
  S('video_editing', '视频剪辑', 'Video editing', '剪辑', 'premiere', 'pr', '后期制作', 'final cut', '剪映'),
  S('copywriting', '文案写作', 'Copywriting', '文案', '文案策划', '新闻写作', 'content writing', 'marketing copy'),
  S('translation', '翻译', 'Translation', '笔译', '口译', 'interpreting', 'catti', 'translator'),
  S('communication', '沟通能力', 'Communication', '沟通协调', '表达能力', 'communication skills', 'teamwork', '团队合作'),
];

const byId = new Map(SKILLS.map((s) => [s.id, s]));
const byAlias = new Map<string, string>();
for (const s of SKILLS) {
  for (const name of [s.id, s.zh, s.en, ...s.aliases]) byAlias.set(normalise(name), s.id);
}

function normalise(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The canonical id of a skill name, or the normalised name itself when the vocabulary does not know it. */
export function canonicalSkill(name: string): string {
  const n = normalise(name);
  return byAlias.get(n) ?? n;
}

/** The display name of a canonical skill id. */
export function skillLabel(id: string, lang: 'zh' | 'en' = 'zh'): string {
  const s = byId.get(id);
  return s ? (lang === 'zh' ? s.zh : s.en) : id;
}

export function isKnownSkill(id: string): boolean {
  return byId.has(id);
}

const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);
/**
 * Latin aliases match on word boundaries (so "ts" is not found in "students"); CJK ones as substrings.
 * Names that are ordinary words or letters ("C", "Go", "Word"), or that every job post says ("招聘"),
 * count only in a skills list, via canonicalSkill.
 */
const AMBIGUOUS_IN_TEXT = new Set(['c', 'go', 'ts', 'ps', 'pr', 'ug', 'nx', 'arm', 'ux', 'qa', 'word', 'office', 'sketch', 'legal', 'electrical', '招聘']);
interface Matcher {
  id: string;
  alias: string;
  /** Latin aliases must not touch letters, digits or + # . on either side. */
  bounded: boolean;
}
/**
 * Aliases bucketed by their first two UTF-16 code units (one for single-character aliases), longest
 * first, so a text is scanned once however large the vocabulary.
 */
const pairBuckets = new Map<number, Matcher[]>();
const singleBuckets = new Map<number, Matcher[]>();
const startsAlias = new Uint8Array(0x10000);
for (const [alias, id] of [...byAlias.entries()].sort((a, b) => b[0].length - a[0].length)) {
  if (!alias.length || AMBIGUOUS_IN_TEXT.has(alias)) continue;
  const m: Matcher = { id, alias, bounded: !hasCjk(alias) };
  const c0 = alias.charCodeAt(0);
  const buckets = alias.length === 1 ? singleBuckets : pairBuckets;
  const key = alias.length === 1 ? c0 : c0 * 0x10000 + alias.charCodeAt(1);
  const list = buckets.get(key) ?? [];
  list.push(m);
  buckets.set(key, list);
  startsAlias[c0] = 1;
}
const isWordBefore = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 35 || c === 46;
const isWordAfter = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 35;

/** Calls back with every alias occurring at position i of a normalised text, longest first, until it returns true. */
function eachMatchAt(t: string, i: number, visit: (m: Matcher) => boolean | void): void {
  const c0 = t.charCodeAt(i);
  if (!startsAlias[c0]) return;
  const pair = i + 1 < t.length ? pairBuckets.get(c0 * 0x10000 + t.charCodeAt(i + 1)) : undefined;
  const single = singleBuckets.get(c0);
  for (const list of [pair, single]) {
    if (!list) continue;
    for (const m of list) {
      if (!t.startsWith(m.alias, i)) continue;
      if (m.bounded) {
        if (i > 0 && isWordBefore(t.charCodeAt(i - 1))) continue;
        const end = i + m.alias.length;
        if (end < t.length && isWordAfter(t.charCodeAt(end))) continue;
      }
      if (visit(m) === true) return;
    }
  }
}

/** Canonical ids of every known skill mentioned in a text, in vocabulary order. */
export function findSkills(text: string): string[] {
  const t = text.normalize('NFKC').toLowerCase();
  const found = new Set<string>();
  const add = (m: Matcher) => {
    found.add(m.id);
  };
  for (let i = 0; i < t.length; i++) if (startsAlias[t.charCodeAt(i)]) eachMatchAt(t, i, add);
  return SKILLS.filter((s) => found.has(s.id)).map((s) => s.id);
}

/**
 * Where known skills are mentioned in a text that is already NFKC-normalised and lower-cased (as
 * findSkills normalises it): leftmost-longest, non-overlapping spans in text order.
 */
export function findSkillMentions(normalisedText: string): { id: string; start: number; end: number }[] {
  const t = normalisedText;
  const spans: { id: string; start: number; end: number }[] = [];
  for (let i = 0; i < t.length; ) {
    let hit: Matcher | null = null;
    eachMatchAt(t, i, (m) => {
      hit = m;
      return true;
    });
    const m = hit as Matcher | null;
    if (m) {
      spans.push({ id: m.id, start: i, end: i + m.alias.length });
      i += m.alias.length;
    } else i++;
  }
  return spans;
}
