/**
 * Resume screening: how well a graduate's resume meets a job's stated requirements, criterion by
 * criterion, with the evidence for each. The score is advisory; it ranks and explains, it never
 * rejects anyone, so the result carries no thresholds or flags.
 *
 * Inputs are only TScreeningJob and TScreeningCandidate: hardship, gender, age, ethnicity and hukou
 * are not part of the candidate and so cannot count. The scorer is pure, deterministic and has no
 * Node dependency (it ships in the browser bundle too), so Chinese text is compared by character
 * bigrams rather than by a dictionary segmenter.
 */
import type {
  TScreeningCandidate,
  TScreeningCriterion,
  TScreeningCriterionKey,
  TScreeningJob,
  TScreeningResult,
} from '../schemas/screening.js';
import { SCREENING_CRITERIA } from '../schemas/screening.js';
import { canonicalSkill, findSkills, isKnownSkill, skillLabel } from './skills.js';

/** Scorer version, stored with each result; bump it whenever scores can change. */
export const SCORER_VERSION = 'v1';

/** Base weights; a criterion the job sets no requirement for drops out and the rest are renormalised. */
export const CRITERION_WEIGHTS: Readonly<Record<TScreeningCriterionKey, number>> = {
  skills: 0.4,
  degree: 0.15,
  major: 0.12,
  experience: 0.25,
  languages: 0.08,
};

/** DEGREES: junior_college < bachelor < master < doctorate; 'other' is treated as unknown. */
type Degree = NonNullable<TScreeningJob['degree']>;

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

const norm = (s: string) => s.normalize('NFKC').toLowerCase();
const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

/** Function characters that never start or end a meaningful Chinese word here; runs split on them. */
const CJK_SPLIT = /[的和与及或等了并者其]/;
/** Bigrams too common in resumes and job posts to say anything about relevance. */
const CJK_STOP = new Set(
  ('负责 工作 相关 进行 以上 优先 熟悉 熟练 了解 掌握 能力 经验 要求 岗位 公司 参与 完成 具备 具有 良好 使用 能够 ' +
    '我们 主要 协助 根据 任职 职责 包括 以及 通过 提供 其他 方面 实习 习生 学生 专业 本科 大专 学历 毕业 一家 一个 ' +
    '日常 适应 做好 按照 指导 师傅 在校 期间 同时 每月 每周 部门 团队 合作 优秀 积极 认真 学习 吃苦 耐劳 自我 评价').split(' '),
);
const EN_STOP = new Set(
  ('a an the and or of in on at to for with from by as is are be been was were our we you your their they it its this ' +
    'that these those will can into per via etc also any all other such who which what when where than then more most ' +
    'some each both between within across about over under up out new good strong able ability required require ' +
    'requirement requirements preferred prefer plus skill skills experience experienced work working worked job role ' +
    'team intern internship interns assisted assist assisting helped help including include based use used using year ' +
    'years company client clients responsible responsibilities duties daily two one our my me i').split(' '),
);
const stem = (w: string) => (w.length > 6 ? w.slice(0, 6) : w);

/**
 * Concepts written differently in Chinese and English job posts and resumes (role words, common
 * tasks); each becomes one shared token so an English resume can match a Chinese post.
 */
const CONCEPTS: readonly [id: string, zh: readonly string[], en: readonly string[]][] = [
  ['engineer', ['工程师'], ['engineer', 'engineers']],
  ['develop', ['开发'], ['develop', 'developed', 'developer', 'developing', 'development', 'built', 'build']],
  ['operator', ['操作工', '操作员', '操作'], ['operator', 'operators', 'operate', 'operated', 'operating']],
  ['operations', ['运营'], ['operations', 'ran', 'run', 'managed', 'manage']],
  ['technician', ['技术员'], ['technician', 'technicians']],
  ['assistant', ['助理'], ['assistant']],
  ['specialist', ['专员'], ['specialist']],
  ['maintenance', ['维修', '维护', '保养', '点检'], ['maintenance', 'maintain', 'maintained', 'repair', 'repairs', 'repaired']],
  ['design', ['设计'], ['design', 'designed', 'designing', 'designer']],
  ['debug', ['调试', '排查'], ['debug', 'debugged', 'debugging', 'commission', 'commissioned', 'commissioning', 'troubleshooting']],
  ['machining', ['加工'], ['machining', 'machined', 'machinist']],
  ['drawing', ['图纸', '制图', '绘制', '工程图', '原理图'], ['drawing', 'drawings', 'drew', 'draw', 'schematic', 'schematics', 'blueprint', 'blueprints']],
  ['inventory', ['库存', '盘点'], ['inventory', 'stock', 'stocktake', 'stocktaking']],
  ['purchase', ['采购'], ['purchase', 'purchasing', 'purchased']],
  ['report', ['报表', '报告', '日报', '周报', '台账'], ['report', 'reports', 'reporting']],
  ['recruit', ['招聘', '面试', '简历'], ['recruit', 'recruitment', 'recruiting', 'interview', 'interviews', 'resume', 'resumes', 'candidates']],
  ['onboarding', ['入职', '离职'], ['onboarding', 'offboarding']],
  ['attendance', ['考勤'], ['attendance']],
  ['listing', ['上架', '上新', '商品'], ['listing', 'listings', 'product', 'products']],
  ['promotion', ['促销', '推广', '大促'], ['promotion', 'promotions', 'campaign', 'campaigns', 'ads', 'advertising']],
  ['keyword', ['关键词'], ['keyword', 'keywords']],
  ['sales', ['销售'], ['sales', 'sell', 'selling']],
  ['traffic', ['流量', '转化'], ['traffic', 'conversion']],
  ['warehouse', ['仓库', '仓储', '入库', '出库', '收发货'], ['warehouse', 'warehousing']],
  ['delivery', ['配送', '运输', '车辆'], ['delivery', 'deliveries', 'transport', 'shipping']],
  ['supplier', ['供应商'], ['supplier', 'suppliers', 'vendor', 'vendors']],
  ['backend', ['后端'], ['backend', 'back-end']],
  ['frontend', ['前端'], ['frontend', 'front-end']],
  ['interface', ['接口'], ['api', 'apis', 'interface', 'interfaces', 'restful']],
  ['deploy', ['部署', '上线'], ['deploy', 'deployed', 'deployment']],
  ['voucher', ['凭证', '单据'], ['voucher', 'vouchers', 'vouching']],
  ['bookkeeping', ['账务', '记账', '结账'], ['bookkeeping', 'ledger', 'ledgers']],
  ['statement', ['报表'], ['statement', 'statements']],
  ['bank', ['银行'], ['bank']],
  ['patient', ['患者', '病人', '病区', '病情'], ['patient', 'patients', 'ward', 'wards']],
  ['care', ['护理'], ['care', 'nursing']],
  ['emergency', ['急诊', '抢救', '急救'], ['emergency', 'rescue']],
  ['measure', ['测量', '检验', '自检'], ['measure', 'measuring', 'inspection', 'inspect']],
  ['parts', ['零件', '零部件'], ['part', 'parts', 'component', 'components']],
  ['lathe', ['车床'], ['lathe', 'lathes']],
  ['automation', ['自动化'], ['automation', 'automated']],
  ['production_line', ['产线', '生产线', '流水线'], ['line', 'lines']],
  ['equipment', ['设备'], ['equipment', 'machine', 'machines']],
];
const CONCEPT_BY_EN = new Map<string, string>();
for (const [id, , en] of CONCEPTS) for (const w of en) CONCEPT_BY_EN.set(w, id);

