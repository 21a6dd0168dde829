import type { TPage } from '@yunpin/shared';
import { api, type TQueryParams } from './api';

const EXPORT_PAGE_SIZE = 200;
const MAX_PAGES = 500;

/** Pages through a list endpoint with the given filters and returns every item (for exports). */
export async function fetchAllPages<T>(path: string, query: TQueryParams): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const result = await api.get<TPage<T>>(path, { ...query, page, pageSize: EXPORT_PAGE_SIZE });
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) break;
  }
  return items;
}
