import type { ArchiveQuery, CommunityView } from '@casusbord/shared';
import { useT } from '../../i18n';
import { Field } from '../Field';

interface Props {
  view: CommunityView;
  filters: ArchiveQuery;
  onChange: (next: ArchiveQuery) => void;
}

/** City, year and theme selects; their options are the values present in the archive. */
export function ArchiveFilters({ view, filters, onChange }: Props) {
  const t = useT();
  const active = Boolean(filters.city || filters.year !== undefined || filters.theme);
  return (
    <fieldset className="archive-filters" data-testid="archive-filters">
      <legend>{t.archive.filtersLabel}</legend>
      <Field label={t.archive.cityFilter}>
        <select
          data-testid="filter-city"
          value={filters.city ?? ''}
          onChange={(e) => onChange({ ...filters, city: e.target.value || undefined })}
        >
          <option value="">{t.archive.any}</option>
          {view.cities.map((city) => (
            <option key={city} value={city}>
              {city}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.archive.yearFilter}>
        <select
          data-testid="filter-year"
          value={filters.year === undefined ? '' : String(filters.year)}
          onChange={(e) => onChange({ ...filters, year: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">{t.archive.any}</option>
          {view.years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.archive.themeFilter}>
        <select
          data-testid="filter-theme"
          value={filters.theme ?? ''}
          onChange={(e) => onChange({ ...filters, theme: e.target.value || undefined })}
        >
          <option value="">{t.archive.any}</option>
          {view.themes.map((theme) => (
            <option key={theme} value={theme}>
              {theme}
            </option>
          ))}
        </select>
      </Field>
      {active && (
        <button type="button" className="button small" data-testid="filter-clear" onClick={() => onChange({})}>
          {t.archive.clearFilters}
        </button>
      )}
    </fieldset>
  );
}
