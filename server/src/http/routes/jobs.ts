import {
  pageOf,
  ZApplicationListQuerySchema,
  ZApplicationSchema,
  ZApplySchema,
  ZCreateJobSchema,
  ZCsvTableSchema,
  ZIdParamsSchema,
  ZJobActionSchema,
  ZJobSchema,
  ZJobSearchQuerySchema,
  ZRecommendedGraduateSchema,
  ZScreeningProgressSchema,
  ZUpdateJobSchema,
} from '@yunpin/shared';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../route.js';
import { createJob } from '../../domain/jobs/create-job.js';
import { updateJob } from '../../domain/jobs/update-job.js';
import { changeJobStatus } from '../../domain/jobs/change-job-status.js';
import { getJob } from '../../domain/jobs/get-job.js';
import { exportJobs, searchJobs } from '../../domain/jobs/search-jobs.js';
import { applyToJob } from '../../domain/applications/apply-to-job.js';
import { exportJobApplications, listJobPipeline, rescreenJob, screeningProgress } from '../../domain/applications/employer-actions.js';
import { recommendGraduates } from '../../domain/recommendations/recommend.js';

export function jobRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/jobs',
      summary: 'Search jobs (Chinese and English); scope=mine for an employer’s own, status=review for organisers',
      tag: 'jobs',
      auth: 'public',
      query: ZJobSearchQuerySchema,
      response: pageOf(ZJobSchema),
      handler: ({ ctx, actor, query }) => searchJobs(ctx, actor, query),
    }),
    defineRoute({
      method: 'get',
      path: '/jobs.csv',
      summary: 'Export the same job list (CSV, UTF-8 with BOM)',
      tag: 'jobs',
      auth: 'user',
      query: ZJobSearchQuerySchema,
      response: ZCsvTableSchema,
      produces: 'text/csv',
      handler: ({ ctx, actor, query }) => exportJobs(ctx, actor, query),
    }),
    defineRoute({
      method: 'post',
      path: '/jobs',
      summary: 'Draft a job for the caller’s employer',
      tag: 'jobs',
      auth: 'user',
      body: ZCreateJobSchema,
      response: ZJobSchema,
      status: 201,
      handler: ({ ctx, actor, body, meta }) => createJob(ctx, { actor, input: body, meta }),
    }),
    defineRoute({
      method: 'get',
      path: '/jobs/:id',
      summary: 'One job',
      tag: 'jobs',
      auth: 'public',
      params: ZIdParamsSchema,
      response: ZJobSchema,
      handler: ({ ctx, actor, params }) => getJob(ctx, actor, params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/jobs/:id',
      summary: 'Edit a job; changed requirements re-screen its open applications',
      tag: 'jobs',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZUpdateJobSchema,
      response: ZJobSchema,
      handler: ({ ctx, actor, params, body, meta }) => updateJob(ctx, { actor, id: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/jobs/:id/status',
      summary: 'Submit, close, approve or return a job',
      tag: 'jobs',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZJobActionSchema,
      response: ZJobSchema,
      handler: ({ ctx, actor, params, body, meta }) => changeJobStatus(ctx, { actor, id: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/jobs/:id/applications',
      summary: 'Apply to a job (once; a repeat returns the same application with 200)',
      tag: 'applications',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZApplySchema,
      response: ZApplicationSchema,
      status: 201,
      handler: async ({ ctx, actor, params, body, meta, res }) => {
        const { application, created } = await applyToJob(ctx, { actor, jobId: params.id, input: body, meta });
        if (!created) res.locals.status = 200;
        return application;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/jobs/:id/applications',
      summary: 'The employer’s pipeline for a job, best advisory score first',
      tag: 'applications',
      auth: 'user',
      params: ZIdParamsSchema,
      query: ZApplicationListQuerySchema,
      response: pageOf(ZApplicationSchema),
      handler: ({ ctx, actor, params, query }) => listJobPipeline(ctx, actor, params.id, query),
    }),
    defineRoute({
      method: 'get',
      path: '/jobs/:id/applications.csv',
      summary: 'Export a job’s applications with scores per criterion (CSV)',
      tag: 'applications',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZCsvTableSchema,
      produces: 'text/csv',
      handler: ({ ctx, actor, params }) => exportJobApplications(ctx, actor, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/jobs/:id/screening',
      summary: 'How far screening against the current requirements has got',
      tag: 'applications',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZScreeningProgressSchema,
      handler: ({ ctx, actor, params }) => screeningProgress(ctx, actor, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/jobs/:id/screening',
      summary: 'Queue screening for open applications not yet scored against the current requirements',
      tag: 'applications',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZScreeningProgressSchema,
      status: 202,
      handler: ({ ctx, actor, params }) => rescreenJob(ctx, actor, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/jobs/:id/recommended-graduates',
      summary: 'Ranked candidates: discoverable graduates for the employer, the towns’ files for caseworkers',
      tag: 'recommendations',
      auth: 'user',
      params: ZIdParamsSchema,
      response: z.object({ items: z.array(ZRecommendedGraduateSchema) }),
      handler: async ({ ctx, actor, params }) => ({ items: await recommendGraduates(ctx, actor, params.id) }),
    }),
  ];
}
