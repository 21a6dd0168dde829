import { useCallback, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TablePaginationConfig } from 'antd';
import type { TPage } from '@yunpin/shared';
import { api, type TQueryParams } from './api';

const DEFAULT_PAGE_SIZE = 20;

/** For lists without filters. */
export type TNoFilters = Record<string, never>;

interface TListState<F> {
  page: number;
  pageSize: number;
  filters: F;
}

/** Server-paginated list state for an antd Table: filters, page and page size, and the query. */
export function usePagedList<T, F extends TQueryParams>(queryKey: readonly unknown[], path: string, initialFilters: F) {
  const { t } = useTranslation();
  const [state, setState] = useState<TListState<F>>({ page: 1, pageSize: DEFAULT_PAGE_SIZE, filters: initialFilters });

  const query = useQuery({
    queryKey: [...queryKey, 'list', state],
    queryFn: ({ signal }) =>
      api.get<TPage<T>>(path, { ...state.filters, page: state.page, pageSize: state.pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const setFilters = useCallback((filters: F) => setState((previous) => ({ ...previous, filters, page: 1 })), []);

  const pagination: TablePaginationConfig = {
    current: state.page,
    pageSize: state.pageSize,
    total: query.data?.total ?? 0,
    showSizeChanger: true,
    showTotal: (total) => t('common.total', { total }),
    onChange: (page, pageSize) =>
      setState((previous) => ({ ...previous, page: pageSize === previous.pageSize ? page : 1, pageSize })),
  };

  return { query, filters: state.filters, setFilters, pagination };
}