/**
 * The terms of a text: Chinese character bigrams (single characters for one-character runs), Latin
 * word stems, canonical skills ("s:" + id) and shared concepts ("k:" + id).
 */
function textTerms(raw: string): Set<string> {
  const t = norm(raw);
  const out = new Set<string>();
  for (const run of t.match(/[\u3400-\u9fff]+/g) ?? []) {
    for (const part of run.split(CJK_SPLIT)) {
      if (part.length === 1) out.add(part);
      for (let i = 0; i + 1 < part.length; i++) {
        const bi = part.slice(i, i + 2);
        if (!CJK_STOP.has(bi)) out.add(bi);
      }
    }
  }
  for (const w of t.match(/[a-z][a-z0-9+#]*(?:-[a-z0-9]+)*/g) ?? []) {
    const concept = CONCEPT_BY_EN.get(w) ?? (w.endsWith('s') ? CONCEPT_BY_EN.get(w.slice(0, -1)) : undefined);
    if (concept) out.add(`k:${concept}`);
    if (w.length < 2 || EN_STOP.has(w)) continue;
    out.add(stem(w));
  }
  for (const [id, zh] of CONCEPTS) if (zh.some((z) => t.includes(z))) out.add(`k:${id}`);
  for (const id of findSkills(t)) out.add(`s:${id}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Skills
// ---------------------------------------------------------------------------------------------

/** Skills that partly stand in for a required one (half credit): job skill → candidate skills. */
const RELATED_SKILLS: Readonly<Record<string, readonly string[]>> = {
  mysql: ['postgresql', 'oracle', 'sql'],
  postgresql: ['mysql', 'oracle', 'sql'],
  oracle: ['mysql', 'postgresql', 'sql'],
  sql: ['mysql', 'postgresql', 'oracle'],
  spring: ['java'],
  react: ['vue'],
  vue: ['react'],
  javascript: ['typescript'],
  typescript: ['javascript'],
  accounting: ['cashier', 'finance', 'audit', 'tax'],
  tax: ['accounting'],
  cashier: ['accounting'],
  finance: ['accounting', 'audit'],
  audit: ['accounting', 'finance'],
  autocad: ['solidworks'],
  solidworks: ['autocad'],
  mechanical_design: ['solidworks', 'autocad'],
  logistics: ['supply_chain', 'procurement'],
  supply_chain: ['logistics', 'procurement'],
  procurement: ['supply_chain'],
  ecommerce: ['livestreaming'],
  livestreaming: ['ecommerce', 'new_media'],
  plc: ['robotics'],
  robotics: ['plc'],
  electrical: ['pcb', 'embedded'],
  embedded: ['c', 'cpp', 'pcb'],
  photoshop: ['graphic_design'],
  graphic_design: ['photoshop'],
  ui_design: ['graphic_design'],
  data_analysis: ['machine_learning'],
  machine_learning: ['data_analysis'],
  hr: ['administration'],
  administration: ['hr'],
  first_aid: ['nursing'],
};

interface SkillReq {
  id: string;
  /** As the job wrote it. */
  label: string;
  /** For a skill the vocabulary does not know: how to find it in the resume text. */
  pattern: RegExp | null;
}

function skillRequirements(names: readonly string[], exclude: ReadonlySet<string> = new Set()): SkillReq[] {
  const out: SkillReq[] = [];
  const seen = new Set(exclude);
  const push = (id: string, label: string, pattern: RegExp | null) => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ id, label, pattern });
  };
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const id = canonicalSkill(name);
    if (isKnownSkill(id)) {
      push(id, name, null);
      continue;
    }
    const found = findSkills(name);
    if (found.length === 1) push(found[0]!, name, null);
    else if (found.length > 1) for (const f of found) push(f, skillLabel(f, hasCjk(name) ? 'zh' : 'en'), null);
    else {
      const esc = id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      push(id, name, hasCjk(id) ? new RegExp(esc) : new RegExp(`(?<![a-z0-9+#.])${esc}(?![a-z0-9+#])`));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Majors
// ---------------------------------------------------------------------------------------------

interface MajorFamily {
  id: string;
  zh: string;
  en: string;
  /** Named majors; each inner list is one major's names in Chinese and English. */
  majors: readonly (readonly string[])[];
  /** Words that place an unlisted major in the family (the earliest in the name wins). */
  keywords: readonly string[];
}

/** Discipline families for matching majors; a major in the same family earns partial credit. */
export const MAJOR_FAMILIES: readonly MajorFamily[] = [
  {
    id: 'computing', zh: '计算机类', en: 'computing',
    majors: [
      ['计算机科学与技术', '计算机科学', 'computer science and technology', 'computer science', 'cs'],
      ['软件工程', 'software engineering'],
      ['软件技术', 'software technology'],
      ['计算机应用技术', 'computer application technology', 'computer applications'],
      ['网络工程', 'network engineering'],
      ['信息安全', '网络空间安全', 'information security', 'cyber security', 'cybersecurity'],
      ['数据科学与大数据技术', '大数据技术', 'data science and big data technology', 'data science', 'big data'],
      ['人工智能', 'artificial intelligence'],
      ['物联网工程', 'internet of things engineering', 'internet of things'],
      ['信息管理与信息系统', 'information management and information systems', 'information systems'],
    ],
    keywords: ['计算机', '软件', '网络', '信息技术', '信息安全', '大数据', '数据科学', '人工智能', '物联网', '信息管理', 'computer', 'software', 'information technology', 'computing', 'data science', 'artificial intelligence', 'information system'],
  },
  {
    id: 'electrical', zh: '电子电气自动化类', en: 'electronics, electrical and automation',
    majors: [
      ['电气工程及其自动化', 'electrical engineering and automation', 'electrical engineering'],
      ['电气自动化技术', 'electrical automation technology', 'electrical automation'],
      ['自动化', 'automation'],
      ['电子信息工程', 'electronic information engineering', 'electronic and information engineering'],
      ['电子科学与技术', 'electronic science and technology'],
      ['通信工程', 'communication engineering', 'telecommunications engineering', 'telecommunications'],
      ['微电子科学与工程', '集成电路设计与集成系统', 'microelectronics', 'integrated circuit design'],
      ['机电一体化技术', '机电一体化', 'mechatronics', 'mechatronics engineering', 'mechatronic engineering'],
      ['测控技术与仪器', 'measurement and control technology and instruments', 'measurement and control'],
    ],
    keywords: ['电气', '电子', '自动化', '通信', '微电子', '集成电路', '机电', '测控', '电力', 'electrical', 'electronic', 'automation', 'communication engineering', 'telecommunication', 'microelectronic', 'mechatronic', 'control engineering', 'power engineering'],
  },
  {
    id: 'mechanical', zh: '机械制造类', en: 'mechanical and manufacturing',
    majors: [
      ['机械设计制造及其自动化', 'mechanical design manufacturing and automation', 'mechanical engineering and automation'],
      ['机械工程', 'mechanical engineering'],
      ['数控技术', 'cnc technology', 'numerical control technology'],
      ['模具设计与制造', '模具制造', 'mould design and manufacturing', 'die and mould design', 'mold design and manufacturing'],
      ['材料成型及控制工程', 'material forming and control engineering'],
      ['车辆工程', 'vehicle engineering', 'automotive engineering'],
      ['工业工程', 'industrial engineering'],
      ['机械制造与自动化', 'machinery manufacturing and automation'],
      ['机电一体化技术', '机电一体化', 'mechatronics', 'mechatronics engineering', 'mechatronic engineering'],
    ],
    keywords: ['机械', '制造', '数控', '模具', '材料成型', '车辆', '汽车', '工业工程', '机电', 'mechanical', 'manufacturing', 'machinery', 'cnc', 'numerical control', 'mould', 'mold', 'vehicle', 'automotive', 'industrial engineering', 'mechatronic'],
  },
  {
    id: 'finance', zh: '财会经济类', en: 'accounting, finance and economics',
    majors: [
      ['会计学', '会计', '会计电算化', '大数据与会计', 'accounting', 'accountancy'],
      ['财务管理', 'financial management'],
      ['审计学', '审计', 'auditing', 'audit'],
      ['金融学', '金融', 'finance'],
      ['经济学', 'economics'],
      ['国际经济与贸易', 'international economics and trade'],
      ['税收学', '财政学', 'taxation', 'public finance'],
      ['统计学', 'statistics'],
    ],
    keywords: ['会计', '财务', '审计', '金融', '经济', '税', '财政', '统计', 'accounting', 'accountancy', 'financ', 'audit', 'economic', 'taxation', 'statistic'],
  },
  {
    id: 'business', zh: '工商管理与市场营销类', en: 'business, marketing and e-commerce',
    majors: [
      ['市场营销', 'marketing'],
      ['工商管理', 'business administration', 'business management'],
      ['电子商务', 'e-commerce', 'electronic commerce', 'ecommerce'],
      ['跨境电子商务', 'cross-border e-commerce'],
      ['国际贸易', '国际商务', 'international trade', 'international business'],
      ['人力资源管理', 'human resource management', 'human resources management', 'human resources'],
      ['行政管理', 'public administration', 'administrative management'],
      ['旅游管理', '酒店管理', 'tourism management', 'hotel management'],
    ],
    keywords: ['市场营销', '营销', '工商管理', '电子商务', '电商', '贸易', '商务', '人力资源', '行政管理', '旅游', '酒店', 'marketing', 'business', 'commerce', 'trade', 'human resource', 'administration', 'tourism', 'hospitality'],
  },
  {
    id: 'logistics', zh: '物流供应链类', en: 'logistics and supply chain',
    majors: [
      ['物流管理', 'logistics management', 'logistics'],
      ['物流工程', 'logistics engineering'],
      ['供应链管理', 'supply chain management', 'supply chain'],
      ['采购管理', 'purchasing management', 'procurement management'],
      ['交通运输', 'transportation'],
    ],
    keywords: ['物流', '供应链', '采购', '交通运输', '仓储', 'logistic', 'supply chain', 'procurement', 'purchasing', 'transportation'],
  },
  {
    id: 'chemistry', zh: '化学材料药学类', en: 'chemistry, materials and pharmacy',
    majors: [
      ['化学', 'chemistry'],
      ['应用化学', 'applied chemistry'],
      ['化学工程与工艺', '化学工程', 'chemical engineering and technology', 'chemical engineering'],
      ['材料科学与工程', 'materials science and engineering', 'materials science'],
      ['高分子材料与工程', 'polymer materials and engineering'],
      ['药学', 'pharmacy', 'pharmaceutical sciences'],
      ['制药工程', 'pharmaceutical engineering'],
    ],
    keywords: ['化学', '化工', '材料', '高分子', '药学', '制药', '药物', 'chemi', 'material', 'polymer', 'pharma'],
  },
  {
    id: 'languages', zh: '语言翻译类', en: 'languages and translation',
    majors: [
      ['英语', 'english'],
      ['商务英语', 'business english'],
      ['翻译', '英语翻译', 'translation', 'translation and interpreting'],
      ['日语', 'japanese'],
      ['汉语言文学', '汉语言', 'chinese language and literature'],
    ],
    keywords: ['英语', '日语', '韩语', '德语', '法语', '俄语', '西班牙语', '翻译', '外语', '语言', 'english', 'japanese', 'korean', 'german', 'french', 'russian', 'spanish', 'translation', 'interpreting', 'linguistic', 'literature', 'language'],
  },
  {
    id: 'law', zh: '法学类', en: 'law',
    majors: [['法学', '法律', 'law', 'legal studies'], ['知识产权', 'intellectual property']],
    keywords: ['法学', '法律', '知识产权', 'law', 'legal', 'intellectual property'],
  },
  {
    id: 'education', zh: '教育类', en: 'education',
    majors: [
      ['教育学', 'education'],
      ['学前教育', 'preschool education', 'early childhood education'],
      ['小学教育', 'primary education'],
      ['心理学', '应用心理学', 'psychology', 'applied psychology'],
    ],
    keywords: ['教育', '师范', '学前', '心理', 'education', 'teaching', 'pedagog', 'psycholog'],
  },
  {
    id: 'medicine', zh: '医学护理类', en: 'nursing and medicine',
    majors: [
      ['护理学', '护理', 'nursing'],
      ['助产', '助产学', 'midwifery'],
      ['临床医学', 'clinical medicine', 'medicine'],
      ['康复治疗技术', '康复治疗学', 'rehabilitation therapy'],
      ['医学检验技术', 'medical laboratory technology'],
    ],
    keywords: ['护理', '助产', '医学', '临床', '康复', '医疗', '卫生', 'nursing', 'midwifery', 'medic', 'clinical', 'rehabilitation', 'health'],
  },
  {
    id: 'design', zh: '设计艺术传媒类', en: 'design, arts and media',
    majors: [
      ['视觉传达设计', 'visual communication design'],
      ['环境设计', 'environmental design'],
      ['产品设计', 'product design'],
      ['数字媒体艺术', 'digital media art'],
      ['动画', 'animation'],
      ['广告学', 'advertising'],
      ['新闻学', 'journalism'],
      ['广播电视编导', 'radio and television directing'],
      ['服装与服饰设计', 'fashion design'],
    ],
    keywords: ['设计', '艺术', '美术', '动画', '媒体', '传媒', '广告', '新闻', '传播', '影视', '服装', '摄影', 'design', 'art', 'animation', 'media', 'advertising', 'journalism', 'communication', 'film', 'fashion', 'photograph'],
  },
];

/** Families close enough that a major in one is some evidence for the other. */
const ADJACENT_FAMILIES: readonly (readonly [string, string])[] = [
  ['computing', 'electrical'],
  ['electrical', 'mechanical'],
  ['finance', 'business'],
  ['logistics', 'business'],
  ['chemistry', 'medicine'],
  ['design', 'business'],
  ['languages', 'business'],
];

const normMajor = (s: string) => norm(s).replace(/[(（][^)）]*[)）]/g, '').replace(/专业$/, '').replace(/[\s\-–—·,，、/&]+/g, '');
const majorIndex = new Map<string, { major: string; families: Set<string> }>();
const majorPrefixes: { key: string; major: string }[] = [];
for (const f of MAJOR_FAMILIES) {
  for (const names of f.majors) {
    const major = normMajor(names[0]!);
    for (const n of names) {
      const key = normMajor(n);
      const entry = majorIndex.get(key) ?? { major, families: new Set<string>() };
      entry.families.add(f.id);
      majorIndex.set(key, entry);
      if (key.length >= (hasCjk(key) ? 2 : 5)) majorPrefixes.push({ key, major: entry.major });
    }
  }
}
majorPrefixes.sort((a, b) => b.key.length - a.key.length);
const familyKeywords = MAJOR_FAMILIES.flatMap((f) => f.keywords.map((k) => ({ key: normMajor(k), family: f.id })));

interface MajorInfo {
  /** As written. */
  label: string;
  key: string;
  /** Canonical major (the first Chinese name in the table), or null when the table does not list it. */
  major: string | null;
  families: Set<string>;
}

/** Places a major name: a listed major (exactly or as a prefix, e.g. "会计电算化"), else the family of its earliest keyword. */
export function classifyMajor(name: string): { major: string | null; families: string[] } {
  const info = majorInfo(name);
  return { major: info.major, families: [...info.families].sort() };
}

function majorInfo(label: string): MajorInfo {
  const key = normMajor(label);
  const exact = majorIndex.get(key);
  if (exact) return { label, key, major: exact.major, families: new Set(exact.families) };
  const prefix = majorPrefixes.find((p) => key.startsWith(p.key));
  if (prefix) return { label, key, major: prefix.major, families: new Set(majorIndex.get(prefix.key)!.families) };
  let best: { at: number; len: number } | null = null;
  let families = new Set<string>();
  for (const { key: kw, family } of familyKeywords) {
    const at = key.indexOf(kw);
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && kw.length > best.len)) {
      best = { at, len: kw.length };
      families = new Set([family]);
    } else if (at === best.at && kw.length === best.len) families.add(family);
  }
  return { label, key, major: null, families };
}

function majorMatch(job: MajorInfo, cand: MajorInfo): number {
  if (job.key === cand.key || (job.major !== null && job.major === cand.major)) return 1;
  for (const f of job.families) if (cand.families.has(f)) return 0.6;
  for (const [a, b] of ADJACENT_FAMILIES) {
    if ((job.families.has(a) && cand.families.has(b)) || (job.families.has(b) && cand.families.has(a))) return 0.3;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------------------------

const LANGUAGES: readonly [id: string, zh: string, en: string, names: readonly string[]][] = [
  ['english', '英语', 'English', ['英语', '英文', 'english', 'cet-4', 'cet-6', 'cet4', 'cet6', '四级', '六级', 'ielts', '雅思', 'toefl', '托福', 'tem-4', 'tem-8', 'tem4', 'tem8', '专四', '专八', 'bec']],
  ['japanese', '日语', 'Japanese', ['日语', '日文', 'japanese', 'jlpt']],
  ['korean', '韩语', 'Korean', ['韩语', '朝鲜语', 'korean', 'topik']],
  ['german', '德语', 'German', ['德语', 'german']],
  ['french', '法语', 'French', ['法语', 'french']],
  ['russian', '俄语', 'Russian', ['俄语', 'russian']],
  ['spanish', '西班牙语', 'Spanish', ['西班牙语', 'spanish']],
  ['cantonese', '粤语', 'Cantonese', ['粤语', '广东话', 'cantonese']],
  ['shanghainese', '上海话', 'Shanghainese', ['上海话', '沪语', 'shanghainese']],
  ['mandarin', '普通话', 'Mandarin', ['普通话', '汉语', '中文', 'mandarin', 'chinese', 'putonghua']],
];
const languageById = new Map(LANGUAGES.map((l) => [l[0], l]));

function languageOf(text: string): string | null {
  const t = norm(text);
  for (const [id, , , names] of LANGUAGES) {
    for (const n of names) {
      if (hasCjk(n) ? t.includes(n) : new RegExp(`(?<![a-z])${n.replace(/[-]/g, '\\-')}(?![a-z])`).test(t)) return id;
    }
  }
  return null;
}

/** A rough 1–3 proficiency from a written level, or null when it says nothing comparable. */
function levelRank(language: string, level: string | null): number | null {
  if (!level) return null;
  const l = norm(level);
  if (/native|母语/.test(l)) return 3;
  if (language === 'english') {
    if (/tem-?8|专八|专业八级/.test(l)) return 3;
    if (/cet-?6|六级|tem-?4|专四|专业四级/.test(l)) return 2;
    if (/cet-?4|四级/.test(l)) return 1;
    const ielts = /(?:ielts|雅思)\s*(\d(?:\.\d)?)/.exec(l);
    if (ielts) return Number(ielts[1]) >= 7 ? 3 : Number(ielts[1]) >= 6 ? 2 : 1;
    const toefl = /(?:toefl|托福)\s*(\d{2,3})/.exec(l);
    if (toefl) return Number(toefl[1]) >= 100 ? 3 : Number(toefl[1]) >= 80 ? 2 : 1;
  }
  if (language === 'japanese') {
    const n = /n([1-5])/.exec(l);
    if (n) return n[1] === '1' ? 3 : n[1] === '2' ? 2 : 1;
  }
  if (/fluent|proficient|流利|熟练|精通/.test(l)) return 2;
  if (/basic|elementary|一般|基础|入门/.test(l)) return 1;
  return null;
}

/** Certificates and names in resume text that show a language even when the languages section is empty. */
const TEXT_LANGUAGE_EVIDENCE: readonly [id: string, re: RegExp, level: string][] = [
  ['english', /tem-?8|专业八级|专八/, 'TEM-8'],
  ['english', /cet-?6|大学英语六级|英语六级/, 'CET-6'],
  ['english', /tem-?4|专业四级|专四/, 'TEM-4'],
  ['english', /cet-?4|大学英语四级|英语四级/, 'CET-4'],
  ['english', /ielts\s*\d(?:\.\d)?|雅思\s*\d(?:\.\d)?/, 'IELTS'],
  ['english', /toefl\s*\d{2,3}|托福\s*\d{2,3}/, 'TOEFL'],
  ['japanese', /jlpt\s*n[1-5]|日语\s*n[1-5]|日语能力/, 'JLPT'],
  ['korean', /topik/, 'TOPIK'],
];

// ---------------------------------------------------------------------------------------------
// Prepared inputs
// ---------------------------------------------------------------------------------------------

const DEGREE_RANK: Partial<Record<Degree, number>> = { junior_college: 0, bachelor: 1, master: 2, doctorate: 3 };
const DEGREE_ZH: Record<Degree, string> = { junior_college: '大专', bachelor: '本科', master: '硕士', doctorate: '博士', other: '其他' };
const DEGREE_EN: Record<Degree, string> = { junior_college: 'junior college', bachelor: "bachelor's", master: "master's", doctorate: 'doctorate', other: 'other' };

/** A job analysed once, for scoring against many candidates. */
export interface PreparedJob {
  readonly title: string;
  readonly required: readonly SkillReq[];
  readonly preferred: readonly SkillReq[];
  readonly degree: Degree | null;
  readonly majors: readonly MajorInfo[];
  readonly languages: readonly { id: string | null; label: string; rank: number | null }[];
  /** Term weights for experience relevance; they sum to 1. */
  readonly terms: ReadonlyMap<string, number>;
}

/** A candidate analysed once, for scoring against many jobs. */
export interface PreparedCandidate {
  readonly skills: ReadonlySet<string>;
  readonly text: string;
  readonly degree: Degree | null;
  readonly majors: readonly MajorInfo[];
  readonly languages: ReadonlyMap<string, string | null>;
  readonly experience: readonly { label: string; terms: ReadonlySet<string> }[];
}

/** Shares of the experience-relevance terms: the job title, its skills and its description. */
const TERM_BUDGET = { title: 0.35, skills: 0.35, description: 0.3 };

export function prepareJob(job: TScreeningJob): PreparedJob {
  const required = skillRequirements(job.skills);
  const preferred = skillRequirements(job.preferredSkills, new Set(required.map((s) => s.id)));
  const degree = job.degree && DEGREE_RANK[job.degree] !== undefined ? job.degree : null;
  const majors = job.majors.map((m) => m.trim()).filter(Boolean).map(majorInfo);
  const languages = job.languages.map((l) => l.trim()).filter(Boolean).map((label) => {
    const id = languageOf(label);
    return { id, label, rank: id ? levelRank(id, label) : null };
  });

  const weights = new Map<string, number>();
  const add = (terms: Iterable<string>, budget: number, scale: (t: string) => number = () => 1) => {
    const list = [...terms];
    const total = list.reduce((s, t) => s + scale(t), 0);
    if (!total) return 0;
    for (const t of list) weights.set(t, (weights.get(t) ?? 0) + (budget * scale(t)) / total);
    return budget;
  };
  const skillTerms = new Map<string, number>();
  for (const s of required) skillTerms.set(`s:${s.id}`, 2);
  for (const s of preferred) if (!skillTerms.has(`s:${s.id}`)) skillTerms.set(`s:${s.id}`, 1);
  let used = 0;
  used += add(textTerms(job.title), TERM_BUDGET.title);
  used += add(skillTerms.keys(), TERM_BUDGET.skills, (t) => skillTerms.get(t) ?? 1);
  used += add(textTerms(job.description), TERM_BUDGET.description);
  if (used > 0) for (const [t, w] of weights) weights.set(t, w / used);

  return { title: job.title.trim(), required, preferred, degree, majors, languages, terms: weights };
}

export function prepareCandidate(candidate: TScreeningCandidate): PreparedCandidate {
  const skills = new Set<string>();
  for (const raw of candidate.skills) {
    const id = canonicalSkill(raw);
    if (isKnownSkill(id)) skills.add(id);
    else {
      skills.add(id);
      for (const f of findSkills(raw)) skills.add(f);
    }
  }
  for (const id of findSkills(candidate.text)) skills.add(id);
  const experience = candidate.experience.map((e) => {
    const title = e.title?.trim() ?? '';
    const terms = textTerms(`${title}\n${e.description}`);
    for (const t of terms) if (t.startsWith('s:')) skills.add(t.slice(2));
    const desc = e.description.trim();
    return { label: title || (desc.length > 24 ? `${desc.slice(0, 24)}…` : desc), terms };
  });

  let degree: Degree | null = null;
  for (const e of candidate.education) {
    const r = e.degree ? DEGREE_RANK[e.degree] : undefined;
    if (r !== undefined && (degree === null || r > DEGREE_RANK[degree]!)) degree = e.degree;
  }
  const majors = candidate.education.map((e) => e.major?.trim() ?? '').filter(Boolean).map(majorInfo);

  const languages = new Map<string, string | null>();
  for (const l of candidate.languages) {
    const id = languageById.has(norm(l.language)) ? norm(l.language) : (languageOf(l.language) ?? norm(l.language));
    if (!languages.has(id) || (languages.get(id) === null && l.level)) languages.set(id, l.level?.trim() || null);
  }
  const text = norm(candidate.text);
  for (const [id, re, level] of TEXT_LANGUAGE_EVIDENCE) {
    if (!languages.has(id) && re.test(text)) languages.set(id, level);
  }
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 0x3400 && ch <= 0x9fff) cjk++;
  }
  const latinWords = (text.match(/[a-z]{2,}/g) ?? []).length;
  if (!languages.has('mandarin') && cjk >= 20) languages.set('mandarin', null);
  if (!languages.has('english') && latinWords >= 40 && latinWords > cjk / 2) languages.set('english', null);

  const skillText = `${text}\n${candidate.skills.map(norm).join('\n')}`;
  return { skills, text: skillText, degree, majors, languages, experience };
}

// ---------------------------------------------------------------------------------------------
// Criteria
// ---------------------------------------------------------------------------------------------

interface Assessment {
  applicable: boolean;
  score: number;
  matched: string[];
  missing: string[];
  zh: string;
  en: string;
}

const NOT_APPLICABLE: Record<TScreeningCriterionKey, [zh: string, en: string]> = {
  skills: ['岗位未设技能要求，此项不计分。', 'The job lists no skills, so this is not scored.'],
  degree: ['岗位未设学历要求，此项不计分。', 'The job sets no minimum degree, so this is not scored.'],
  major: ['岗位未限定专业，此项不计分。', 'The job names no majors, so this is not scored.'],
  experience: ['岗位没有可比对的描述，此项不计分。', 'The job has no title or description to compare, so this is not scored.'],
  languages: ['岗位未设语言要求，此项不计分。', 'The job requires no languages, so this is not scored.'],
};

const notApplicable = (): Assessment => ({ applicable: false, score: 0, matched: [], missing: [], zh: '', en: '' });

function skillCredit(req: SkillReq, c: PreparedCandidate): { credit: number; via: string | null } {
  if (c.skills.has(req.id) || (req.pattern !== null && req.pattern.test(c.text))) return { credit: 1, via: null };
  const related = RELATED_SKILLS[req.id]?.find((r) => c.skills.has(r));
  return related ? { credit: 0.5, via: related } : { credit: 0, via: null };
}

function assessSkills(j: PreparedJob, c: PreparedCandidate): Assessment {
  if (!j.required.length && !j.preferred.length) return notApplicable();
  const zhList = (xs: string[]) => xs.join('、');
  const enList = (xs: string[]) => xs.join(', ');
  const matched: string[] = [];
  const missing: string[] = [];
  const partialZh: string[] = [];
  const partialEn: string[] = [];
  let reqCredit = 0;
  let full = 0;
  for (const r of j.required) {
    const { credit, via } = skillCredit(r, c);
    reqCredit += credit;
    if (credit === 1) {
      full++;
      matched.push(r.label);
    } else if (via) {
      matched.push(`${r.label} ≈ ${skillLabel(via, 'en')}`);
      partialZh.push(`${r.label}（相近：${skillLabel(via, 'zh')}）`);
      partialEn.push(`${r.label} (related: ${skillLabel(via, 'en')})`);
    } else missing.push(r.label);
  }
  let prefCredit = 0;
  let prefFull = 0;
  for (const p of j.preferred) {
    const { credit, via } = skillCredit(p, c);
    prefCredit += credit;
    if (credit === 1) {
      prefFull++;
      matched.push(p.label);
    } else if (via) matched.push(`${p.label} ≈ ${skillLabel(via, 'en')}`);
  }
  const reqCov = j.required.length ? reqCredit / j.required.length : 0;
  const prefCov = j.preferred.length ? prefCredit / j.preferred.length : 0;
  const score = j.required.length && j.preferred.length ? 0.8 * reqCov + 0.2 * prefCov : j.required.length ? reqCov : prefCov;

  const zh: string[] = [];
  const en: string[] = [];
  if (j.required.length) {
    zh.push(`满足 ${full}/${j.required.length} 项必备技能`);
    en.push(`Meets ${full} of ${j.required.length} required skills`);
    if (partialZh.length) {
      zh.push(`${partialZh.length} 项以相近技能部分满足：${zhList(partialZh)}`);
      en.push(`${partialEn.length} partly met by related skills: ${enList(partialEn)}`);
    }
    if (missing.length) {
      zh.push(`缺少：${zhList(missing)}`);
      en.push(`missing: ${enList(missing)}`);
    }
  }
  if (j.preferred.length) {
    zh.push(`具备 ${prefFull}/${j.preferred.length} 项加分技能`);
    en.push(`has ${prefFull} of ${j.preferred.length} preferred skills`);
  }
  const enText = en.join('; ');
  return { applicable: true, score, matched, missing, zh: `${zh.join('，')}。`, en: `${enText[0]!.toUpperCase()}${enText.slice(1)}.` };
}

function assessDegree(j: PreparedJob, c: PreparedCandidate): Assessment {
  if (!j.degree) return notApplicable();
  const need = DEGREE_RANK[j.degree]!;
  const needZh = DEGREE_ZH[j.degree];
  const needEn = DEGREE_EN[j.degree];
  if (!c.degree) {
    return {
      applicable: true, score: 0, matched: [], missing: [needZh],
      zh: `简历中没有可识别的学历，岗位要求${needZh}及以上。`,
      en: `No recognised degree on the resume; the job asks for ${needEn} or above.`,
    };
  }
  const has = DEGREE_RANK[c.degree]!;
  const hasZh = DEGREE_ZH[c.degree];
  const hasEn = DEGREE_EN[c.degree];
  if (has >= need) {
    return {
      applicable: true, score: 1, matched: [hasZh], missing: [],
      zh: `最高学历${hasZh}，满足${needZh}及以上的要求。`,
      en: `Highest degree ${hasEn} meets the ${needEn} minimum.`,
    };
  }
  const score = need - has === 1 ? 0.5 : 0;
  return {
    applicable: true, score, matched: [], missing: [needZh],
    zh: `最高学历${hasZh}，${need - has === 1 ? '比要求的' : '低于要求的'}${needZh}${need - has === 1 ? '低一级，部分计分' : '两级及以上'}。`,
    en: `Highest degree ${hasEn} is ${need - has === 1 ? 'one level below' : 'more than one level below'} the ${needEn} minimum${need - has === 1 ? '; partly scored' : ''}.`,
  };
}

function assessMajor(j: PreparedJob, c: PreparedCandidate): Assessment {
  if (!j.majors.length) return notApplicable();
  const wanted = j.majors.map((m) => m.label);
  if (!c.majors.length) {
    return {
      applicable: true, score: 0, matched: [], missing: wanted,
      zh: `简历未注明专业；岗位要求：${wanted.join('、')}。`,
      en: `No major on the resume; the job asks for: ${wanted.join(', ')}.`,
    };
  }
  let best = { score: 0, job: j.majors[0]!, cand: c.majors[0]! };
  for (const jm of j.majors) {
    for (const cm of c.majors) {
      const s = majorMatch(jm, cm);
      if (s > best.score) best = { score: s, job: jm, cand: cm };
    }
  }
  const cm = best.cand.label;
  const jm = best.job.label;
  if (best.score === 1) {
    return { applicable: true, score: 1, matched: [cm], missing: [], zh: `专业“${cm}”符合要求。`, en: `Major "${cm}" is one of the majors asked for.` };
  }
  if (best.score > 0) {
    const same = best.score >= 0.6;
    return {
      applicable: true, score: best.score, matched: [`${cm} ≈ ${jm}`], missing: [],
      zh: same ? `专业“${cm}”与要求的“${jm}”同属一个学科大类，部分计分。` : `专业“${cm}”与要求的“${jm}”属相近学科，少量计分。`,
      en: same ? `Major "${cm}" is in the same discipline family as "${jm}"; partly scored.` : `Major "${cm}" is in a neighbouring discipline to "${jm}"; scored a little.`,
    };
  }
  const list = c.majors.map((m) => m.label);
  return {
    applicable: true, score: 0, matched: [], missing: wanted,
    zh: `专业“${list.join('、')}”与要求的${wanted.join('、')}不属同一学科大类。`,
    en: `Major "${list.join(', ')}" is outside the families of ${wanted.join(', ')}.`,
  };
}

/** Share of the job's term weight an entry must cover to count as fully relevant. */
const EXPERIENCE_SATURATION = 0.4;
/** Relevance at which an entry is listed as matching evidence. */
const EXPERIENCE_LISTED = 0.3;

function assessExperience(j: PreparedJob, c: PreparedCandidate): Assessment {
  if (!j.terms.size) return notApplicable();
  const requiredInExperience = j.required.filter((r) => c.experience.some((e) => e.terms.has(`s:${r.id}`)));
  const missing = j.required.filter((r) => !requiredInExperience.includes(r)).map((r) => r.label);
  if (!c.experience.length) {
    return {
      applicable: true, score: 0, matched: [], missing,
      zh: '简历中没有工作、实习或项目经历。',
      en: 'The resume lists no work, internship or project experience.',
    };
  }
  const rel = c.experience.map((e) => {
    let covered = 0;
    for (const t of e.terms) covered += j.terms.get(t) ?? 0;
    return { label: e.label, r: Math.min(1, covered / EXPERIENCE_SATURATION) };
  });
  const sorted = [...rel].sort((a, b) => b.r - a.r);
  const score = Math.min(1, (sorted[0]?.r ?? 0) + 0.3 * (sorted[1]?.r ?? 0) + 0.1 * (sorted[2]?.r ?? 0));
  const relevant = rel.filter((e) => e.r >= EXPERIENCE_LISTED).map((e) => e.label);
  const n = c.experience.length;
  const zhTitle = j.title ? `“${j.title}”` : '岗位';
  const enTitle = j.title ? `"${j.title}"` : 'the job';
  if (!relevant.length) {
    return {
      applicable: true, score, matched: [], missing,
      zh: n === 1 ? `唯一一段经历与${zhTitle}关联较弱。` : `${n} 段经历与${zhTitle}的关联都较弱。`,
      en: n === 1 ? `The one experience entry does not relate closely to ${enTitle}.` : `None of the ${n} experience entries relates closely to ${enTitle}.`,
    };
  }
  return {
    applicable: true, score, matched: relevant, missing,
    zh: n === 1 ? `经历“${relevant[0]}”与${zhTitle}相关。` : `${relevant.length}/${n} 段经历与${zhTitle}相关：${relevant.join('、')}。`,
    en: n === 1 ? `The experience entry "${relevant[0]}" relates to ${enTitle}.` : `${relevant.length} of ${n} experience entries relate to ${enTitle}: ${relevant.join(', ')}.`,
  };
}

function assessLanguages(j: PreparedJob, c: PreparedCandidate): Assessment {
  if (!j.languages.length) return notApplicable();
  const matched: string[] = [];
  const missing: string[] = [];
  const zhParts: string[] = [];
  const enParts: string[] = [];
  let total = 0;
  for (const req of j.languages) {
    const def = req.id ? languageById.get(req.id) : undefined;
    const zhName = def?.[1] ?? req.label;
    const enName = def?.[2] ?? req.label;
    if (!req.id || !c.languages.has(req.id)) {
      missing.push(req.label);
      continue;
    }
    const level = c.languages.get(req.id) ?? null;
    const rank = levelRank(req.id, level);
    const below = req.rank !== null && rank !== null && rank < req.rank;
    total += below ? 0.6 : 1;
    matched.push(level ? `${enName} (${level})` : enName);
    zhParts.push(`${zhName}${level ? `（${level}${below ? '，低于要求' : ''}）` : '（未注明水平）'}`);
    enParts.push(`${enName}${level ? ` (${level}${below ? ', below the level asked' : ''})` : ' (level not stated)'}`);
  }
  const score = total / j.languages.length;
  const zh = [zhParts.length ? `具备所需语言：${zhParts.join('、')}` : '', missing.length ? `缺少：${missing.join('、')}` : ''].filter(Boolean).join('；');
  const en = [enParts.length ? `Has the required languages: ${enParts.join(', ')}` : '', missing.length ? `missing: ${missing.join(', ')}` : ''].filter(Boolean).join('; ');
  return { applicable: true, score, matched, missing, zh: `${zh}。`, en: `${en[0]!.toUpperCase()}${en.slice(1)}.` };
}

const ASSESSORS: Record<TScreeningCriterionKey, (j: PreparedJob, c: PreparedCandidate) => Assessment> = {
  skills: assessSkills,
  degree: assessDegree,
  major: assessMajor,
  experience: assessExperience,
  languages: assessLanguages,
};

/**
 * Scores prepared inputs; `scoreCandidate` is this over `prepareJob` and `prepareCandidate`.
 * Points are in tenths and sum exactly to the total (largest-remainder rounding).
 */
export function scorePrepared(job: PreparedJob, candidate: PreparedCandidate): TScreeningResult {
  const assessed = SCREENING_CRITERIA.map((key) => ({ key, a: ASSESSORS[key](job, candidate) }));
  const weightSum = assessed.reduce((s, { key, a }) => s + (a.applicable ? CRITERION_WEIGHTS[key] : 0), 0);
  const rows = assessed.map(({ key, a }) => {
    const weight = a.applicable && weightSum > 0 ? CRITERION_WEIGHTS[key] / weightSum : 0;
    const score = a.applicable ? Math.min(1, Math.max(0, a.score)) : 0;
    return { key, a, weight, score, raw: weight * score * 1000 };
  });
  const target = Math.min(1000, Math.round(rows.reduce((s, r) => s + r.raw, 0)));
  const tenths = rows.map((r) => Math.floor(r.raw + 1e-9));
  let left = target - tenths.reduce((s, t) => s + t, 0);
  const order = rows.map((r, i) => ({ i, rem: r.raw - tenths[i]! })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    tenths[i]!++;
    left--;
  }
  const criteria: TScreeningCriterion[] = rows.map((r, i) => {
    const [naZh, naEn] = NOT_APPLICABLE[r.key];
    return {
      key: r.key,
      weight: r.weight,
      score: r.score,
      points: tenths[i]! / 10,
      matched: r.a.matched,
      missing: r.a.missing,
      explanationZh: r.a.applicable ? r.a.zh : naZh,
      explanationEn: r.a.applicable ? r.a.en : naEn,
    };
  });
  return { score: target / 10, criteria, version: SCORER_VERSION };
}

/**
 * How well a resume meets a job's requirements, 0–100, with each criterion's weight, points,
 * evidence and a one-sentence explanation in Chinese and English. Advisory only.
 */
export function scoreCandidate(job: TScreeningJob, candidate: TScreeningCandidate): TScreeningResult {
  return scorePrepared(prepareJob(job), prepareCandidate(candidate));
}
