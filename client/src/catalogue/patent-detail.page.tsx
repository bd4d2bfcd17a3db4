import { skipToken, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Loader, Text, Title } from '@mantine/core';
import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useDocumentTitle } from '../app/page-hooks';
import type { IsoDate } from '../graphql/enum-values';
import { PatentDetailDocument } from '../graphql/generated/graphql';
import type { PatentDetail } from './catalogue.types';
import { formatIsoDate, formatList } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import classes from './patent-detail.module.css';
import { otherLanguageText, pickLocalizedText } from './localized-text';
import { ProblemMessage } from './problem-message';
import type { FromCatalogueState } from './search-results';

// The offers bring the cost simulator and its chart library: loaded after the patent itself.
const PatentOffers = lazy(() => import('../licensing/patent-offers'));

export function PatentDetailPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id } = useParams<'id'>();
  const { data, dataState, error, loading, refetch } = useQuery(
    PatentDetailDocument,
    id ? { variables: { id } } : skipToken,
  );
  const patent = dataState === 'complete' ? data.patent : null;
  const title = patent ? pickLocalizedText(locale, { en: patent.titleEn, zh: patent.titleZh }) : null;

  let pageTitle: string | null = null;
  if (patent) pageTitle = title?.text ?? patent.id;
  else if (error) pageTitle = t('patent.errorTitle');
  else if (!loading) pageTitle = t('patent.notFoundTitle');
  useDocumentTitle(pageTitle);

  return (
    <>
      <BackToSearch />
      {loading && !patent && (
        <Group gap="sm" py="xl">
          <Loader size="sm" aria-hidden="true" />
          <p role="status">{t('patent.loading')}</p>
        </Group>
      )}
      {error && !patent && (
        <>
          <Title order={1}>{t('patent.errorTitle')}</Title>
          <Alert color="red" mt="md" title={t('patent.errorTitle')}>
            <ProblemMessage error={error} />
            <Button
              mt="sm"
              variant="outline"
              color="red"
              onClick={() => void refetch().catch(() => undefined)}
            >
              {t('catalogue.retry')}
            </Button>
          </Alert>
        </>
      )}
      {!loading && !error && !patent && (
        <>
          <Title order={1}>{t('patent.notFoundTitle')}</Title>
          <Text mt="md">{t('patent.notFoundBody')}</Text>
        </>
      )}
      {patent && <PatentDetailView patent={patent} />}
      {patent && (
        <Suspense fallback={null}>
          <PatentOffers patentId={patent.id} />
        </Suspense>
      )}
    </>
  );
}

/** Back to the search the visitor came from, or to the catalogue when they arrived from elsewhere. */
function BackToSearch() {
  const { t } = useTranslation();
  const { state } = useLocation();
  const search = isFromCatalogue(state) ? state.catalogueSearch : '';
  return (
    <p className={classes.back}>
      <Link to={{ pathname: '/', search }}>
        <span aria-hidden="true">← </span>
        {t('patent.back')}
      </Link>
    </p>
  );
}

function isFromCatalogue(state: unknown): state is FromCatalogueState {
  return (
    typeof state === 'object' && state !== null && typeof Reflect.get(state, 'catalogueSearch') === 'string'
  );
}

