import catalogueOperations from '../../../graphql/operations/catalogue.graphql?raw';
import type {
  PatentDetailQuery,
  PatentDetailVariables,
  SearchPatentsQuery,
  SearchPatentsVariables,
} from './catalogue.types';
import { operationDocument } from './operation-document';

export const SearchPatentsDocument = operationDocument<SearchPatentsQuery, SearchPatentsVariables>(
  catalogueOperations,
  'SearchPatents',
);

export const PatentDetailDocument = operationDocument<PatentDetailQuery, PatentDetailVariables>(
  catalogueOperations,
  'PatentDetail',
);
