/** Filters of the office organisation list, sent as query parameters. */
export type TOrganisationFilters = {
  townId?: string;
  isVerified?: 'true' | 'false';
  q?: string;
};
