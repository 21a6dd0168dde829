import { DEGREES, EMPLOYMENT_STATUSES, type TDegree } from '@yunpin/shared';

/** The import's columns, in template order; headers carry the Chinese and the English name. */
export const IMPORT_COLUMNS = [
  { key: 'name', zh: '姓名', en: 'Name', isRequired: true },
  { key: 'nationalId', zh: '身份证号', en: 'National ID', isRequired: true },
  { key: 'phone', zh: '手机号', en: 'Mobile', isRequired: false },
  { key: 'email', zh: '邮箱', en: 'Email', isRequired: false },
  { key: 'school', zh: '学校', en: 'School', isRequired: false },
  { key: 'major', zh: '专业', en: 'Major', isRequired: false },
  { key: 'degree', zh: '学历', en: 'Degree', isRequired: false },
  { key: 'graduationDate', zh: '毕业时间', en: 'Graduation date', isRequired: false },
  { key: 'hukouTown', zh: '户籍镇', en: 'Hukou town', isRequired: false },
  { key: 'registeredLocal', zh: '本区户籍', en: 'Registered locally', isRequired: false },
  { key: 'jobIntention', zh: '求职意向', en: 'Job intention', isRequired: false },
  { key: 'trainingNeeds', zh: '培训需求', en: 'Training needs', isRequired: false },
  { key: 'employmentStatus', zh: '就业状态', en: 'Employment status', isRequired: false },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

export const headerOf = (column: (typeof IMPORT_COLUMNS)[number]) => `${column.zh} ${column.en}`;

/** Which column a header cell names: by its Chinese or its English name. */
export function matchHeader(cell: string): ImportColumnKey | undefined {
  const text = cell.replace(/\s+/g, '').toLowerCase();
  if (!text) return undefined;
  return IMPORT_COLUMNS.find((c) => text.startsWith(c.zh) || text.includes(c.en.replace(/\s+/g, '').toLowerCase()))?.key;
}

const DEGREE_WORDS: Record<string, TDegree> = {
  专科: 'junior_college',
  大专: 'junior_college',
  高职: 'junior_college',
  本科: 'bachelor',
  学士: 'bachelor',
  硕士: 'master',
  研究生: 'master',
  博士: 'doctorate',
  其他: 'other',
};

export function parseDegree(text: string): TDegree | undefined {
  const lower = text.toLowerCase();
  return DEGREE_WORDS[text] ?? (DEGREES as readonly string[]).find((d) => d === lower) as TDegree | undefined;
}

type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
const STATUS_WORDS: Record<string, EmploymentStatus> = { 未就业: 'unemployed', 已就业: 'employed', 升学: 'further_study', 暂不就业: 'not_seeking' };

export function parseEmploymentStatus(text: string): EmploymentStatus | undefined {
  return STATUS_WORDS[text] ?? (EMPLOYMENT_STATUSES as readonly string[]).find((s) => s === text.toLowerCase()) as EmploymentStatus | undefined;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

export function parseYesNo(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (YES.has(lower)) return true;
  if (NO.has(lower)) return false;
  return undefined;
}

/** A graduation date as a year: YYYY, YYYY-MM, YYYY-MM-DD (or with / or .), YYYY年M月, or a spreadsheet date. */
export function parseGraduationYear(value: string | Date): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getUTCFullYear();
  const m = /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?|月)?)?$/.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return year >= 1990 && year <= 2100 ? year : undefined;
}
