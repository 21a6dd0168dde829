import type { AppContext, RequestMeta } from '../../context.js';
import { deleteSession } from '../../db/repositories/sessions.js';
import { appendAudit } from '../../db/repositories/audit.js';

export async function logOut(ctx: AppContext, session: { tokenHash: string; userId: string }, meta: RequestMeta): Promise<void> {
  await deleteSession(ctx.db, session.tokenHash);
  await appendAudit(ctx.db, { actorId: session.userId, action: 'auth.logout', entityType: 'user', entityId: session.userId, ip: meta.ip });
}
