import {
  RESUME_MAX_BYTES,
  ZApplicationDetailSchema,
  ZApplicationSchema,
  ZBulkMoveApplicationsSchema,
  ZBulkMoveResultSchema,
  ZConfirmResumeSchema,
  ZIdParamsSchema,
  ZMoveApplicationSchema,
  ZQueueHealthSchema,
  ZRecommendedJobSchema,
  ZRequestReviewSchema,
  ZResumeSchema,
} from '@yunpin/shared';
import { z } from 'zod';
import { AppError } from '@yunpin/shared';
import { defineRoute, type AnyRoute } from '../route.js';
import { readSingleFile } from '../upload.js';
import { uploadResume } from '../../domain/resumes/upload-resume.js';
import { confirmMyResume, getMyResume, listMyResumes } from '../../domain/resumes/resumes.js';
import { listMyApplications, requestExplanation, requestHumanReview, withdrawApplication } from '../../domain/applications/graduate-actions.js';
import { bulkMoveApplications, getApplication, moveApplication } from '../../domain/applications/employer-actions.js';
import { recommendJobs } from '../../domain/recommendations/recommend.js';
import { policy } from '../../policy.js';

export function applicationRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/me/resumes',
      summary: 'Upload a resume (multipart/form-data, field "file", PDF or DOCX up to 10 MB); the same file twice is one resume',
      tag: 'resumes',
      auth: 'user',
      response: ZResumeSchema,
      status: 201,
      handler: async ({ ctx, actor, meta, req, res }) => {
        if (!policy.canApply(actor)) throw AppError.forbidden('Only graduates upload resumes');
        const file = await readSingleFile(req, RESUME_MAX_BYTES);
        const { resume, created } = await uploadResume(ctx, { actor, file, meta });
        if (!created) res.locals.status = 200;
        return resume;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/me/resumes',
      summary: 'The graduate’s resumes with parsing status and progress',
      tag: 'resumes',
      auth: 'user',
      response: z.object({ items: z.array(ZResumeSchema) }),
      handler: async ({ ctx, actor }) => ({ items: await listMyResumes(ctx, actor) }),
    }),
    defineRoute({
      method: 'get',
      path: '/me/resumes/:id',
      summary: 'One resume; poll it for parsing progress',
      tag: 'resumes',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZResumeSchema,
      handler: ({ ctx, actor, params }) => getMyResume(ctx, actor, params.id),
    }),
    defineRoute({
      method: 'put',
      path: '/me/resumes/:id/confirmation',
      summary: 'Confirm the parsed profile, with corrections',
      tag: 'resumes',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZConfirmResumeSchema,
      response: ZResumeSchema,
      handler: ({ ctx, actor, params, body, meta }) => confirmMyResume(ctx, { actor, id: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'get',
      path: '/me/applications',
      summary: 'The graduate’s applications',
      tag: 'applications',
      auth: 'user',
      response: z.object({ items: z.array(ZApplicationSchema) }),
      handler: async ({ ctx, actor }) => ({ items: await listMyApplications(ctx, actor) }),
    }),
    defineRoute({
      method: 'get',
      path: '/me/recommended-jobs',
      summary: 'Jobs ranked for the graduate: match score, then distance ("1+5")',
      tag: 'recommendations',
      auth: 'user',
      response: z.object({ items: z.array(ZRecommendedJobSchema) }),
      handler: async ({ ctx, actor }) => ({ items: await recommendJobs(ctx, actor, 'me') }),
    }),
    defineRoute({
      method: 'get',
      path: '/graduates/:id/recommended-jobs',
      summary: 'Jobs ranked for a graduate of the caseworker’s towns',
      tag: 'recommendations',
      auth: 'user',
      params: ZIdParamsSchema,
      response: z.object({ items: z.array(ZRecommendedJobSchema) }),
      handler: async ({ ctx, actor, params }) => ({ items: await recommendJobs(ctx, actor, params.id) }),
    }),
    defineRoute({
      method: 'get',
      path: '/applications/:id',
      summary: 'One application with its history and resume profile',
      tag: 'applications',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZApplicationDetailSchema,
      handler: ({ ctx, actor, params }) => getApplication(ctx, actor, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/applications/:id/status',
      summary: 'Move an application along the pipeline (a person’s decision)',
      tag: 'applications',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZMoveApplicationSchema,
      response: ZApplicationSchema,
      handler: ({ ctx, actor, params, body, meta }) => moveApplication(ctx, { actor, id: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/applications/bulk-status',
      summary: 'Move many applications at once',
      tag: 'applications',
      auth: 'user',
      body: ZBulkMoveApplicationsSchema,
      response: ZBulkMoveResultSchema,
      handler: ({ ctx, actor, body, meta }) => bulkMoveApplications(ctx, { actor, input: body, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/applications/:id/withdrawal',
      summary: 'The graduate withdraws the application',
      tag: 'applications',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZApplicationSchema,
      handler: ({ ctx, actor, params, meta }) => withdrawApplication(ctx, { actor, id: params.id, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/applications/:id/explanation',
      summary: 'The graduate asks for the per-criterion explanation of the score',
      tag: 'applications',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZApplicationSchema,
      handler: ({ ctx, actor, params, meta }) => requestExplanation(ctx, { actor, id: params.id, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/applications/:id/review-request',
      summary: 'The graduate asks for a person to review the application',
      tag: 'applications',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZRequestReviewSchema,
      response: ZApplicationSchema,
      handler: ({ ctx, actor, params, body, meta }) => requestHumanReview(ctx, { actor, id: params.id, reason: body.reason, meta }),
    }),
    defineRoute({
      method: 'get',
      path: '/system/queues',
      summary: 'Background queue health: waiting, active, failed, rate',
      tag: 'system',
      auth: 'user',
      response: ZQueueHealthSchema,
      handler: ({ ctx, actor }) => {
        if (!policy.canViewSystemHealth(actor)) throw AppError.forbidden('Only organisers see system health');
        return ctx.jobs.health();
      },
    }),
  ];
}
