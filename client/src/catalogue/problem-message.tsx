import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeRequestError } from '../graphql/graphql-error';

/** The search inputs the server may name in `extensions.field`, and the label the visitor knows each by. */
const FIELD_LABEL_KEYS = {
  query: 'catalogue.searchLabel',
  technicalFields: 'catalogue.facetTechnicalField',
  jurisdictions: 'catalogue.facetJurisdiction',
  legalStatuses: 'catalogue.facetLegalStatus',
  institutionIds: 'catalogue.facetInstitution',
  trlMin: 'catalogue.facetTrl',
  trlMax: 'catalogue.facetTrl',
} as const;

function isKnownField(name: string | undefined): name is keyof typeof FIELD_LABEL_KEYS {
  return name !== undefined && Object.hasOwn(FIELD_LABEL_KEYS, name);
}

/** Says what went wrong with a request, in the visitor's language and without internals. */
export function ProblemMessage({ error }: { error: unknown }) {
  return <Text size="sm">{useProblemText(error)}</Text>;
}

function useProblemText(error: unknown): string {
  const { t } = useTranslation();
  const problem = describeRequestError(error);
  switch (problem.kind) {
    case 'badInput': {
      // The server may name the field with its path, such as "filter.trlMin".
      const name = problem.field?.split('.').pop();
      return isKnownField(name)
        ? t('errors.badInputField', { field: t(FIELD_LABEL_KEYS[name]) })
        : t('errors.badInput');
    }
    case 'forbidden':
      return t('errors.forbidden');
    case 'unavailable':
      return t('errors.unavailable');
    case 'unexpected':
      return t('errors.unexpected');
  }
}
