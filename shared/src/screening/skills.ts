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
  S('data_analysis', '数据分析', 'Data analysis', '数据挖掘', 'data mining', 'pandas', 'spss', '统计分析', 'statistics'),
  S('matlab', 'MATLAB', 'MATLAB'),
  S('embedded', '嵌入式开发', 'Embedded systems', '嵌入式', '单片机', 'stm32', 'arm', 'rtos', 'embedded'),
  S('network', '网络运维', 'Network administration', '网络管理', '路由交换', 'ccna', 'tcp/ip', '运维'),
  // Office and business
  S('excel', 'Excel', 'Excel', 'excel函数', '数据透视表', 'pivot tables', 'vlookup'),
  S('office', '办公软件', 'Microsoft Office', 'office', 'word', 'powerpoint', 'ppt', 'wps'),
  S('accounting', '会计', 'Accounting', '会计核算', '财务核算', '账务处理', '初级会计', '中级会计', 'cpa', '注册会计师', 'bookkeeping'),
  S('cashier', '出纳', 'Cashier', '出纳员'),
  S('tax', '税务', 'Taxation', '纳税申报', '报税', 'tax filing'),
  S('audit', '审计', 'Auditing', '内部审计', 'internal audit'),
  S('finance', '财务分析', 'Financial analysis', '财务管理', '财务报表', 'financial statements', 'financial reporting'),
  S('erp', 'ERP系统', 'ERP', 'sap', '用友', '金蝶', 'erp'),
  S('marketing', '市场营销', 'Marketing', '市场推广', '营销策划', '品牌推广', 'market research', '市场调研'),
  S('sales', '销售', 'Sales', '销售技巧', '客户开发', '大客户', 'business development', 'b2b sales'),
  S('customer_service', '客户服务', 'Customer service', '客服', '售后服务', 'customer support'),
  S('new_media', '新媒体运营', 'Social media operations', '新媒体', '公众号运营', '短视频运营', '抖音运营', '小红书', 'social media'),
  S('ecommerce', '电子商务', 'E-commerce', '电商运营', '淘宝运营', '跨境电商', '天猫', '京东运营', 'e-commerce'),
  S('livestreaming', '直播带货', 'Live-stream selling', '直播运营', '主播', 'live streaming'),
  S('foreign_trade', '外贸', 'Foreign trade', '国际贸易', '外贸业务', '报关', '外贸跟单', 'import and export', 'customs declaration'),
  S('logistics', '物流管理', 'Logistics', '物流', '仓储管理', '仓储', '配送', 'warehouse management', 'warehousing'),
  S('supply_chain', '供应链管理', 'Supply chain management', '供应链', 'supply chain'),
  S('procurement', '采购', 'Procurement', '采购管理', '供应商管理', 'purchasing', 'sourcing'),
  S('hr', '人力资源', 'Human resources', '人力资源管理', '招聘', '薪酬绩效', '员工关系', 'recruitment', 'human resource'),
  S('administration', '行政管理', 'Administration', '行政', '文秘', '前台', 'office administration'),
  S('project_management', '项目管理', 'Project management', 'pmp', '项目计划', 'project manager'),
  S('law', '法律事务', 'Legal affairs', '法务', '合同审核', '法律职业资格', 'legal', 'contract review'),
  S('teaching', '教学', 'Teaching', '教师资格证', '课程设计', '培训讲师', 'tutoring'),
  S('nursing', '护理', 'Nursing', '护士资格证', '临床护理', 'nurse'),
  S('pharmacy', '药学', 'Pharmacy', '药品', '药剂', 'gmp', 'pharmaceutical'),
  // Engineering and manufacturing
  S('autocad', 'AutoCAD', 'AutoCAD', 'cad', 'cad制图', '机械制图', '工程制图'),
  S('solidworks', 'SolidWorks', 'SolidWorks', 'ug', 'nx', 'creo', 'pro/e', 'catia', '三维建模', '3d modeling'),
  S('mechanical_design', '机械设计', 'Mechanical design', '机械设计', '结构设计', '机械工程', 'mechanical engineering'),
  S('plc', 'PLC编程', 'PLC programming', 'plc', '西门子plc', '三菱plc', '工业自动化', 'industrial automation'),
  S('electrical', '电气设计', 'Electrical engineering', '电气', '电气工程', '电路设计', '电工', '电工证', 'electrical'),
  S('pcb', 'PCB设计', 'PCB design', 'pcb', 'altium', '硬件设计', 'hardware design'),
  S('cnc', '数控加工', 'CNC machining', '数控', 'cnc', '车工', '铣工', '加工中心'),
  S('welding', '焊接', 'Welding', '焊工', '焊工证', 'welder'),
  S('quality', '质量管理', 'Quality management', '质量控制', '品质管理', 'qc', 'qa', 'iso9001', '六西格玛', 'six sigma', 'quality control', 'quality assurance'),
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
  S('copywriting', '文案写作', 'Copywriting', '文案', '文案策划', '新闻写作', 'content writing'),
  S('translation', '翻译', 'Translation', '笔译', '口译', 'interpreting'),
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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);
/**
 * Latin aliases match on word boundaries (so "ts" is not found in "students"); CJK ones as substrings.
 * Names that are ordinary words or letters ("C", "Go", "Word") count only in a skills list, via canonicalSkill.
 */
const AMBIGUOUS_IN_TEXT = new Set(['c', 'go', 'ts', 'ps', 'pr', 'ug', 'nx', 'arm', 'ux', 'qa', 'word', 'office', 'sketch', 'legal', 'electrical']);
const matchers: { id: string; re: RegExp }[] = [...byAlias.entries()]
  .filter(([alias]) => alias.length > 0 && !AMBIGUOUS_IN_TEXT.has(alias))
  .sort((a, b) => b[0].length - a[0].length)
  .map(([alias, id]) => ({
    id,
    re: hasCjk(alias) ? new RegExp(escape(alias), 'i') : new RegExp(`(?<![a-z0-9+#.])${escape(alias)}(?![a-z0-9+#])`, 'i'),
  }));

/** Canonical ids of every known skill mentioned in a text, in vocabulary order. */
export function findSkills(text: string): string[] {
  const t = text.normalize('NFKC').toLowerCase();
  const found = new Set<string>();
  for (const m of matchers) if (!found.has(m.id) && m.re.test(t)) found.add(m.id);
  return SKILLS.filter((s) => found.has(s.id)).map((s) => s.id);
}
