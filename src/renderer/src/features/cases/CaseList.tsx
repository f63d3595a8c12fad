import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type Dispatch,
  type KeyboardEvent,
  type SetStateAction,
} from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, EXPLOITATION_FORMS, VICTIM_STATUSES } from '../../../../shared/cases/codes';
import {
  CASE_SORT_FIELDS,
  CaseListFilter,
  IsoDate,
  type CaseId,
  type CaseListQuery,
  type CaseListRow,
  type CaseSortField,
  type SortDirection,
  type Worker,
} from '../../../../shared/cases/schemas';
import { sauga } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert, Button, ChoiceField, MultiChoiceField, ScreenTitle, TextField } from '../../components';
import { codeOptions } from './form/FieldView';
import { useTx } from './form/tx';
import { codeLabel } from './format';
import { useCasePages } from './useCasePages';

const ROW_HEIGHT = 44;
const SEARCH_DELAY_MS = 300;

interface Filters {
  status: string[];
  victimStatus: string[];
  exploitationForm: string[];
  assignedTo: string;
  state: string;
  openedFrom: string;
  openedTo: string;
  closedFrom: string;
  closedTo: string;
}

const NO_FILTERS: Filters = {
  status: [],
  victimStatus: [],
  exploitationForm: [],
  assignedTo: '',
  state: '',
  openedFrom: '',
  openedTo: '',
  closedFrom: '',
  closedTo: '',
};

/** The code-list filters, each with its label key under caseList. */
const CODE_FILTERS = [
  ['status', 'status'],
  ['victimStatus', 'victimStatus'],
  ['exploitationForm', 'exploitation'],
] as const;
const DATE_FILTERS = ['openedFrom', 'openedTo', 'closedFrom', 'closedTo'] as const;

function useDebounced<T>(value: T, ms: number): T {
  const [out, setOut] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setOut(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return out;
}

/** The filter as the list query takes it, and the translation key of each date field's error. */
function buildFilter(f: Filters): { filter: CaseListFilter | undefined; errors: Partial<Record<string, string>> } {
  const errors: Partial<Record<string, string>> = {};
  const dates: Partial<Record<(typeof DATE_FILTERS)[number], string>> = {};
  for (const name of DATE_FILTERS) {
    const v = f[name].trim();
    if (!v) continue;
    if (IsoDate.safeParse(v).success) dates[name] = v;
    else errors[name] = 'validation.dateInvalid';
  }
  const candidate = {
    ...(f.status.length ? { status: f.status } : {}),
    ...(f.victimStatus.length ? { victimStatus: f.victimStatus } : {}),
    ...(f.exploitationForm.length ? { exploitationForm: f.exploitationForm } : {}),
    ...(f.assignedTo ? { assignedTo: f.assignedTo } : {}),
    ...(f.state ? { state: f.state } : {}),
    ...dates,
  };
  const parsed = CaseListFilter.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { filter: undefined, errors };
  }
  return { filter: Object.keys(candidate).length ? parsed.data : undefined, errors };
}

export interface CaseListProps {
  isSupervisor: boolean;
  onOpen: (id: CaseId) => void;
  onNew: () => void;
}

