/**
 * Turns a resume's plain text into the structured profile the graduate then confirms. Heuristic,
 * for Chinese and English resumes: the text is cut into sections by their headings (教育背景,
 * Work Experience, ...), and each section is read line by line. Lines keep their column breaks
 * as tabs (see extract-text.ts), which separate school from major, company from job title.
 */
import { canonicalSkill, findSkills, isKnownSkill, type TParsedResume, type TResumeEducation, type TResumeExperience, type TResumeLanguage } from '@yunpin/shared';

type Degree = NonNullable<TResumeEducation['degree']>;
type SectionKind = 'header' | 'contact' | 'education' | 'skills' | 'experience' | 'languages' | 'other';

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

const HEADINGS: Record<Exclude<SectionKind, 'header'>, string[]> = {
  contact: [
    '个人信息', '基本信息', '基本资料', '个人资料', '联系方式', '联系信息', '个人概况',
    'contact', 'contacts', 'contact information', 'contact info', 'contact details', 'personal information', 'personal info', 'personal details', 'personal data',
  ],
  education: ['教育背景', '教育经历', '教育情况', '学习经历', '学历', '学历背景', 'education', 'education background', 'educational background', 'academic background', 'academics'],
  skills: [
    '专业技能', '技能', '技能特长', '个人技能', '职业技能', '技能证书', '技能与证书', '专业技能与证书', '技能/证书', '技术能力', '技术栈', 'it技能', '计算机能力', '计算机技能',
    'skills', 'skill', 'technical skills', 'professional skills', 'skills & certificates', 'skills and certificates', 'skills & certifications', 'skills and certifications', 'core skills', 'key skills', 'competencies', 'core competencies', 'tech stack',
  ],
  experience: [
    '工作经历', '工作经验', '实习经历', '实习经验', '项目经历', '项目经验', '实践经历', '社会实践', '校园经历', '在校经历', '实践经验', '工作与实习经历', '实习与工作经历',
    'experience', 'work experience', 'professional experience', 'working experience', 'employment', 'employment history', 'work history', 'career history',
    'internship', 'internships', 'internship experience', 'projects', 'project', 'project experience', 'relevant experience',
  ],
  languages: ['语言能力', '语言', '外语能力', '外语水平', '语言技能', '语言水平', 'languages', 'language', 'language skills', 'language proficiency'],
  other: [
    '自我评价', '个人评价', '自我介绍', '个人简介', '获奖情况', '荣誉奖项', '获奖经历', '荣誉证书', '证书', '资格证书', '兴趣爱好', '求职意向', '个人优势', '其他', '附加信息',
    'summary', 'profile', 'objective', 'career objective', 'about me', 'awards', 'honors', 'honours', 'awards & honors', 'certificates', 'certifications', 'interests', 'hobbies', 'references', 'publications', 'activities', 'additional information',
  ],
};

const headingLookup = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(HEADINGS) as [SectionKind, string[]][]) for (const n of names) headingLookup.set(n, kind);

const DECORATION = /^[\s#*■□●◆◇▶►▪•·\-=_【[(<《]+|[\s*■□●◆◇▶►▪•·\-=_】\])>》:：]+$/g;

/** The section a line opens when it is a heading ("教育背景", "EDUCATION", "工作经历 / Work Experience"), else null. */
export function headingKind(line: string): SectionKind | null {
  if (line.length > 40) return null;
  const bare = line.replace(DECORATION, '').replace(/\s*[(（][^)）]{0,12}[)）]$/, '').toLowerCase().replace(/\s+/g, ' ').trim();
  if (!bare) return null;
  const direct = headingLookup.get(bare);
  if (direct) return direct;
  // Bilingual headings: "教育背景 Education", "工作经历 | Work Experience".
  const parts = bare.split(/\s*[/|｜]\s*|(?<=[\u4e00-\u9fff])\s*(?=[a-z])|(?<=[a-z])\s*(?=[\u4e00-\u9fff])/);
  if (parts.length >= 2) {
    const kinds = parts.filter((p) => p !== '').map((p) => headingLookup.get(p));
    if (kinds.length > 0 && kinds.every((k) => k !== undefined && k === kinds[0])) return kinds[0]!;
  }
  return null;
}

/** "技能：Java、Python" — a heading with its content on the same line; only for skills and languages. */
function inlineHeading(line: string): { kind: 'skills' | 'languages'; rest: string } | null {
  const m = /^([^:]{1,16}):\s*(.+)$/.exec(line);
  if (!m) return null;
  const kind = headingLookup.get(m[1]!.trim().toLowerCase());
  return kind === 'skills' || kind === 'languages' ? { kind, rest: m[2]! } : null;
}

/** A line as normalised for matching (`n`) and as written (`raw`, kept for descriptions). */
export interface ResumeLine {
  n: string;
  raw: string;
}

