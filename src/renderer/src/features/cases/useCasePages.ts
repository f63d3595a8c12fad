import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseListQuery, CaseListRow } from '../../../../shared/cases/schemas';
import type { ErrorCode } from '../../../../shared/errors';
import { sauga } from '../../api';

/** Rows fetched per call; the contract allows up to 200. */
export const PAGE_SIZE = 100;

export interface CasePages {
  /** Rows the list can show: the total when known, else what is loaded plus one page if more. */
  count: number;
  total: number | null;
  hasMore: boolean;
  searchApplied: boolean;
  loading: boolean;
  error: ErrorCode | null;
  row: (index: number) => CaseListRow | undefined;
  /** Fetch the pages covering these row indices, if not yet loaded or on their way. */
  ensure: (from: number, to: number) => void;
}

interface State {
  generation: number;
  pages: Map<number, CaseListRow[]>;
  total: number | null;
  /** Whether rows exist past the last page loaded (for searches too large to count). */
  hasMore: boolean;
  searchApplied: boolean;
  loading: boolean;
  error: ErrorCode | null;
}

/**
 * The case list as pages fetched from SQL on demand (offset/limit), for a virtualised list.
 * A new query starts a new generation; answers to an older one are dropped.
 */
export function useCasePages(query: Omit<CaseListQuery, 'page' | 'withTotal'>): CasePages {
  const key = JSON.stringify(query);
  const [state, setState] = useState<State>({
    generation: 0,
    pages: new Map(),
    total: null,
    hasMore: false,
    searchApplied: true,
    loading: true,
    error: null,
  });
  const generation = useRef(0);
  const inFlight = useRef(new Set<number>());
  const loaded = useRef(new Set<number>());

  const load = useCallback(
    async (page: number, gen: number): Promise<void> => {
      if (inFlight.current.has(page) || loaded.current.has(page)) return;
      inFlight.current.add(page);
      const parsed = JSON.parse(key) as CaseListQuery;
      const result = await sauga().cases.list({
        ...parsed,
        page: { offset: page * PAGE_SIZE, limit: PAGE_SIZE },
        withTotal: page === 0,
      });
      if (gen !== generation.current) return;
      inFlight.current.delete(page);
      if (!result.ok) {
        setState((s) => ({ ...s, loading: false, error: result.error.code }));
        return;
      }
      loaded.current.add(page);
      const value = result.value;
      // A transition: React renders the new rows in slices, so a page arriving mid-scroll never
      // holds the main thread for a long task.
      startTransition(() =>
        setState((s) => {
          const pages = new Map(s.pages);
          pages.set(page, value.rows);
          const last = Math.max(...pages.keys());
          return {
            ...s,
            pages,
            total: page === 0 ? value.total : s.total,
            hasMore: page === last ? value.hasMore : s.hasMore,
            searchApplied: page === 0 ? value.searchApplied : s.searchApplied,
            loading: false,
            error: null,
          };
        }),
      );
    },
    [key],
  );

  useEffect(() => {
    const gen = ++generation.current;
    inFlight.current = new Set();
    loaded.current = new Set();
    // A new query: forget the old rows at once, then ask for the first page.
    setState((s) => ({
      ...s,
      generation: gen,
      pages: new Map(),
      total: null,
      hasMore: false,
      loading: true,
      error: null,
    }));
    void load(0, gen);
  }, [load]);

  const loadedRows = [...state.pages.entries()].reduce(
    (max, [page, rows]) => Math.max(max, page * PAGE_SIZE + rows.length),
    0,
  );
  const count = state.total ?? loadedRows + (state.hasMore ? PAGE_SIZE : 0);

  const ensure = useCallback(
    (from: number, to: number) => {
      for (let p = Math.floor(from / PAGE_SIZE); p <= Math.floor(to / PAGE_SIZE); p++) void load(p, generation.current);
    },
    [load],
  );

  // One object per state, so the grid (memoised) skips renders caused only by typing.
  return useMemo(
    () => ({
      count,
      total: state.total,
      hasMore: state.hasMore,
      searchApplied: state.searchApplied,
      loading: state.loading,
      error: state.error,
      row: (index: number) => state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
      ensure,
    }),
    [state, count, ensure],
  );
}