export function CaseList({ isSupervisor, onOpen, onNew }: CaseListProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [showFilters, setShowFilters] = useState(false);
  const [sortField, setSortField] = useState<CaseSortField>('updatedAt');
  const [direction, setDirection] = useState<SortDirection>('desc');
  const [workers, setWorkers] = useState<Worker[]>([]);
  const debouncedSearch = useDebounced(search, SEARCH_DELAY_MS);
  const filtersId = useId();

  useEffect(() => {
    if (!isSupervisor) return;
    void sauga()
      .cases.workers({})
      .then((r) => {
        if (r.ok) setWorkers(r.value);
      });
  }, [isSupervisor]);

  const { filter, errors } = useMemo(() => buildFilter(filters), [filters]);
  // While a date is being typed (not valid yet), the list keeps the last filter that was valid.
  const filterKey = JSON.stringify(filter ?? null);
  const [applied, setApplied] = useState<{ key: string; filter: CaseListFilter | undefined }>({
    key: filterKey,
    filter,
  });
  if (Object.keys(errors).length === 0 && filterKey !== applied.key) setApplied({ key: filterKey, filter });
  const query = useMemo<Omit<CaseListQuery, 'page' | 'withTotal'>>(
    () => ({
      ...(applied.filter ? { filter: applied.filter } : {}),
      ...(debouncedSearch.trim() ? { search: debouncedSearch.trim() } : {}),
      sort: { field: sortField, direction },
    }),
    [applied, debouncedSearch, sortField, direction],
  );
  // The controls answer at once; the list follows at a lower priority, in slices, so a click
  // on a filter never waits for the rows to be thrown away and drawn again.
  const pages = useCasePages(useDeferredValue(query));
  // Stable lists and handlers: typing in the search box re-renders this screen on every key,
  // and the memoised selects then keep their collections.
  const toolbarOptions = useMemo(
    () => ({
      sort: CASE_SORT_FIELDS.map((f) => ({ id: f, label: t(`caseList.sortFields.${f}`) })),
      direction: [
        { id: 'desc', label: t('caseList.desc') },
        { id: 'asc', label: t('caseList.asc') },
      ],
    }),
    [t],
  );
  const onSort = useCallback((v: string | null) => setSortField((v || 'updatedAt') as CaseSortField), []);
  const onDirection = useCallback((v: string | null) => setDirection((v || 'desc') as SortDirection), []);
  const activeFilters = Object.entries(filters).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== '')).length;

  const countText =
    pages.total !== null
      ? t('caseList.count', { count: pages.total })
      : pages.hasMore
        ? t('caseList.countMany', { count: pages.count - 1 })
        : t('caseList.count', { count: pages.count });

  return (
    <section className="card card-full case-list" aria-labelledby="cases-title">
      <div className="screen-head">
        <ScreenTitle id="cases-title">{t('caseList.title')}</ScreenTitle>
        <Button variant="primary" onPress={onNew}>
          {t('nav.newCase')}
        </Button>
      </div>
      <div className="list-toolbar" role="search">
        <TextField
          className="list-search"
          type="search"
          label={t('caseList.search')}
          description={t('caseList.searchHint')}
          value={search}
          onChange={setSearch}
          maxLength={200}
          secret
        />
        <ChoiceField
          className="list-sort"
          label={t('caseList.sort')}
          options={toolbarOptions.sort}
          value={sortField}
          onChange={onSort}
        />
        <ChoiceField
          className="list-direction"
          label={t('caseList.direction')}
          options={toolbarOptions.direction}
          value={direction}
          onChange={onDirection}
        />
        <div className="list-filter-toggle">
          <Button
            variant="secondary"
            aria-expanded={showFilters}
            aria-controls={filtersId}
            onPress={() => setShowFilters((s) => !s)}
          >
            {showFilters ? t('caseList.hideFilters') : t('caseList.showFilters')}
            {activeFilters > 0 ? <span className="badge">{activeFilters}</span> : null}
          </Button>
        </div>
      </div>
      {/* Mounted once and then only shown or hidden: opening the panel must not build five
          selects in one task (UI benchmark). Hidden, none of it is focusable or announced. */}
      <FilterPanel
        hidden={!showFilters}
        id={filtersId}
        filters={filters}
        setFilters={setFilters}
        errors={errors}
        workers={isSupervisor ? workers : null}
        activeFilters={activeFilters}
      />
      {debouncedSearch.trim() && search === debouncedSearch && !pages.loading && !pages.searchApplied ? (
        <Alert tone="info">{t('caseList.searchTooShort')}</Alert>
      ) : null}
      <ErrorAlert code={pages.error} />
      <p className="list-count" role="status">
        {pages.loading && pages.count === 0 ? t('caseList.loading') : countText}
      </p>
      {!pages.loading && pages.count === 0 && !pages.error ? (
        <p className="list-empty">
          {activeFilters || search.trim() ? t('caseList.empty') : t('caseList.emptyAssigned')}
        </p>
      ) : null}
      {pages.count > 0 ? <CaseGrid pages={pages} onOpen={onOpen} /> : null}
    </section>
  );
}

interface FilterPanelProps {
  hidden: boolean;
  id: string;
  filters: Filters;
  setFilters: Dispatch<SetStateAction<Filters>>;
  errors: Partial<Record<string, string>>;
  /** Supervisors filter by worker; null for caseworkers. */
  workers: Worker[] | null;
  activeFilters: number;
}

