import { Button, Checkbox, Group, NativeSelect, Stack, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JURISDICTIONS, PATENT_LEGAL_STATUSES, TECHNICAL_FIELDS, TRL_LEVELS } from '../graphql/enum-values';
import type { FacetCount, PatentSearchFacets } from './catalogue.types';
import { activeFilterCount, toggleValue, withoutFilters, type CatalogueSearch } from './catalogue-search';
import classes from './catalogue.module.css';

type FacetFiltersProps = {
  search: CatalogueSearch;
  /** Counts for the current search; undefined until the first answer arrives. */
  facets: PatentSearchFacets | undefined;
  onChange: (next: CatalogueSearch) => void;
};

type FacetOption<Value extends string> = { value: Value; label: string; count: number; checked: boolean };

export function FacetFilters({ search, facets, onChange }: FacetFiltersProps) {
  const { t } = useTranslation();
  const [openOnSmallScreens, setOpenOnSmallScreens] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const active = activeFilterCount(search);

  const technicalFields = enumOptions(
    TECHNICAL_FIELDS,
    search.technicalFields,
    facets?.technicalFields,
    (value) => t(`enums.technicalField.${value}`),
  );
  const jurisdictions = enumOptions(JURISDICTIONS, search.jurisdictions, facets?.jurisdictions, (value) =>
    t(`enums.jurisdiction.${value}`),
  );
  const legalStatuses = enumOptions(
    PATENT_LEGAL_STATUSES,
    search.legalStatuses,
    facets?.legalStatuses,
    (value) => t(`enums.legalStatus.${value}`),
  );
  const institutions = institutionOptions(search.institutionIds, facets?.institutions);

  return (
    <section aria-labelledby={headingId} className={classes.filters}>
      <Group justify="space-between" align="center" gap="xs">
        <Title order={2} id={headingId} size="h3">
          {t('catalogue.filters')}
        </Title>
        <Button
          variant="outline"
          size="sm"
          className={classes.filtersToggle}
          aria-expanded={openOnSmallScreens}
          aria-controls={panelId}
          onClick={() => setOpenOnSmallScreens((open) => !open)}
        >
          {openOnSmallScreens ? t('catalogue.hideFilters') : t('catalogue.showFilters')}
        </Button>
      </Group>
      {active > 0 && (
        <Group gap="xs" mt="xs" className={classes.activeFilters}>
          <span>{t('catalogue.activeFilters', { count: active })}</span>
          <Button variant="subtle" size="compact-sm" onClick={() => onChange(withoutFilters(search))}>
            {t('catalogue.clearFilters')}
          </Button>
        </Group>
      )}
      <div id={panelId} className={classes.filterPanel} data-collapsed={openOnSmallScreens ? undefined : ''}>
        <Stack gap="lg" mt="md">
          <CheckboxFacet
            legend={t('catalogue.facetTechnicalField')}
            options={technicalFields}
            onToggle={(value, on) =>
              onChange({ ...search, technicalFields: toggleValue(search.technicalFields, value, on) })
            }
          />
          <CheckboxFacet
            legend={t('catalogue.facetJurisdiction')}
            options={jurisdictions}
            onToggle={(value, on) =>
              onChange({ ...search, jurisdictions: toggleValue(search.jurisdictions, value, on) })
            }
          />
          <CheckboxFacet
            legend={t('catalogue.facetLegalStatus')}
            options={legalStatuses}
            onToggle={(value, on) =>
              onChange({ ...search, legalStatuses: toggleValue(search.legalStatuses, value, on) })
            }
          />
          <CheckboxFacet
            legend={t('catalogue.facetInstitution')}
            options={institutions}
            onToggle={(value, on) =>
              onChange({ ...search, institutionIds: toggleValue(search.institutionIds, value, on) })
            }
          />
          <TrlRange search={search} onChange={onChange} />
        </Stack>
      </div>
    </section>
  );
}

function CheckboxFacet<Value extends string>({
  legend,
  options,
  onToggle,
}: {
  legend: string;
  options: FacetOption<Value>[];
  onToggle: (value: Value, on: boolean) => void;
}) {
  const { t } = useTranslation();
  if (options.length === 0) return null;
  return (
    <fieldset className={classes.facet}>
      <legend className={classes.facetLegend}>{legend}</legend>
      <Stack gap={6}>
        {options.map((option) => (
          <Checkbox
            key={option.value}
            label={t('catalogue.facetOption', { label: option.label, count: option.count })}
            checked={option.checked}
            onChange={(event) => onToggle(option.value, event.currentTarget.checked)}
          />
        ))}
      </Stack>
    </fieldset>
  );
}

function TrlRange({
  search,
  onChange,
}: {
  search: CatalogueSearch;
  onChange: (next: CatalogueSearch) => void;
}) {
  const { t } = useTranslation();
  const helpId = useId();
  const levels = [
    { value: '', label: t('catalogue.trlAny') },
    ...TRL_LEVELS.map((level) => ({ value: String(level), label: t('catalogue.trlLevel', { level }) })),
  ];
  const parse = (raw: string): number | null => (raw === '' ? null : Number(raw));
  return (
    <fieldset className={classes.facet} aria-describedby={helpId}>
      <legend className={classes.facetLegend}>{t('catalogue.facetTrl')}</legend>
      <p id={helpId} className={classes.facetHelp}>
        {t('catalogue.trlHelp')}
      </p>
      <Group grow gap="sm">
        <NativeSelect
          label={t('catalogue.trlMin')}
          data={levels}
          value={search.trlMin === null ? '' : String(search.trlMin)}
          onChange={(event) =>
            onChange(withTrlRange(search, parse(event.currentTarget.value), search.trlMax))
          }
        />
        <NativeSelect
          label={t('catalogue.trlMax')}
          data={levels}
          value={search.trlMax === null ? '' : String(search.trlMax)}
          onChange={(event) =>
            onChange(withTrlRange(search, search.trlMin, parse(event.currentTarget.value)))
          }
        />
      </Group>
    </fieldset>
  );
}

/** A range picked backwards (from 7 to 3) means 3 to 7. */
function withTrlRange(search: CatalogueSearch, min: number | null, max: number | null): CatalogueSearch {
  if (min !== null && max !== null && min > max) return { ...search, trlMin: max, trlMax: min };
  return { ...search, trlMin: min, trlMax: max };
}

/**
 * The values worth offering: those with results for the current search, and those already chosen (so they can be
 * unticked even when nothing matches any more), in the schema's order.
 */
function enumOptions<Value extends string>(
  allValues: readonly Value[],
  selected: readonly Value[],
  counts: FacetCount[] | undefined,
  label: (value: Value) => string,
): FacetOption<Value>[] {
  const countByValue = new Map((counts ?? []).map((facet) => [facet.value, facet.count]));
  return allValues
    .map((value) => ({
      value,
      label: label(value),
      count: countByValue.get(value) ?? 0,
      checked: selected.includes(value),
    }))
    .filter((option) => option.count > 0 || option.checked);
}

/** Institutions come from the answer (id and name); one chosen but absent from it keeps its place with no results. */
function institutionOptions(
  selected: readonly string[],
  counts: FacetCount[] | undefined,
): FacetOption<string>[] {
  const options = (counts ?? [])
    .filter((facet) => facet.count > 0 || selected.includes(facet.value))
    .map((facet) => ({
      value: facet.value,
      label: facet.label,
      count: facet.count,
      checked: selected.includes(facet.value),
    }));
  const listed = new Set(options.map((option) => option.value));
  for (const id of selected) {
    if (!listed.has(id)) options.push({ value: id, label: id, count: 0, checked: true });
  }
  return options;
}
