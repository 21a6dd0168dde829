import { randomUUID } from 'node:crypto';
import { AppError, type TRegister } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { insertUser, isLoginTaken, normaliseLogin } from '../../db/repositories/users.js';
import { insertGraduate } from '../../db/repositories/graduates.js';
import { insertOrganisation } from '../../db/repositories/organisations.js';
import { findTown } from '../../db/repositories/geography.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { hashPassword } from './passwords.js';
import { startSession, type StartedSession } from './start-session.js';

export interface RegisterUserOptions {
  input: TRegister;
  meta: RequestMeta;
  sessionTtlMs: number;
}

/** Splits a login into the phone or email column it belongs to. */
export function loginColumns(login: string): { phone: string | null; email: string | null } {
  const normalised = normaliseLogin(login);
  return normalised.includes('@') ? { phone: null, email: normalised } : { phone: normalised, email: null };
}

/**
 * Self-registration for graduates (with an empty file) and employers (with an unverified organisation
 * an organiser must verify). Logs the new user in and queues a welcome message.
 */
export async function registerUser(ctx: AppContext, { input, meta, sessionTtlMs }: RegisterUserOptions): Promise<StartedSession> {
  const contact = loginColumns(input.login);
  if (await isLoginTaken(ctx.db, contact)) {
    throw AppError.conflict('This phone number or email cannot be registered; try logging in instead');
  }
  if (input.role === 'employer_admin' && !(await findTown(ctx.db, input.townId))) {
    throw new AppError('validation_failed', 'Unknown town', { details: [{ path: 'townId', message: 'Unknown town' }] });
  }
  const passwordHash = await hashPassword(input.password);
  const userId = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    let organisationId: string | null = null;
    if (input.role === 'employer_admin') {
      organisationId = randomUUID();
      await insertOrganisation(trx, { id: organisationId, name: input.organisationName, townId: input.townId });
      await appendAudit(trx, {
        actorId: userId,
        action: 'organisation.registered',
        entityType: 'organisation',
        entityId: organisationId,
        detail: { name: input.organisationName },
        ip: meta.ip,
      });
    }
    await insertUser(trx, {
      id: userId,
      role: input.role,
      name: input.name,
      ...contact,
      password_hash: passwordHash,
      organisation_id: organisationId,
      region_id: null,
    });
    if (input.role === 'graduate') {
      await insertGraduate(trx, ctx.fieldCrypto, {
        id: randomUUID(),
        user_id: userId,
        name: input.name,
        ...contact,
        school: null,
        major: null,
        degree: null,
        graduation_year: null,
        hukou_town_id: null,
        job_intention: null,
        training_needs: null,
      });
    }
    await appendAudit(trx, { actorId: userId, action: 'user.registered', entityType: 'user', entityId: userId, detail: { role: input.role }, ip: meta.ip });
  });
  const started = await startSession(ctx, userId, sessionTtlMs, meta);
  await enqueueWelcomeSafely(ctx, { userId, name: input.name, role: input.role, ...contact });
  return started;
}

/** The account exists whatever happens to the queue; a failed enqueue is logged, not fatal. */
async function enqueueWelcomeSafely(
  ctx: AppContext,
  user: { userId: string; name: string; role: string; phone: string | null; email: string | null },
): Promise<void> {
  const channel = user.phone ? 'sms' : 'email';
  const to = user.phone ?? user.email ?? '';
  try {
    await ctx.jobs.enqueueWelcome({ userId: user.userId, name: user.name, role: user.role, channel, to });
  } catch (error) {
    ctx.logger.error({ err: error, userId: user.userId }, 'could not queue the welcome message');
  }
}
