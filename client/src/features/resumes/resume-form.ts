import { ZParsedResumeSchema, type TDegree, type TParsedResume } from '@yunpin/shared';
import { blankToNull } from '../../lib/format';

interface TEducationRow {
  school?: string;
  major?: string;
  degree?: TDegree | null;
  startYear?: number | null;
  endYear?: number | null;
}

interface TExperienceRow {
  organisation?: string;
  title?: string;
  start?: string;
  end?: string;
  description?: string;
}

interface TLanguageRow {
  language?: string;
  level?: string;
}

/** The parsed profile as the graduate corrects it: blank inputs instead of nulls. */
export interface TResumeFormValues {
  name?: string;
  phone?: string;
  email?: string;
  education?: TEducationRow[];
  skills?: string[];
  experience?: TExperienceRow[];
  languages?: TLanguageRow[];
}

export function resumeFormValues(parsed: TParsedResume | null): TResumeFormValues {
  if (!parsed) return { education: [], skills: [], experience: [], languages: [] };
  return {
    name: parsed.contact.name ?? '',
    phone: parsed.contact.phone ?? '',
    email: parsed.contact.email ?? '',
    education: parsed.education.map((row) => ({
      school: row.school ?? '',
      major: row.major ?? '',
      degree: row.degree,
      startYear: row.startYear,
      endYear: row.endYear,
    })),
    skills: parsed.skills,
    experience: parsed.experience.map((row) => ({
      organisation: row.organisation ?? '',
      title: row.title ?? '',
      start: row.start ?? '',
      end: row.end ?? '',
      description: row.description,
    })),
    languages: parsed.languages.map((row) => ({ language: row.language, level: row.level ?? '' })),
  };
}

function isBlankRow(row: object): boolean {
  return Object.values(row).every((value) => value === undefined || value === null || (typeof value === 'string' && value.trim() === ''));
}

/** The confirmed profile, checked with the server's schema; null when a value is out of range. Empty rows are dropped. */
export function resumePayload(values: TResumeFormValues): TParsedResume | null {
  const parsed = ZParsedResumeSchema.safeParse({
    contact: { name: blankToNull(values.name), phone: blankToNull(values.phone), email: blankToNull(values.email) },
    education: (values.education ?? [])
      .filter((row) => !isBlankRow(row))
      .map((row) => ({
        school: blankToNull(row.school),
        major: blankToNull(row.major),
        degree: row.degree ?? null,
        startYear: row.startYear ?? null,
        endYear: row.endYear ?? null,
      })),
    skills: [...new Set((values.skills ?? []).map((skill) => skill.trim()).filter((skill) => skill !== ''))],
    experience: (values.experience ?? [])
      .filter((row) => !isBlankRow(row))
      .map((row) => ({
        organisation: blankToNull(row.organisation),
        title: blankToNull(row.title),
        start: blankToNull(row.start),
        end: blankToNull(row.end),
        description: row.description?.trim() ?? '',
      })),
    languages: (values.languages ?? [])
      .filter((row) => row.language?.trim())
      .map((row) => ({ language: row.language?.trim().toLowerCase() ?? '', level: blankToNull(row.level) })),
  });
  return parsed.success ? parsed.data : null;
}
