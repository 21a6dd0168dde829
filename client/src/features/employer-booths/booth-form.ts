import { ZApplyBoothSchema, type TApplyBooth, type TBooth } from '@yunpin/shared';

interface TBoothJobValues {
  title?: string;
  headcount?: number | null;
  salary?: string;
}

/** The fields of a booth application, also used to edit it. */
export interface TBoothFormValues {
  profile?: string;
  jobs?: TBoothJobValues[];
  maxConcurrentChats: number;
  softLimitMinutes: number;
}

export const NEW_BOOTH_VALUES: TBoothFormValues = { profile: '', jobs: [{}], maxConcurrentChats: 3, softLimitMinutes: 10 };

export function boothFormValues(booth: TBooth): TBoothFormValues {
  return {
    profile: booth.profile,
    jobs: booth.jobs.map((job) => ({ title: job.title, headcount: job.headcount ?? null, salary: job.salary ?? '' })),
    maxConcurrentChats: booth.maxConcurrentChats,
    softLimitMinutes: booth.softLimitMinutes,
  };
}

/** The request body, checked with the server's schema; null when a value is out of range. */
export function boothPayload(values: TBoothFormValues): TApplyBooth | null {
  const jobs = (values.jobs ?? []).map((job) => {
    const salary = job.salary?.trim();
    return {
      title: job.title?.trim() ?? '',
      ...(job.headcount ? { headcount: job.headcount } : {}),
      ...(salary ? { salary } : {}),
    };
  });
  const parsed = ZApplyBoothSchema.safeParse({
    profile: values.profile?.trim() ?? '',
    jobs,
    maxConcurrentChats: values.maxConcurrentChats,
    softLimitMinutes: values.softLimitMinutes,
  });
  return parsed.success ? parsed.data : null;
}
