import type { SelectQueryBuilder } from 'kysely';
import type { TPage, TPageQuery } from '@yunpin/shared';

/**
 * Runs one filtered query twice: once for the total, once for the requested page.
 * `select` adds the columns and ordering to the page query only.
 */
export async function paginate<DB, TB extends keyof DB, Row>(
  filtered: SelectQueryBuilder<DB, TB, object>,
  page: TPageQuery,
  select: (q: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, Row>,
): Promise<TPage<Row>> {
  const totalRow = await filtered
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const items = await select(filtered)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { items, page: page.page, pageSize: page.pageSize, total: Number((totalRow as { total: number | string }).total) };
}
