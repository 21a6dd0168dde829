import type { TDegree } from '../schemas/graduates.js';
import type { TParsedResume } from '../schemas/resumes.js';
import type { TScreeningCandidate } from '../schemas/screening.js';

/**
 * What the scorer sees of a graduate: the resume (as corrected by the graduate) and the degree and
 * major of their file. Hardship, gender, age, ethnicity and hukou are never passed on.
 */
export function screeningCandidate(
  resume: { parsed: TParsedResume | null; text: string | null },
  file?: { major: string | null; degree: TDegree | null } | null,
): TScreeningCandidate {
  const parsed = resume.parsed;
  const education = (parsed?.education ?? []).map((e) => ({ major: e.major, degree: e.degree }));
  if (file && (file.major || file.degree)) education.push({ major: file.major, degree: file.degree });
  return {
    skills: parsed?.skills ?? [],
    education,
    experience: (parsed?.experience ?? []).map((e) => ({ title: e.title, description: e.description })),
    languages: (parsed?.languages ?? []).map((l) => ({ language: l.language, level: l.level })),
    text: resume.text ?? '',
  };
}
