import type { TGraduateProfile, TUpdateGraduateProfile } from '@yunpin/shared';
import { blankToNull } from '../../lib/format';

/** The fields a graduate edits in their own file. */
export interface TGraduateFileValues {
  school: string;
  major: string;
  degree: TGraduateProfile['degree'];
  graduationYear: number | null;
  jobIntention: string;
  trainingNeeds: string;
  phone: string;
  email: string;
}

export function fileFormValues(profile: TGraduateProfile): TGraduateFileValues {
  return {
    school: profile.school ?? '',
    major: profile.major ?? '',
    degree: profile.degree,
    graduationYear: profile.graduationYear,
    jobIntention: profile.jobIntention ?? '',
    trainingNeeds: profile.trainingNeeds ?? '',
    phone: profile.phone ?? '',
    email: profile.email ?? '',
  };
}

export function fileFormPatch(values: TGraduateFileValues): TUpdateGraduateProfile {
  return {
    school: blankToNull(values.school),
    major: blankToNull(values.major),
    degree: values.degree ?? null,
    graduationYear: values.graduationYear ?? null,
    jobIntention: blankToNull(values.jobIntention),
    trainingNeeds: blankToNull(values.trainingNeeds),
    phone: blankToNull(values.phone),
    email: blankToNull(values.email),
  };
}