function PatentDetailView({ patent }: { patent: PatentDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  const titles = { en: patent.titleEn, zh: patent.titleZh };
  const abstracts = { en: patent.abstractEn, zh: patent.abstractZh };
  const title = pickLocalizedText(locale, titles);
  const otherTitle = title?.lang ? null : otherLanguageText(locale, titles);
  const summary = pickLocalizedText(locale, abstracts);
  const otherSummary = summary?.lang ? null : otherLanguageText(locale, abstracts);
  const notStated = t('catalogue.notStated');
  const date = (value: IsoDate | null): ReactNode =>
    value ? <time dateTime={value}>{formatIsoDate(value, locale)}</time> : notStated;
  const list = (values: string[]): string => (values.length > 0 ? formatList(values, locale) : notStated);

  return (
    <article aria-labelledby={titleId}>
      <header className={classes.header}>
        <Title order={1} id={titleId} lang={title?.lang}>
          {title?.text ?? patent.id}
        </Title>
        {otherTitle && (
          <p className={classes.otherTitle}>
            <span className={classes.label}>{t('patent.titleInOther')}</span>
            <span lang={otherTitle.lang}>{otherTitle.text}</span>
          </p>
        )}
        <Group gap="xs" mt="sm">
          <Badge variant="light" color="gray" className={classes.badge}>
            {t(`enums.jurisdiction.${patent.jurisdiction}`)}
          </Badge>
          <Badge variant="light" color="gray" className={classes.badge}>
            {t(`enums.legalStatus.${patent.legalStatus}`)}
          </Badge>
          <Badge variant="light" color="gray" className={classes.badge}>
            {t('patent.trlValue', { level: patent.trl })}
          </Badge>
        </Group>
      </header>

      <div className={classes.columns}>
        <div className={classes.mainColumn}>
          <DetailSection title={t('patent.abstract')}>
            {summary ? <p lang={summary.lang}>{summary.text}</p> : <p>{notStated}</p>}
            {otherSummary && (
              <details className={classes.otherAbstract}>
                <summary>{t('patent.abstractInOther')}</summary>
                <p lang={otherSummary.lang}>{otherSummary.text}</p>
              </details>
            )}
          </DetailSection>
          <DetailSection title={t('patent.claimsSummary')}>
            <p className={classes.preserveLines}>{patent.claimsSummary || notStated}</p>
          </DetailSection>
          <DetailSection title={t('patent.advantages')}>
            <TextList items={patent.advantages} />
          </DetailSection>
          <DetailSection title={t('patent.applications')}>
            <TextList items={patent.applications} />
          </DetailSection>
          <DetailSection title={t('patent.documents')}>
            {patent.documentLinks.length === 0 ? (
              <p>{t('patent.noDocuments')}</p>
            ) : (
              <ul className={classes.list}>
                {patent.documentLinks.map((link) => (
                  <li key={`${link.label}|${link.url}`}>
                    <ExternalLink url={link.url}>{link.label}</ExternalLink>
                  </li>
                ))}
              </ul>
            )}
          </DetailSection>
        </div>

        <div className={classes.sideColumn}>
          <DetailSection title={t('patent.facts')} boxed>
            <dl className={classes.facts}>
              <Fact term={t('patent.applicationNumber')}>{patent.applicationNumber}</Fact>
              <Fact term={t('patent.publicationNumber')}>{patent.publicationNumber || notStated}</Fact>
              <Fact term={t('patent.grantNumber')}>{patent.grantNumber || notStated}</Fact>
              <Fact term={t('patent.priorityDate')}>{date(patent.priorityDate)}</Fact>
              <Fact term={t('patent.filingDate')}>{date(patent.filingDate)}</Fact>
              <Fact term={t('patent.grantDate')}>{date(patent.grantDate)}</Fact>
              <Fact term={t('patent.expiryDate')}>{date(patent.expiryDate)}</Fact>
              <Fact term={t('catalogue.jurisdictionLabel')}>
                {t(`enums.jurisdiction.${patent.jurisdiction}`)}
              </Fact>
              <Fact term={t('catalogue.legalStatusLabel')}>
                {t(`enums.legalStatus.${patent.legalStatus}`)}
              </Fact>
              <Fact term={t('catalogue.trlLabel')}>{t('patent.trlValue', { level: patent.trl })}</Fact>
              <Fact term={t('patent.listing')}>{t(`enums.patentState.${patent.state}`)}</Fact>
              <Fact term={t('patent.ipcClasses')}>{list(patent.ipcClasses)}</Fact>
              <Fact term={t('patent.technicalFields')}>
                {list(patent.technicalFields.map((field) => t(`enums.technicalField.${field}`)))}
              </Fact>
              <Fact term={t('patent.inventors')}>{list(patent.inventors)}</Fact>
              <Fact term={t('patent.keywords')}>{list(patent.keywords)}</Fact>
            </dl>
          </DetailSection>

          <DetailSection title={t('patent.institution')} boxed>
            <p className={classes.institutionName}>{patent.institution.name}</p>
            <dl className={classes.facts}>
              <Fact term={t('patent.institutionKind')}>
                {t(`enums.organizationKind.${patent.institution.kind}`)}
              </Fact>
              <Fact term={t('patent.region')}>{patent.institution.region || notStated}</Fact>
              <Fact term={t('patent.website')}>
                {patent.institution.website ? (
                  <ExternalLink url={patent.institution.website}>
                    {displayUrl(patent.institution.website)}
                  </ExternalLink>
                ) : (
                  notStated
                )}
              </Fact>
            </dl>
          </DetailSection>
        </div>
      </div>
    </article>
  );
}

function DetailSection({ title, boxed, children }: { title: string; boxed?: boolean; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={boxed ? classes.box : classes.section}>
      <Title order={2} size="h3" id={headingId} className={classes.sectionTitle}>
        {title}
      </Title>
      {children}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className={classes.fact}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function TextList({ items }: { items: string[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t('catalogue.notStated')}</p>;
  return (
    <ul className={classes.list}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** Links only to web addresses: a URL from the API is data, and `javascript:` or `data:` must not become a link. */
function ExternalLink({ url, children }: { url: string; children: ReactNode }) {
  const safe = httpUrl(url);
  if (!safe) return <>{children}</>;
  return (
    <a href={safe} rel="noopener noreferrer external">
      {children}
    </a>
  );
}

function httpUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function displayUrl(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