/**
 * The filter fields, each re-rendered only when its own value changes: option lists and
 * setters keep their identity, so choosing a victim status does not rebuild the collections of
 * every other select (the UI benchmark's longest task at 100,000 cases).
 */
const FilterPanel = memo(function FilterPanel({
  hidden,
  id,
  filters,
  setFilters,
  errors,
  workers,
  activeFilters,
}: FilterPanelProps) {
  const { t, i18n } = useTranslation();
  const tx = useTx();
  const language = i18n.language;
  const options = useMemo(
    () => ({
      status: codeOptions(CASE_STATUSES),
      victimStatus: codeOptions(VICTIM_STATUSES),
      exploitationForm: codeOptions(EXPLOITATION_FORMS),
      state: [
        { id: 'open', label: t('caseList.stateOpen') },
        { id: 'closed', label: t('caseList.stateClosed') },
      ],
    }),
    // codeOptions reads the current language itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, language],
  );
  const workerOptions = useMemo(() => (workers ?? []).map((w) => ({ id: w.id, label: w.name })), [workers]);
  const setters = useMemo(() => {
    const set =
      <K extends keyof Filters>(name: K) =>
      (value: Filters[K]) =>
        setFilters((f: Filters) => ({ ...f, [name]: value }));
    return {
      status: set('status'),
      victimStatus: set('victimStatus'),
      exploitationForm: set('exploitationForm'),
      state: set('state'),
      assignedTo: set('assignedTo'),
      openedFrom: set('openedFrom'),
      openedTo: set('openedTo'),
      closedFrom: set('closedFrom'),
      closedTo: set('closedTo'),
    };
  }, [setFilters]);
  return (
    <div id={id} hidden={hidden} className="list-filters" role="group" aria-label={t('caseList.filters')}>
      {CODE_FILTERS.map(([name, label]) => (
        <MultiChoiceField
          key={name}
          label={t(`caseList.${label}`)}
          options={options[name]}
          value={filters[name]}
          onChange={setters[name]}
          placeholder={t('caseList.stateAll')}
        />
      ))}
      <ChoiceField
        label={t('caseList.state')}
        options={[
          { id: 'open', label: t('caseList.stateOpen') },
          { id: 'closed', label: t('caseList.stateClosed') },
        ]}
        noneLabel={t('caseList.stateAll')}
        value={filters.state}
        onChange={setters.state}
      />
      {workers ? (
        <ChoiceField
          label={t('caseList.assignedTo')}
          options={workerOptions}
          noneLabel={t('caseList.anyone')}
          value={filters.assignedTo}
          onChange={setters.assignedTo}
        />
      ) : null}
      {DATE_FILTERS.map((name) => (
        <TextField
          key={name}
          label={t(`caseList.${name}`)}
          aria-describedby={`${id}-dates`}
          value={filters[name]}
          onChange={setters[name]}
          maxLength={10}
          errorMessage={errors[name] ? tx(errors[name]) : undefined}
        />
      ))}
      <p id={`${id}-dates`} className="list-filters-hint muted">
        {t('form.fullDateHint')}
      </p>
      <div className="list-filters-actions">
        <Button variant="quiet" onPress={() => setFilters(NO_FILTERS)} isDisabled={activeFilters === 0}>
          {t('caseList.clearFilters')}
        </Button>
      </div>
    </div>
  );
});

const COLUMNS = ['code', 'status', 'victimStatus', 'exploitation', 'openedOn', 'owner'] as const;

