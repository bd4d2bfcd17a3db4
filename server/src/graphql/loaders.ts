import DataLoader from 'dataloader';
import type { OrganizationRecord } from '../modules/identity/organization.model';
import type { Services } from '../services';

/** Per-request batch loaders, so that a list of N items costs one query per kind of related object, not N. */
export type Loaders = { organizationById: DataLoader<string, OrganizationRecord | null> };

export function createLoaders(services: Services): Loaders {
  return {
    organizationById: new DataLoader(async (ids: readonly string[]) => {
      const found = await services.organizations.getManyByIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
