import type { RequestContext } from '../common/request-context';
import type { Services } from '../services';
import type { Loaders } from './loaders';

/** What every resolver receives: the request (who, when, from where), the services, and per-request loaders. */
export type GraphQLContext = { request: RequestContext; services: Services; loaders: Loaders };