const CaseGrid = memo(function CaseGrid({
  pages,
  onOpen,
}: {
  pages: ReturnType<typeof useCasePages>;
  onOpen: (id: CaseId) => void;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const sizerRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);
  const hintId = useId();
  // The virtualizer's functions are read fresh on every render, which is what this grid wants.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: pages.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Scroll updates may be batched with the next frame instead of forcing a synchronous render.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = pages;
  const activeRow = Math.min(active, Math.max(0, pages.count - 1));
  // One row is in the tab order: the active one, or the first on screen once it scrolled away.
  const tabbable = items.some((i) => i.index === activeRow) ? activeRow : first;

  useEffect(() => {
    if (items.length > 0) ensure(first, last);
  }, [first, last, items.length, ensure]);

  // Geometry is set through the CSSOM, which the CSP's style-src does not govern (it refuses
  // style attributes in markup and <style> elements, not element.style).
  useEffect(() => {
    sizerRef.current?.style.setProperty('height', `${virtualizer.getTotalSize()}px`);
  });

  useEffect(() => {
    if (!focusWanted.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeRow}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      focusWanted.current = false;
    }
  });

  const move = (to: number) => {
    const next = Math.max(0, Math.min(pages.count - 1, to));
    focusWanted.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDownRef = useRef<(event: KeyboardEvent<HTMLDivElement>, index: number) => void>(() => undefined);
  onKeyDownRef.current = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const keys: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: pages.count - 1,
    };
    if (event.key in keys) {
      event.preventDefault();
      move(keys[event.key] ?? index);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const row = pages.row(index);
      if (row) onOpen(row.id);
    }
  };

  // Stable for the memoised rows: a row re-renders only when its own data or position changes.
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, index: number) => onKeyDownRef.current(event, index),
    [],
  );
  const onFocusRow = useCallback((index: number) => setActive(index), []);
  const noneText = t('caseList.none');
  const loadingText = t('caseList.rowLoading');
  const texts = useMemo(() => ({ none: noneText, loading: loadingText }), [noneText, loadingText]);

  return (
    <div
      className="case-grid"
      role="grid"
      aria-label={t('caseList.gridLabel')}
      aria-describedby={hintId}
      aria-rowcount={pages.total !== null ? pages.total + 1 : -1}
      aria-colcount={COLUMNS.length}
    >
      <p id={hintId} className="visually-hidden">
        {t('caseList.gridHint')}
      </p>
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row grid-header-row">
          {COLUMNS.map((c) => (
            <div key={c} role="columnheader" className={`grid-cell col-${c}`}>
              {t(`caseList.columns.${c}`)}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="grid-body">
        <div ref={sizerRef} className="grid-sizer">
          {items.map((item) => (
            <GridRow
              key={item.key}
              index={item.index}
              start={item.start}
              row={pages.row(item.index)}
              isActive={item.index === tabbable}
              onFocusRow={onFocusRow}
              onKeyDownRow={onKeyDown}
              onOpen={onOpen}
              texts={texts}
            />
          ))}
        </div>
      </div>
    </div>
  );
});

/** Words every row shows, looked up once per render of the grid rather than once per row. */
interface RowTexts {
  none: string;
  loading: string;
}

const GridRow = memo(function GridRow({
  index,
  start,
  row,
  isActive,
  onFocusRow,
  onKeyDownRow,
  onOpen,
  texts,
}: {
  texts: RowTexts;
  index: number;
  start: number;
  row: CaseListRow | undefined;
  isActive: boolean;
  onFocusRow: (index: number) => void;
  onKeyDownRow: (event: KeyboardEvent<HTMLDivElement>, index: number) => void;
  onOpen: (id: CaseId) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.style.setProperty('transform', `translateY(${start}px)`);
  }, [start]);
  const { none, loading } = texts;
  const forms = row?.exploitationForms.map((f) => codeLabel(EXPLOITATION_FORMS, f)).join(', ') ?? '';
  return (
    <div
      ref={ref}
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={isActive ? 0 : -1}
      className="grid-row grid-body-row"
      onFocus={() => onFocusRow(index)}
      onKeyDown={(event) => onKeyDownRow(event, index)}
      onClick={() => {
        if (row) onOpen(row.id);
      }}
    >
      {row ? (
        <>
          <div role="gridcell" className="grid-cell col-code">
            {row.code}
          </div>
          <div role="gridcell" className="grid-cell col-status">
            <span className="status-chip" data-status={row.status}>
              {codeLabel(CASE_STATUSES, row.status)}
            </span>
          </div>
          <div
            role="gridcell"
            className="grid-cell col-victimStatus"
            title={codeLabel(VICTIM_STATUSES, row.victimStatus) || undefined}
          >
            {row.victimStatus ? codeLabel(VICTIM_STATUSES, row.victimStatus) : none}
          </div>
          <div role="gridcell" className="grid-cell col-exploitation" title={forms || undefined}>
            {forms || none}
          </div>
          <div role="gridcell" className="grid-cell col-openedOn">
            {row.openedOn}
          </div>
          <div role="gridcell" className="grid-cell col-owner">
            {row.owner?.name ?? none}
          </div>
        </>
      ) : (
        <div role="gridcell" className="grid-cell grid-cell-loading" aria-colspan={COLUMNS.length}>
          {loading}
        </div>
      )}
    </div>
  );
});
