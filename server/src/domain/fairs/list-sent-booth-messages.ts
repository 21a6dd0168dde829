import type { TPage, TPageQuery, TSentBoothMessage, TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { listSentBoothMessages as listRows, toSentBoothMessage } from '../../db/repositories/booth-messages.js';

/** The messages one has left at booths, newest first, with the employers' replies. */
export async function listSentBoothMessages(ctx: AppContext, actor: TSessionUser, query: TPageQuery): Promise<TPage<TSentBoothMessage>> {
  const page = await listRows(ctx.db, actor.id, query);
  return { ...page, items: page.items.map(toSentBoothMessage) };
}
