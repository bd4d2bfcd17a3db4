import type { OrganizationKind, Role } from '../../common/request-context';
import type { InvitationRecord } from './session.model';
import type { OrganizationRecord } from './organization.model';
import type { UserRecord } from './user.model';
import type { Invitation, Organization, SmeProfile, User } from './identity.types';

export function toUser(record: UserRecord): User {
  return {
    id: record._id.toHexString(),
    email: record.email,
    displayName: record.displayName,
    memberships: record.memberships.map((m) => ({
      organizationId: m.organizationId.toHexString(),
      organizationKind: m.organizationKind as OrganizationKind,
      roles: m.roles as Role[],
    })),
  };
}

export function toOrganization(record: OrganizationRecord): Organization {
  return {
    id: record._id.toHexString(),
    kind: record.kind as OrganizationKind,
    name: record.name,
    nameZh: record.nameZh ?? null,
    country: record.country,
    region: record.region ?? null,
    website: record.website ?? null,
    ttoProfile: record.ttoProfile
      ? {
          ...record.ttoProfile,
          contactPhone: record.ttoProfile.contactPhone ?? null,
          office: record.ttoProfile.office ?? null,
        }
      : null,
    smeProfile: (record.smeProfile as SmeProfile | null | undefined) ?? null,
  };
}

export function toInvitation(record: InvitationRecord): Invitation {
  return {
    id: record._id.toHexString(),
    email: record.email,
    roles: record.roles as Role[],
    expiresAt: record.expiresAt,
  };
}
