import dayjs, { type Dayjs } from 'dayjs';
import { ZCreateJobSchema, type TCreateJob, type TDegree, type TJob } from '@yunpin/shared';

const DATE_FORMAT = 'YYYY-MM-DD';

/** The fields of the job form; the deadline is a date in Beijing. */
export interface TJobFormValues {
  title?: string;
  description?: string;
  skills?: string[];
  preferredSkills?: string[];
  degree?: TDegree | null;
  majors?: string[];
  languages?: string[];
  townId?: string;
  salaryMin?: number | null;
  salaryMax?: number | null;
  headcount?: number | null;
  deadline?: Dayjs | null;
}

export function newJobValues(): TJobFormValues {
  return {
    description: '',
    skills: [],
    preferredSkills: [],
    degree: null,
    majors: [],
    languages: [],
    headcount: 1,
    deadline: dayjs().add(30, 'day'),
  };
}

export function jobFormValues(job: TJob): TJobFormValues {
  const { requirements } = job;
  return {
    title: job.title,
    description: job.description,
    skills: requirements.skills,
    preferredSkills: requirements.preferredSkills,
    degree: requirements.degree,
    majors: requirements.majors,
    languages: requirements.languages,
    townId: job.townId,
    salaryMin: job.salaryMin,
    salaryMax: job.salaryMax,
    headcount: job.headcount,
    deadline: dayjs(job.deadline),
  };
}

function cleanList(values: string[] | undefined): string[] {
  return [...new Set((values ?? []).map((value) => value.trim()).filter((value) => value !== ''))];
}

/** The request body, checked with the server's schema; null when a value is out of range. */
export function jobPayload(values: TJobFormValues): TCreateJob | null {
  const parsed = ZCreateJobSchema.safeParse({
    title: values.title?.trim(),
    description: values.description?.trim() ?? '',
    requirements: {
      skills: cleanList(values.skills),
      preferredSkills: cleanList(values.preferredSkills),
      degree: values.degree ?? null,
      majors: cleanList(values.majors),
      languages: cleanList(values.languages),
    },
    townId: values.townId,
    salaryMin: values.salaryMin ?? undefined,
    salaryMax: values.salaryMax ?? undefined,
    headcount: values.headcount ?? undefined,
    deadline: values.deadline?.format(DATE_FORMAT),
  });
  return parsed.success ? parsed.data : null;
}
