/**
 * The 18-character resident identity number (居民身份证号, GB 11643-1999): six digits of the issuing
 * area, the date of birth as YYYYMMDD, a three-digit sequence and an ISO 7064 MOD 11-2 check
 * character (0-9 or X). Pure functions, shared by the server, the import and the client.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
/** Nobody registered in the census was born before this year. */
const EARLIEST_BIRTH_YEAR = 1900;

export type TNationalIdProblem = 'format' | 'birth_date' | 'check_digit';

export type TNationalIdCheck = { ok: true; value: string; birthDate: string } | { ok: false; problem: TNationalIdProblem };

/** Reasons in Chinese and English, for row reports and API errors. */
export const NATIONAL_ID_PROBLEM_TEXT: Record<TNationalIdProblem, { zh: string; en: string }> = {
  format: { zh: '身份证号应为 18 位（前 17 位为数字，末位为数字或 X）', en: 'The ID number must be 18 characters: 17 digits and a digit or X' },
  birth_date: { zh: '身份证号中的出生日期不合理', en: 'The date of birth in the ID number is not plausible' },
  check_digit: { zh: '身份证号校验位错误', en: 'The check digit of the ID number is wrong' },
};

/** Trims spaces and upper-cases a trailing x. */
export function normaliseNationalId(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 digits. */
export function nationalIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isPlausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return year >= EARLIEST_BIRTH_YEAR && date.getTime() <= today.getTime();
}

/** Checks format, date of birth (a real date, not in the future) and the check character. */
export function checkNationalId(raw: string, today: Date = new Date()): TNationalIdCheck {
  const value = normaliseNationalId(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  const birth = value.slice(6, 14);
  if (!isPlausibleBirthDate(birth, today)) return { ok: false, problem: 'birth_date' };
  if (nationalIdCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'check_digit' };
  return { ok: true, value, birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}` };
}

/** Shows the first four and last four characters only: 3101**********1234. */
export function maskNationalId(value: string): string {
  const v = normaliseNationalId(value);
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/** Builds a valid number from an area code, a birth date (YYYYMMDD) and a sequence: for seeds and tests. */
export function makeNationalId(area: string, birthDate: string, sequence: number): string {
  const first17 = `${area}${birthDate}${String(sequence % 1000).padStart(3, '0')}`;
  if (!/^\d{17}$/.test(first17)) throw new Error('area must be 6 digits and birthDate YYYYMMDD');
  return first17 + nationalIdCheckChar(first17);
}
