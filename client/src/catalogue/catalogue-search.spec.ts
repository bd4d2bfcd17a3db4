import {
  activeFilterCount,
  catalogueSearchParams,
  parseCatalogueSearch,
  searchPatentsVariables,
  toggleValue,
  withoutFilters,
  type CatalogueSearch,
} from './catalogue-search';

const EMPTY: CatalogueSearch = {
  query: '',
  technicalFields: [],
  jurisdictions: [],
  legalStatuses: [],
  institutionIds: [],
  trlMin: null,
  trlMax: null,
  sort: 'RELEVANCE',
};

describe('parseCatalogueSearch', () => {
  it('reads every part of a shared address', () => {
    const search = parseCatalogueSearch(
      new URLSearchParams(
        'q=%E9%94%82%E7%94%B5%E6%B1%A0&field=ENERGY_STORAGE&field=NEW_MATERIALS&jurisdiction=CN&status=GRANTED' +
          '&institution=org-2&institution=org-1&trlMin=4&trlMax=7&sort=TRL_DESC',
      ),
    );
    expect(search).toEqual({
      query: '锂电池',
      technicalFields: ['ENERGY_STORAGE', 'NEW_MATERIALS'],
      jurisdictions: ['CN'],
      legalStatuses: ['GRANTED'],
      institutionIds: ['org-1', 'org-2'],
      trlMin: 4,
      trlMax: 7,
      sort: 'TRL_DESC',
    });
  });

  it('drops what is not a value of the schema and puts a backwards TRL range right', () => {
    const search = parseCatalogueSearch(
      new URLSearchParams(
        'q=%20battery%20&field=TIME_TRAVEL&field=AGRICULTURE&field=AGRICULTURE&jurisdiction=cn' +
          '&institution=&trlMin=8&trlMax=3&sort=CHEAPEST',
      ),
    );
    expect(search).toEqual({
      ...EMPTY,
      query: 'battery',
      technicalFields: ['AGRICULTURE'],
      trlMin: 3,
      trlMax: 8,
    });
  });

  it('ignores a TRL outside 1 to 9 or not a whole number', () => {
    for (const raw of ['0', '10', '4.5', '-1', 'four', '']) {
      expect(parseCatalogueSearch(new URLSearchParams({ trlMin: raw, trlMax: raw }))).toEqual(EMPTY);
    }
  });

  it('gives the empty search for an empty address', () => {
    expect(parseCatalogueSearch(new URLSearchParams())).toEqual(EMPTY);
  });
});

describe('catalogueSearchParams', () => {
  it('writes values in the schema order and leaves defaults out, so equal searches share one address', () => {
    const params = catalogueSearchParams({
      ...EMPTY,
      query: 'battery',
      technicalFields: ['NEW_MATERIALS', 'ENERGY_STORAGE'],
      jurisdictions: ['US', 'CN'],
      institutionIds: ['org-2', 'org-1', 'org-2'],
      trlMax: 6,
    });
    expect(params.toString()).toBe(
      'q=battery&field=ENERGY_STORAGE&field=NEW_MATERIALS&jurisdiction=CN&jurisdiction=US' +
        '&institution=org-1&institution=org-2&trlMax=6',
    );
  });

  it('is read back as the same search', () => {
    const search: CatalogueSearch = {
      query: '电池 solid state',
      technicalFields: ['ENERGY_STORAGE'],
      jurisdictions: ['CN', 'WO'],
      legalStatuses: ['FILED', 'GRANTED'],
      institutionIds: ['org-1'],
      trlMin: 2,
      trlMax: 9,
      sort: 'FILING_DATE_ASC',
    };
    expect(parseCatalogueSearch(catalogueSearchParams(search))).toEqual(search);
  });

  it('is empty for the empty search', () => {
    expect(catalogueSearchParams(EMPTY).toString()).toBe('');
  });
});

describe('searchPatentsVariables', () => {
  it('sends no query and no filter when there are none, so the server applies its defaults', () => {
    expect(searchPatentsVariables(EMPTY)).toEqual({ sort: 'RELEVANCE', first: 20 });
  });

  it('sends only the filters that are set', () => {
    expect(
      searchPatentsVariables({
        ...EMPTY,
        query: 'battery',
        jurisdictions: ['CN'],
        trlMin: 5,
        sort: 'TRL_DESC',
      }),
    ).toEqual({
      query: 'battery',
      filter: { jurisdictions: ['CN'], trlMin: 5 },
      sort: 'TRL_DESC',
      first: 20,
    });
  });
});

describe('filters', () => {
  it('counts each ticked value, and a TRL range once', () => {
    const search: CatalogueSearch = {
      ...EMPTY,
      technicalFields: ['ENERGY_STORAGE', 'NEW_MATERIALS'],
      institutionIds: ['org-1'],
      trlMin: 3,
      trlMax: 7,
    };
    expect(activeFilterCount(search)).toBe(4);
    expect(withoutFilters({ ...search, query: 'battery', sort: 'TRL_DESC' })).toEqual({
      ...EMPTY,
      query: 'battery',
      sort: 'TRL_DESC',
    });
  });

  it('ticks and unticks one value, leaving the others', () => {
    expect(toggleValue(['CN', 'US'], 'EP', true)).toEqual(['CN', 'US', 'EP']);
    expect(toggleValue(['CN', 'US'], 'CN', false)).toEqual(['US']);
    expect(toggleValue(['CN', 'US'], 'CN', true)).toEqual(['US', 'CN']);
  });
});