interface Sections {
  lines: Record<SectionKind, ResumeLine[]>;
  /** Whether any heading was found at all. */
  structured: boolean;
}

function splitSections(lines: ResumeLine[]): Sections {
  const out: Record<SectionKind, ResumeLine[]> = { header: [], contact: [], education: [], skills: [], experience: [], languages: [], other: [] };
  let current: SectionKind = 'header';
  let structured = false;
  for (const line of lines) {
    const kind = headingKind(line.n);
    if (kind) {
      current = kind;
      structured = true;
      continue;
    }
    const inline = inlineHeading(line.n);
    if (inline && current !== inline.kind) {
      out[inline.kind].push({ n: inline.rest, raw: inline.rest });
      continue;
    }
    out[current].push(line);
  }
  return { lines: out, structured };
}

/** Splits a line into its columns: tabs, bars, runs of spaces; single spaces between CJK words too. */
function segments(line: string): string[] {
  return line
    .split(/\t|\s*[|｜]\s*|\s{2,}|\s+[-–—]\s+|\s*;\s*/)
    .flatMap((s) => (/[a-z]/i.test(s) ? [s] : s.split(/\s+/)))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const BULLET = /^[\s•·●○◦▪■□◆◇▶►\-*–—✓√>]+\s*/;
const stripBullet = (s: string) => s.replace(BULLET, '').trim();
const isBulleted = (s: string) => /^[•·●○◦▪■□◆◇▶►\-*✓√]/.test(s.trim());

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const MONTH_NAMES: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MON = Object.keys(MONTH_NAMES).sort((a, b) => b.length - a.length).join('|');
const DATE_SRC = String.raw`(?:(?:19|20)\d{2}(?:\s*[./\-年]\s*(?:1[0-2]|0?[1-9])(?!\d)\s*月?)?|(?:${MON})\.?,?\s*(?:19|20)\d{2}|(?:1[0-2]|0?[1-9])\s*/\s*(?:19|20)\d{2})`;
const ONGOING_SRC = String.raw`(?:至今|今|现在|目前|present|now|current|today|to date|ongoing)`;
const RANGE_RE = new RegExp(String.raw`(?<![\d])(${DATE_SRC})\s*(?:-|–|—|~|至|到|to|－)\s*(${DATE_SRC}|${ONGOING_SRC})(?![\d])`, 'i');
const ONGOING_RE = new RegExp(`^${ONGOING_SRC}$`, 'i');

/** "2022.07" → "2022-07", "2022年7月" → "2022-07", "Jul 2022" → "2022-07", "2022" → "2022"; ongoing → null. */
export function normaliseDate(raw: string): string | null {
  const s = raw.trim();
  if (ONGOING_RE.test(s)) return null;
  const year = /(19|20)\d{2}/.exec(s)?.[0];
  if (!year) return null;
  let month: number | undefined;
  const after = /(?:19|20)\d{2}\s*[./\-年]\s*(\d{1,2})/.exec(s);
  const before = /^(\d{1,2})\s*\/\s*(?:19|20)\d{2}/.exec(s);
  const named = new RegExp(`^(${MON})`, 'i').exec(s);
  if (after) month = Number(after[1]);
  else if (before) month = Number(before[1]);
  else if (named) month = MONTH_NAMES[named[1]!.toLowerCase()];
  return month && month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}` : year;
}

interface FoundRange {
  start: string | null;
  end: string | null;
  /** The line with the range cut out. */
  rest: string;
}

function findRange(line: string): FoundRange | null {
  const m = RANGE_RE.exec(line);
  if (!m) return null;
  return { start: normaliseDate(m[1]!), end: normaliseDate(m[2]!), rest: (line.slice(0, m.index) + '\t' + line.slice(m.index + m[0].length)).trim() };
}

const yearOf = (d: string | null): number | null => (d ? Number(d.slice(0, 4)) : null);

// ---------------------------------------------------------------------------------------------
// Contact
// ---------------------------------------------------------------------------------------------

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const MOBILE_RE = /(?<![\d+])(?:\(?\+?86\)?[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/;
const LANDLINE_RE = /(?<!\d)(0\d{2,3})[\s-]?(\d{7,8})(?!\d)/;
const PHONE_LABEL = /电话|手机|联系方式|tel|phone|mobile|cell/i;

const NAME_STOP = /简历|求职|意向|信息|资料|电话|手机|邮箱|地址|性别|年龄|民族|籍贯|出生|政治|面貌|学历|本科|硕士|博士|大专|专科|大学|学院|公司|工程师|经理|专员|技能|经历|经验|教育|评价/;
const NAME_STOP_EN = /\b(resume|résumé|curriculum|vitae|cv|profile|contact|phone|email|e-mail|address|mobile|objective|summary|university|college|engineer|developer|manager|analyst|experience|education|skills)\b/i;

function nameFrom(segment: string): string | null {
  const s = segment.replace(/^(?:姓\s*名|name)\s*:\s*/i, '').trim();
  const zh = /^([\u4e00-\u9fff]{1,6}(?:[·•][\u4e00-\u9fff]{1,10})?)(?:\s+[A-Za-z][A-Za-z .'-]*)?$/.exec(s);
  if (zh && zh[1]!.replace(/[·•]/g, '').length >= 2 && zh[1]!.length <= 12 && !NAME_STOP.test(zh[1]!)) return zh[1]!;
  if (/^[A-Z][A-Za-z'-]*(?:\s+[A-Z][A-Za-z'.-]*){1,3}$/.test(s) && !NAME_STOP_EN.test(s)) return s;
  return null;
}

function extractContact(sections: Sections, allLines: string[]): TParsedResume['contact'] {
  const preferred = [...sections.lines.header, ...sections.lines.contact].map((l) => l.n);
  const firstMatch = (re: RegExp, lines: string[]) => {
    for (const l of lines) {
      const m = re.exec(l);
      if (m) return m;
    }
    return null;
  };
  const emailMatch = firstMatch(EMAIL_RE, preferred) ?? firstMatch(EMAIL_RE, allLines);
  // Email addresses can contain digit runs that look like phone numbers; look at lines without them first.
  const noEmail = (ls: string[]) => ls.map((l) => l.replace(EMAIL_RE, ' '));
  const mobile = firstMatch(MOBILE_RE, noEmail(preferred)) ?? firstMatch(MOBILE_RE, noEmail(allLines));
  let phone: string | null = mobile ? `${mobile[1]}${mobile[2]}${mobile[3]}` : null;
  if (!phone) {
    const labelled = noEmail(allLines).filter((l) => PHONE_LABEL.test(l));
    const land = firstMatch(LANDLINE_RE, labelled);
    if (land) phone = `${land[1]}-${land[2]}`;
  }

  let name: string | null = null;
  for (const line of allLines) {
    const m = /(?:^|[\s\t|])(?:姓\s*名|name)\s*:\s*(.+)$/i.exec(line);
    if (!m) continue;
    const value = m[1]!.split(/\t|\s{2,}|[|,;]|\s+(?=(?:性\s*别|gender|电话|手机|phone|mobile|邮箱|email|年龄|age)\s*:)/i)[0]!.trim();
    name = nameFrom(value);
    if (name) break;
  }
  if (!name) {
    for (const line of preferred.slice(0, 8)) {
      for (const seg of segments(line)) {
        if (EMAIL_RE.test(seg) || /\d/.test(seg) || seg.includes(':')) continue;
        name = nameFrom(seg);
        if (name) break;
      }
      if (name) break;
    }
  }
  return { name: name ? name.slice(0, 64) : null, phone, email: emailMatch ? emailMatch[0].slice(0, 254) : null };
}

// ---------------------------------------------------------------------------------------------
// Education
// ---------------------------------------------------------------------------------------------

const DEGREE_PATTERNS: [Degree, RegExp[]][] = [
  ['doctorate', [/博士|ph\.?\s?d\b|\bdoctor of\b|\bdoctorate\b|\bd\.phil\b|\bedd\b/i]],
  ['master', [/硕士|研究生|\bmaster(?:'s)?\b|\bm\.?\s?sc\b|\bm\.?\s?eng\b|\bmba\b|\bmphil\b|\bm\.a\.|\bm\.s\.|\bmpa\b|\bllm\b/i, /\b(?:MS|MA)\b/]],
  ['bachelor', [/本科|学士|\bbachelor(?:'s)?\b|\bb\.?\s?sc\b|\bb\.?\s?eng\b|\bbba\b|\bllb\b|\bb\.a\.|\bb\.s\.|undergraduate/i, /\b(?:BS|BA)\b/]],
  ['junior_college', [/大专|专科|高职|\bassociate(?:'s)?(?: degree| of)\b|\bhnd\b|\bhigher diploma\b/i]],
  ['other', [/高中|中专|职高|技校|high school|secondary school/i]],
];

/** The degree a text names: 大专/专科 → junior_college, 本科/学士/Bachelor/BSc → bachelor, 硕士/研究生/Master/MSc → master, 博士/PhD → doctorate. */
export function degreeOf(text: string): Degree | null {
  for (const [degree, res] of DEGREE_PATTERNS) if (res.some((re) => re.test(text))) return degree;
  return null;
}

const EN_FIELDS = 'Science|Sciences|Arts|Engineering|Business Administration|Laws?|Education|Fine Arts|Philosophy|Management|Economics|Medicine|Applied Science|Technology|Commerce|Finance|Accountancy|Accounting|Public Administration|Social Work|Nursing|Architecture|Music|Pharmacy';
const EN_DEGREE_RE = new RegExp(
  String.raw`(?:Ph\.?\s?D\.?|Doctor of (?:${EN_FIELDS})|Doctorate|D\.Phil\.?|(?:Master|Bachelor)(?:'s)?(?: of (?:${EN_FIELDS}))?|Associate(?:'s)?(?: Degree| of (?:${EN_FIELDS}))?|M\.?\s?Sc\.?|M\.?\s?Eng\.?|MBA|MPhil|M\.A\.|M\.S\.|B\.?\s?Sc\.?|B\.?\s?Eng\.?|BBA|B\.A\.|B\.S\.|\bMS\b|\bMA\b|\bBS\b|\bBA\b)(?:\s+degree)?(?:\s*\((?:Hons?|Honou?rs)\.?\))?(?:\s*(?:\bin\b|,|:|-|–)\s*|\s+)([A-Z][^\t|,(;]*)`,
);

const CJK_SCHOOL_RE = /^[\u4e00-\u9fff()（）·]{1,30}?(?:大学|学院|学校|研究院|研究所|党校|中学)(?:大学)?/;
const EN_SCHOOL_RE = /\b(?:University|College|Institute|Academy|School|Polytechnic|Universität|Université|Conservatory)\b/;

function schoolOf(segment: string): string | null {
  const s = segment.replace(/^(?:毕业院校|学校|院校|school|university|institution)\s*:\s*/i, '');
  if (/[\u4e00-\u9fff]/.test(s) && !/[a-z]{3}/i.test(s)) {
    const m = CJK_SCHOOL_RE.exec(s);
    return m ? m[0] : null;
  }
  return EN_SCHOOL_RE.test(s) ? s.replace(/\s*,\s*[A-Z][a-z]+(?:,\s*[A-Z][a-z]+)?$/, '').trim() : null;
}

const NOT_A_MAJOR = /gpa|绩点|排名|主修|课程|荣誉|奖学金|成绩|学分|论文|导师|rank|courses?|coursework|thesis|advisor|honou?rs|award|scholarship|city|province|china|shanghai|beijing/i;

function majorFromSegment(segment: string): string | null {
  const labelled = /^(?:专业|所学专业|major|field of study)\s*:\s*(.+)$/i.exec(segment);
  const s = (labelled ? labelled[1]! : segment).replace(/专业$/, '').trim();
  if (!s || s.length > 40 || /^\d/.test(s) || degreeOf(s) || NOT_A_MAJOR.test(s)) return null;
  if (!labelled && /[a-z]/i.test(s) && !/[\u4e00-\u9fff]/.test(s)) return null; // English majors come from "BSc in X" or "Major: X"
  return s;
}

interface EduDraft {
  school: string | null;
  major: string | null;
  degree: Degree | null;
  startYear: number | null;
  endYear: number | null;
}

function extractEducation(lines: string[]): TResumeEducation[] {
  const out: EduDraft[] = [];
  let cur: EduDraft | null = null;
  const start = (): EduDraft => {
    if (cur && (cur.school || cur.degree || cur.major)) out.push(cur);
    cur = { school: null, major: null, degree: null, startYear: null, endYear: null };
    return cur;
  };
  for (const raw of lines) {
    const line = stripBullet(raw);
    const range = findRange(line);
    const rest = range ? range.rest : line;
    const segs = segments(rest);
    let school: string | null = null;
    for (const s of segs) {
      school = schoolOf(s);
      if (school) break;
    }
    const degree = degreeOf(rest);
    const labelledMajor = /(?:^|\t|\s)(?:专业|所学专业|major)\s*:\s*([^\t|,;]+)/i.exec(rest);
    const anchor = Boolean(school || degree || range || labelledMajor);
    if (!anchor) continue;
    let c: EduDraft = cur ?? start();
    if ((school && c.school) || (range && c.startYear !== null && (c.school || c.degree)) || (degree && c.degree && !school && !range)) c = start();
    if (school) c.school ??= school;
    if (degree) c.degree ??= degree;
    if (range) {
      c.startYear ??= yearOf(range.start);
      c.endYear ??= range.end === null ? null : yearOf(range.end);
    } else if (!c.endYear) {
      const single = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(rest);
      if (single) c.endYear = Number(single[1]);
    }
    if (!c.major) {
      const en = EN_DEGREE_RE.exec(rest);
      if (labelledMajor) c.major = labelledMajor[1]!.replace(/专业$/, '').trim();
      else if (en && en[1]) c.major = en[1].replace(/\s*\((?:hons?|honou?rs)\)\s*$/i, '').trim();
      else {
        for (const s of segs) {
          if (schoolOf(s) || (school && s.includes(school))) continue;
          const m = majorFromSegment(s);
          if (m) {
            c.major = m;
            break;
          }
        }
      }
    }
  }
  if (cur) start();
  const clampYear = (y: number | null) => (y !== null && y >= 1950 && y <= 2100 ? y : null);
  return out.slice(0, 10).map((e) => ({
    school: e.school ? e.school.slice(0, 200) : null,
    major: e.major ? e.major.slice(0, 200) : null,
    degree: e.degree,
    startYear: clampYear(e.startYear),
    endYear: clampYear(e.endYear),
  }));
}

// ---------------------------------------------------------------------------------------------
// Experience
// ---------------------------------------------------------------------------------------------

const ORG_RE = /(公司|集团|银行|医院|学校|大学|学院|中心|研究院|研究所|事务所|工作室|协会|委员会|政府|街道|社区|酒店|商场|超市|门店|分行|支行|工厂|报社|电视台|出版社|基金会|幼儿园|\b(?:Ltd|Limited|Inc|Corp|Corporation|Co|Company|Group|Bank|LLC|GmbH|PLC|Hospital|University|College|Institute|Agency|Bureau|Studio|Consulting|Technologies|Technology|Partners|Services|Solutions|Foundation|Association|Factory|Laboratory|Lab|Labs)\b\.?)/gi;
const TITLE_RE = /(工程师|经理|主管|助理|专员|实习生|实习|总监|主任|顾问|代表|分析师|设计师|开发|运营|会计|出纳|文员|教师|老师|讲师|护士|技术员|操作员|研究员|组长|负责人|店长|销售|客服|翻译|编辑|记者|律师|秘书|前台|司机|干事|部长|委员|队长|\b(?:Engineer|Developer|Manager|Intern|Assistant|Analyst|Specialist|Consultant|Designer|Director|Coordinator|Officer|Representative|Accountant|Teacher|Lead|Leader|Head|Administrator|Technician|Researcher|Scientist|Architect|Programmer|Editor|Writer|Clerk|Executive|Supervisor|Trainee|Nurse|Tutor|Member|President|Volunteer|Cashier|Operator|Agent)s?\b)/gi;

/** Position just after the last keyword match, or -1. */
function lastMatchEnd(re: RegExp, s: string): number {
  let end = -1;
  for (const m of s.matchAll(re)) end = m.index + m[0].length;
  return end;
}

function splitHeader(header: string): string[] {
  const protectedText = header.replace(/\bCo\.,(\s*)Ltd/gi, 'Co.\uE000$1Ltd').replace(/\bInc\.,/g, 'Inc.\uE000');
  let parts = segments(protectedText);
  if (parts.length === 1) {
    const p = parts[0]!;
    const at = /^(.+?)\s+(?:at|@)\s+(.+)$/i.exec(p);
    if (at) parts = [at[1]!, at[2]!];
    else if (p.includes(',')) parts = p.split(/\s*,\s*/);
  }
  return parts.map((p) => p.replace(/\uE000/g, ',').trim()).filter((p) => p !== '');
}

/** Which of a header's columns is the employer and which the job title. */
function organisationAndTitle(header: string): { organisation: string | null; title: string | null } {
  const parts = splitHeader(header).filter((p) => !/^(?:全职|兼职|实习|full[- ]time|part[- ]time|remote|上海|北京)$/i.test(p));
  let organisation: string | null = null;
  let title: string | null = null;
  const unassigned: string[] = [];
  for (const p of parts) {
    const orgEnd = lastMatchEnd(ORG_RE, p);
    const titleEnd = lastMatchEnd(TITLE_RE, p);
    const looksOrg = orgEnd >= 0 && orgEnd >= titleEnd;
    const looksTitle = titleEnd >= 0 && titleEnd > orgEnd;
    if (looksOrg && !organisation) organisation = p;
    else if (looksTitle && !title) title = p;
    else unassigned.push(p);
  }
  for (const p of unassigned) {
    if (!organisation) organisation = p;
    else if (!title) title = p;
  }
  const clip = (s: string | null) => (s ? s.replace(/^(?:公司|单位|company|employer|职位|岗位|title|role|position)\s*:\s*/i, '').slice(0, 200) : null);
  return { organisation: clip(organisation), title: clip(title) };
}

function extractExperience(lines: ResumeLine[]): TResumeExperience[] {
  interface Draft {
    header: string;
    start: string | null;
    end: string | null;
    description: string[];
  }
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  /** A short, unbulleted line not yet claimed: maybe the header of the next dated entry. */
  let pending: { text: string; owner: Draft | null } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.n;
    const range = findRange(raw);
    if (range && !isBulleted(raw)) {
      let header = stripBullet(range.rest);
      const parts = splitHeader(header);
      if (pending && parts.length < 2) {
        // "Acme Ltd." on one line, "Engineer   2020 – 2022" (or only the dates) on the next.
        header = `${pending.text}\t${header}`.trim();
        if (pending.owner) pending.owner.description.pop();
      }
      pending = null;
      const next = lines[i + 1]?.n;
      if (splitHeader(header).length < 2 && next !== undefined && !isBulleted(next) && !findRange(next) && next.length <= 40 && !/[。；;.!]$/.test(next) && lastMatchEnd(TITLE_RE, next) >= 0) {
        header = `${header}\t${next}`.trim();
        i++;
      }
      cur = { header, start: range.start, end: range.end, description: [] };
      drafts.push(cur);
      continue;
    }
    const text = stripBullet(raw);
    if (!text) continue;
    if (cur) cur.description.push(stripBullet(lines[i]!.raw));
    const sentenceEnd = /[。；;!！?？]$/.test(text) || (/\.$/.test(text) && !/\b(?:Ltd|Inc|Co|Corp|Dept)\.$/i.test(text));
    pending = !isBulleted(raw) && text.length <= 60 && !sentenceEnd ? { text, owner: cur } : null;
  }
  return drafts.slice(0, 20).map((d) => {
    const { organisation, title } = organisationAndTitle(d.header);
    return { organisation, title, start: d.start, end: d.end, description: d.description.join('\n').slice(0, 4000) };
  });
}

// ---------------------------------------------------------------------------------------------
// Skills
// ---------------------------------------------------------------------------------------------

const SKILL_PREFIX = /^(?:熟练掌握|熟练使用|熟练运用|熟练操作|熟练|精通|掌握|熟悉|了解|能够使用|能够|能使用|会使用|具备|擅长|具有|proficient in|proficient with|familiar with|experienced in|experience with|knowledge of|skilled in|good at|strong|basic|advanced)\s*:?\s*/i;
const SKILL_SUFFIX = /(?:等相关技能|等技能|等软件|等工具|等编程语言|等语言|编程语言|等|编程|软件操作|软件|工具|基础|技能|证书|操作)$/;
const LANGUAGE_CERT = /\b(?:cet|tem|ielts|toefl|toeic|jlpt|topik|bec|n[1-5])\b|四级|六级|八级|雅思|托福/i;

/** Canonical skill ids listed in a skills section, in the order written. */
function skillsFromList(lines: string[]): string[] {
  const out: string[] = [];
  const add = (id: string) => {
    if (!out.includes(id)) out.push(id);
  };
  for (const raw of lines) {
    const line = stripBullet(raw);
    // "编程语言：Java、Python" — a short label, then the list; the label itself may name a skill ("办公软件：…").
    const labelled = /^([^:,、]{1,12}):\s*(.+)$/.exec(line);
    const list = labelled ? labelled[2]! : line;
    if (labelled) {
      const label = canonicalSkill(labelled[1]!);
      if (isKnownSkill(label)) add(label);
    }
    for (const item of list.split(/[,，、;；|·•\t]|\s{2,}|\s+and\s+|\s*及\s*|以及|和/)) {
      const whole = item.trim().replace(/[。.]$/, '').trim();
      const cleaned = whole.replace(SKILL_PREFIX, '').trim();
      if (!cleaned || LANGUAGE_CERT.test(cleaned)) continue;
      const candidates = [whole, cleaned, cleaned.replace(SKILL_SUFFIX, '').trim()];
      const known = candidates.map(canonicalSkill).find(isKnownSkill);
      if (known) {
        add(known);
        continue;
      }
      const parts = cleaned.split('/').map((p) => canonicalSkill(p.replace(SKILL_SUFFIX, '')));
      if (parts.length > 1 && parts.some(isKnownSkill)) {
        parts.filter(isKnownSkill).forEach(add);
        continue;
      }
      const found = findSkills(cleaned);
      if (found.length > 0) {
        found.forEach(add);
        continue;
      }
      // A tool the vocabulary does not know ("Kotlin", "Tableau"): keep it when it reads as a name, not a phrase.
      const bare = cleaned.replace(SKILL_SUFFIX, '').trim();
      if (/^[A-Za-z][A-Za-z0-9+#.\- ]{0,23}$/.test(bare) && bare.split(/\s+/).length <= 3 && !/^(?:and|or|etc|the|with)$/i.test(bare)) add(canonicalSkill(bare));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------------------------

const LANGUAGES: [string, RegExp][] = [
  ['english', /英语|英文|\benglish\b/i],
  ['japanese', /日语|日文|\bjapanese\b/i],
  ['korean', /韩语|韩文|朝鲜语|\bkorean\b/i],
  ['german', /德语|\bgerman\b/i],
  ['french', /法语|\bfrench\b/i],
  ['russian', /俄语|\brussian\b/i],
  ['spanish', /西班牙语|\bspanish\b/i],
  ['italian', /意大利语|\bitalian\b/i],
  ['portuguese', /葡萄牙语|\bportuguese\b/i],
  ['arabic', /阿拉伯语|\barabic\b/i],
  ['cantonese', /粤语|广东话|\bcantonese\b/i],
  ['mandarin', /普通话|汉语|中文|\bmandarin\b|\bchinese\b/i],
];

interface LevelRule {
  language: string;
  re: RegExp;
  level: (m: RegExpExecArray) => string;
  /** Rank among the same test, higher is better (CET-6 over CET-4). */
  rank?: (m: RegExpExecArray) => number;
}

const CN_NUM: Record<string, string> = { 四: '4', 六: '6', 八: '8', 一: '1', 二: '2', 三: '3' };

/** Tests that name their language: found anywhere in the resume. */
const TEST_LEVELS: LevelRule[] = [
  { language: 'english', re: /\bCET[-\s]?([46])\b/i, level: (m) => `CET-${m[1]}`, rank: (m) => Number(m[1]) },
  { language: 'english', re: /(?:大学)?英语\s*([四六])\s*级/, level: (m) => `CET-${CN_NUM[m[1]!]}`, rank: (m) => Number(CN_NUM[m[1]!]) },
  { language: 'english', re: /\bTEM[-\s]?([48])\b/i, level: (m) => `TEM-${m[1]}`, rank: (m) => 10 + Number(m[1]) },
  { language: 'english', re: /英语专业\s*([四八])\s*级|专业([四八])级/, level: (m) => `TEM-${CN_NUM[(m[1] ?? m[2])!]}`, rank: (m) => 10 + Number(CN_NUM[(m[1] ?? m[2])!]) },
  { language: 'english', re: /(?:\bIELTS\b|雅思)\s*(?:score\s*)?:?\s*(\d(?:\.[05])?)(?!\d)/i, level: (m) => `IELTS ${m[1]!.includes('.') ? m[1] : `${m[1]}.0`}`, rank: (m) => 20 + Number(m[1]) },
  { language: 'english', re: /(?:\bTOEFL\b(?:\s*iBT)?|托福)\s*(?:score\s*)?:?\s*(\d{2,3})(?!\d)/i, level: (m) => `TOEFL ${m[1]}`, rank: (m) => 20 + Number(m[1]) / 13 },
  { language: 'english', re: /\bTOEIC\b\s*:?\s*(\d{3})(?!\d)/i, level: (m) => `TOEIC ${m[1]}`, rank: () => 15 },
  { language: 'english', re: /\bBEC\s*(Preliminary|Vantage|Higher|初级|中级|高级)/i, level: (m) => `BEC ${m[1]}`, rank: () => 15 },
  { language: 'japanese', re: /(?:\bJLPT\b|日语能力考试|日语)\s*[-:]?\s*N\s*([1-5])(?!\d)/i, level: (m) => `JLPT N${m[1]}`, rank: (m) => 6 - Number(m[1]) },
  { language: 'japanese', re: /日语\s*([一二三四])\s*级/, level: (m) => `日语${m[1]}级`, rank: (m) => 5 - Number(CN_NUM[m[1]!] ?? 4) },
  { language: 'korean', re: /(?:\bTOPIK\b|韩语能力考试)\s*(?:level\s*)?([1-6])\s*级?/i, level: (m) => `TOPIK ${m[1]}`, rank: (m) => Number(m[1]) },
  { language: 'german', re: /\b(TestDaF|DSH|Goethe-Zertifikat)\s*([ABC][12]|[1-5]|TDN\s*[345])?/i, level: (m) => (m[2] ? `${m[1]} ${m[2]}` : m[1]!), rank: () => 1 },
  { language: 'french', re: /\b(DELF|DALF|TCF|TEF)\s*([ABC][12])?/i, level: (m) => (m[2] ? `${m[1]} ${m[2]}` : m[1]!), rank: () => 1 },
  { language: 'mandarin', re: /普通话\s*([一二三])\s*级\s*([甲乙])\s*等/, level: (m) => `${m[1]}级${m[2]}等`, rank: (m) => 4 - Number(CN_NUM[m[1]!]) },
  { language: 'mandarin', re: /\bHSK\s*([1-9])\b/i, level: (m) => `HSK ${m[1]}`, rank: (m) => Number(m[1]) },
];

/** Levels without a test, valid only next to a language name. */
const PLAIN_LEVEL = /(母语|流利|熟练|精通|良好|一般|基础|入门|较好|日常交流|商务|native(?: speaker)?|bilingual|fluent|proficient|advanced|upper[- ]intermediate|intermediate|basic|elementary|beginner|conversational|business(?: level| fluent)?|working proficiency|full professional proficiency|\b[ABC][12]\b)/i;

function extractLanguages(sectionLines: string[], allText: string): TResumeLanguage[] {
  const found = new Map<string, { level: string | null; rank: number; fromSection: boolean }>();
  const put = (language: string, level: string | null, rank: number, fromSection: boolean) => {
    const prev = found.get(language);
    if (!prev) {
      found.set(language, { level, rank, fromSection });
      return;
    }
    // A level written in the languages section wins over one found elsewhere; a better test result over a worse one.
    if (prev.level === null && level !== null) found.set(language, { level, rank, fromSection });
    else if (level !== null && fromSection === prev.fromSection && rank > prev.rank) found.set(language, { level, rank, fromSection });
    else if (level !== null && fromSection && !prev.fromSection) found.set(language, { level, rank, fromSection });
  };
  const testIn = (text: string, language?: string): { language: string; level: string; rank: number } | null => {
    let best: { language: string; level: string; rank: number } | null = null;
    for (const rule of TEST_LEVELS) {
      if (language && rule.language !== language) continue;
      const m = rule.re.exec(text);
      if (!m) continue;
      const rank = rule.rank ? rule.rank(m) : 0;
      if (!best || rank > best.rank) best = { language: rule.language, level: rule.level(m), rank };
    }
    return best;
  };

  for (const raw of sectionLines) {
    const line = stripBullet(raw);
    let lastLanguage: string | null = null;
    for (const seg of line.split(/[,，;；|\t]|\s{2,}/)) {
      const s = seg.trim();
      if (!s) continue;
      const named = LANGUAGES.filter(([, re]) => re.test(s)).map(([id]) => id);
      const language = named[0] ?? null;
      const test = testIn(s, language ?? undefined) ?? (language ? null : testIn(s));
      const target: string | null = language ?? test?.language ?? lastLanguage;
      if (!target) continue;
      if (test && test.language === target) {
        put(target, test.level.slice(0, 60), 100 + test.rank, true);
      } else {
        const rest = language ? s.replace(LANGUAGES.find(([id]) => id === language)![1], '') : s;
        const plain = PLAIN_LEVEL.exec(rest);
        put(target, plain ? plain[1]!.trim().slice(0, 60) : null, plain ? 50 : 0, true);
      }
      lastLanguage = target;
    }
  }
  for (const rule of TEST_LEVELS) {
    for (const m of allText.matchAll(new RegExp(rule.re.source, rule.re.flags.includes('g') ? rule.re.flags : rule.re.flags + 'g'))) {
      put(rule.language, rule.level(m as RegExpExecArray).slice(0, 60), rule.rank ? rule.rank(m as RegExpExecArray) : 0, false);
    }
  }
  return [...found.entries()].slice(0, 10).map(([language, v]) => ({ language, level: v.level }));
}

// ---------------------------------------------------------------------------------------------
// The whole profile
// ---------------------------------------------------------------------------------------------

/**
 * Non-empty lines of the text, each also NFKC-normalised for matching (full-width colons, digits
 * and brackets become ASCII) while the original is kept for descriptions.
 */
export function resumeLines(text: string): ResumeLine[] {
  const out: ResumeLine[] = [];
  for (const line of text.split(/\r?\n/)) {
    const raw = line.replace(/\u00a0|\u3000/g, ' ').replace(/[ ]+\t|\t[ ]+/g, '\t').trim();
    if (raw !== '') out.push({ n: raw.normalize('NFKC').replace(/\u00a0|\u3000/g, ' ').trim(), raw });
  }
  return out;
}

export function extractProfile(text: string): TParsedResume {
  const all = resumeLines(text);
  const lines = all.map((l) => l.n);
  const sections = splitSections(all);
  const s = sections.lines;
  const ns = (ls: ResumeLine[]) => ls.map((l) => l.n);

  let educationLines = ns(s.education);
  let experienceLines = s.experience;
  if (!sections.structured) {
    // No headings at all: take lines that name a school for education, dated lines elsewhere for experience.
    educationLines = lines.filter((l) => segments(l).some((seg) => schoolOf(seg)) || (degreeOf(l) !== null && l.length < 60));
    const rest = all.filter((l) => !educationLines.includes(l.n) && !EMAIL_RE.test(l.n));
    const firstDated = rest.findIndex((l) => findRange(l.n) !== null);
    experienceLines = firstDated >= 0 ? rest.slice(firstDated) : [];
  }

  const listed = skillsFromList(ns(s.skills));
  const everywhere = findSkills(lines.join('\n'));
  const skills = [...listed, ...everywhere.filter((id) => !listed.includes(id))].filter((id) => id.length <= 60).slice(0, 100);

  return {
    contact: extractContact(sections, lines),
    education: extractEducation(educationLines),
    skills,
    experience: extractExperience(experienceLines),
    languages: extractLanguages(ns(s.languages), lines.join('\n')),
  };
}
