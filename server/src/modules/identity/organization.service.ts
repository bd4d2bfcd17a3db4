import { Types } from 'mongoose';
import type { Config } from '../../config/config';
import { claimOnce } from '../../common/claims';
import { AppError, type FieldError } from '../../common/errors';
import {
  isPlatformAdmin,
  requireRoleIn,
  requireViewer,
  ROLES,
  type OrganizationKind,
  type RequestContext,
  type Role,
} from '../../common/request-context';
import { emailProblem, normaliseEmail } from './identity.service';
import {
  OrganizationModel,
  SME_SIZE_CLASSES,
  type OrganizationRecord,
  type SmeSizeClass,
} from './organization.model';
import { InvitationModel, type InvitationRecord } from './session.model';
import { hashOpaqueToken, newOpaqueToken } from './tokens';
import { UserModel, type UserRecord } from './user.model';

export type SmeProfileInput = {
  sizeClass: SmeSizeClass;
  headcount: number;
  annualRevenueMinor: number;
  revenueCurrency: string;
  foundedOn: string;
  registrationNumber: string;
  industry: string;
  specialisedAndSophisticated: boolean;
  littleGiant: boolean;
};
export type TtoProfileInput = {
  contactName: string;
  contactEmail: string;
  contactPhone?: string | null;
  office?: string | null;
};
export type OrganizationInput = {
  kind: Exclude<OrganizationKind, 'PLATFORM'>;
  name: string;
  nameZh?: string | null;
  country: string;
  region?: string | null;
  website?: string | null;
  smeProfile?: SmeProfileInput | null;
  ttoProfile?: TtoProfileInput | null;
};
export type OrganizationUpdate = Partial<Omit<OrganizationInput, 'kind'>>;

/** The role a founder gets besides ADMIN, so that they can start working at once. */
const FOUNDER_WORK_ROLE: Record<OrganizationKind, Role | null> = {
  UNIVERSITY: 'TTO_MANAGER',
  RESEARCH_INSTITUTE: 'TTO_MANAGER',
  SME: 'SME_MEMBER',
  PLATFORM: null,
};

export class OrganizationService {
  constructor(private readonly config: Config) {}

  async getOrThrow(id: string): Promise<OrganizationRecord> {
    const organization = Types.ObjectId.isValid(id)
      ? await OrganizationModel.findById(id).lean<OrganizationRecord>()
      : null;
    if (!organization) throw AppError.notFound('The organisation');
    return organization;
  }

  /** Creates an organisation; the signed-in user becomes its first admin. */
  async create(ctx: RequestContext, input: OrganizationInput): Promise<OrganizationRecord> {
    const viewer = requireViewer(ctx);
    AppError.assertNoFieldErrors(validateOrganization(input, true));
    const now = ctx.clock.now();
    const id = new Types.ObjectId();
    const organization = (
      await OrganizationModel.create({
        _id: id,
        ...cleanOrganization(input),
        kind: input.kind,
        externalKey: `api:${id.toHexString()}`,
        createdAt: now,
        updatedAt: now,
      })
    ).toObject() as OrganizationRecord;
    const roles: Role[] = [
      'ADMIN',
      ...(FOUNDER_WORK_ROLE[input.kind] ? [FOUNDER_WORK_ROLE[input.kind] as Role] : []),
    ];
    await UserModel.updateOne(
      { _id: new Types.ObjectId(viewer.userId) },
      {
        $push: {
          memberships: {
            organizationId: organization._id,
            organizationKind: input.kind,
            roles,
            joinedAt: now,
          },
        },
        $set: { updatedAt: now },
      },
    );
    return organization;
  }

  async update(ctx: RequestContext, id: string, input: OrganizationUpdate): Promise<OrganizationRecord> {
    requireRoleIn(ctx, id, 'ADMIN');
    const current = await this.getOrThrow(id);
    const merged = { ...current, ...input, kind: current.kind } as OrganizationInput;
    AppError.assertNoFieldErrors(validateOrganization(merged, false));
    const updated = await OrganizationModel.findOneAndUpdate(
      { _id: current._id },
      { $set: { ...cleanOrganization(merged), updatedAt: ctx.clock.now() } },
      { returnDocument: 'after' },
    ).lean<OrganizationRecord>();
    if (!updated) throw AppError.notFound('The organisation');
    return updated;
  }

  async list(kind: OrganizationKind | null): Promise<OrganizationRecord[]> {
    return OrganizationModel.find(kind ? { kind } : {}).lean<OrganizationRecord[]>();
  }

  async getManyByIds(ids: readonly string[]): Promise<Map<string, OrganizationRecord>> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));
    const found =
      valid.length === 0
        ? []
        : await OrganizationModel.find({ _id: { $in: valid } }).lean<OrganizationRecord[]>();
    return new Map(found.map((o) => [o._id.toHexString(), o]));
  }

  /** An organisation's private profile is for its own members and platform admins only. */
  canSeePrivateProfile(ctx: RequestContext, organizationId: string): boolean {
    return (
      Boolean(ctx.viewer?.memberships.some((m) => m.organizationId === organizationId)) ||
      isPlatformAdmin(ctx.viewer)
    );
  }

  async members(ctx: RequestContext, organizationId: string): Promise<UserRecord[]> {
    const viewer = requireViewer(ctx);
    if (!viewer.memberships.some((m) => m.organizationId === organizationId) && !isPlatformAdmin(viewer)) {
      throw AppError.forbidden('Only members of this organisation can see who belongs to it.');
    }
    return UserModel.find({ 'memberships.organizationId': new Types.ObjectId(organizationId) }).lean<
      UserRecord[]
    >();
  }

  /** Returns the invitation and its token; the token is shown once (to be sent to the invitee) and stored hashed. */
  async invite(
    ctx: RequestContext,
    organizationId: string,
    rawEmail: string,
    roles: Role[],
  ): Promise<{ invitation: InvitationRecord; token: string }> {
    const viewer = requireViewer(ctx);
    requireRoleIn(ctx, organizationId, 'ADMIN');
    const organization = await this.getOrThrow(organizationId);
    const email = normaliseEmail(rawEmail);
    const errors: FieldError[] = [];
    const emailIssue = emailProblem(email);
    if (emailIssue) errors.push({ field: 'email', message: emailIssue });
    errors.push(...rolesProblems(roles, organization.kind as OrganizationKind));
    AppError.assertNoFieldErrors(errors);
    const now = ctx.clock.now();
    const token = newOpaqueToken();
    const invitation = await InvitationModel.create({
      tokenHash: hashOpaqueToken(token),
      organizationId: organization._id,
      email,
      roles,
      invitedByUserId: new Types.ObjectId(viewer.userId),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.invitationTtlDays * 86_400_000),
      acceptedAt: null,
      acceptedByUserId: null,
    });
    return { invitation: invitation.toObject() as InvitationRecord, token };
  }

  /** The signed-in user joins the organisation with the invited roles. An invitation is used once. */
  async acceptInvitation(ctx: RequestContext, token: string): Promise<OrganizationRecord> {
    const viewer = requireViewer(ctx);
    const now = ctx.clock.now();
    const invalid = new AppError(
      'INVITATION_INVALID',
      'This invitation is not valid any more; ask for a new one.',
      { field: 'token' },
    );
    const invitation = await InvitationModel.findOne({
      tokenHash: hashOpaqueToken(token),
    }).lean<InvitationRecord>();
    if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= now.getTime())
      throw invalid;
    if (invitation.email !== viewer.email)
      throw new AppError('INVITATION_INVALID', 'This invitation was sent to another email address.', {
        field: 'token',
      });
    if (viewer.memberships.some((m) => m.organizationId === invitation.organizationId.toHexString())) {
      throw new AppError('CONFLICT', 'You are already a member of this organisation.');
    }
    const organization = await this.getOrThrow(invitation.organizationId.toHexString());
    // An invitation is used once, whatever the concurrency: the claim decides.
    const claim = await claimOnce(`invitation:${invitation._id.toHexString()}`, viewer.userId, now);
    if (!claim.won) throw invalid;
    await InvitationModel.updateOne(
      { _id: invitation._id },
      { $set: { acceptedAt: now, acceptedByUserId: new Types.ObjectId(viewer.userId) } },
    );
    await UserModel.updateOne(
      { _id: new Types.ObjectId(viewer.userId) },
      {
        $push: {
          memberships: {
            organizationId: organization._id,
            organizationKind: organization.kind,
            roles: invitation.roles,
            joinedAt: now,
          },
        },
        $set: { updatedAt: now },
      },
    );
    return organization;
  }

  async setMemberRoles(
    ctx: RequestContext,
    organizationId: string,
    userId: string,
    roles: Role[],
  ): Promise<UserRecord> {
    requireRoleIn(ctx, organizationId, 'ADMIN');
    const organization = await this.getOrThrow(organizationId);
    AppError.assertNoFieldErrors(rolesProblems(roles, organization.kind as OrganizationKind));
    const members = await UserModel.find({ 'memberships.organizationId': organization._id }).lean<
      UserRecord[]
    >();
    const member = members.find((u) => u._id.toHexString() === userId);
    if (!member) throw AppError.notFound('That member of this organisation');
    const otherAdmins = members.filter(
      (u) =>
        u._id.toHexString() !== userId &&
        u.memberships.some((m) => m.organizationId.equals(organization._id) && m.roles.includes('ADMIN')),
    );
    if (!roles.includes('ADMIN') && otherAdmins.length === 0) {
      throw new AppError(
        'LAST_ADMIN',
        'An organisation needs at least one admin; make someone else admin first.',
        { field: 'roles' },
      );
    }
    const memberships = member.memberships.map((m) =>
      m.organizationId.equals(organization._id) ? { ...m, roles } : m,
    );
    const updated = await UserModel.findOneAndUpdate(
      { _id: member._id },
      { $set: { memberships, updatedAt: ctx.clock.now() } },
      { returnDocument: 'after' },
    ).lean<UserRecord>();
    if (!updated) throw AppError.notFound('That member of this organisation');
    return updated;
  }
}

function rolesProblems(roles: Role[], kind: OrganizationKind): FieldError[] {
  if (roles.length === 0) return [{ field: 'roles', message: 'Give at least one role.' }];
  if (roles.some((r) => !ROLES.includes(r)))
    return [{ field: 'roles', message: 'One of the roles is unknown.' }];
  if (roles.includes('TTO_MANAGER') && kind !== 'UNIVERSITY' && kind !== 'RESEARCH_INSTITUTE') {
    return [{ field: 'roles', message: 'Only universities and research institutes have TTO managers.' }];
  }
  if (roles.includes('SME_MEMBER') && kind !== 'SME')
    return [{ field: 'roles', message: 'Only SMEs have SME members.' }];
  return [];
}

const CURRENCY_PATTERN = /^[A-Z]{3}$/;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function validateOrganization(input: OrganizationInput, creating: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (creating && !['UNIVERSITY', 'RESEARCH_INSTITUTE', 'SME'].includes(input.kind)) {
    errors.push({ field: 'kind', message: 'Choose university, research institute or SME.' });
  }
  if (!input.name || input.name.trim().length < 2 || input.name.length > 200)
    errors.push({ field: 'name', message: 'Enter the organisation name (2 to 200 characters).' });
  if (!COUNTRY_PATTERN.test(input.country ?? ''))
    errors.push({
      field: 'country',
      message: 'Give the country as a two-letter ISO code such as CN, US or GB.',
    });
  if (input.website && !/^https?:\/\/\S+$/.test(input.website))
    errors.push({ field: 'website', message: 'Give the website as a full address starting with https://.' });
  if (input.kind === 'SME') {
    const p = input.smeProfile;
    if (!p) {
      errors.push({
        field: 'smeProfile',
        message: 'An SME needs its profile (size, headcount, revenue, founding date...).',
      });
    } else {
      if (!SME_SIZE_CLASSES.includes(p.sizeClass))
        errors.push({ field: 'smeProfile.sizeClass', message: 'Choose micro, small or medium.' });
      if (!Number.isInteger(p.headcount) || p.headcount < 1 || p.headcount > 100_000)
        errors.push({
          field: 'smeProfile.headcount',
          message: 'Give the headcount as a whole number of people.',
        });
      if (!Number.isSafeInteger(p.annualRevenueMinor) || p.annualRevenueMinor < 0)
        errors.push({
          field: 'smeProfile.annualRevenueMinor',
          message: 'Give the annual revenue as a non-negative amount in minor units.',
        });
      if (!CURRENCY_PATTERN.test(p.revenueCurrency))
        errors.push({
          field: 'smeProfile.revenueCurrency',
          message: 'Give the revenue currency as an ISO code such as CNY.',
        });
      if (!DATE_PATTERN.test(p.foundedOn) || Number.isNaN(Date.parse(`${p.foundedOn}T00:00:00Z`)))
        errors.push({ field: 'smeProfile.foundedOn', message: 'Give the founding date as YYYY-MM-DD.' });
      if (!p.registrationNumber?.trim())
        errors.push({
          field: 'smeProfile.registrationNumber',
          message: 'Enter the registration number (for example the unified social credit code).',
        });
      if (!p.industry?.trim()) errors.push({ field: 'smeProfile.industry', message: 'Enter the industry.' });
    }
  } else if (input.smeProfile) {
    errors.push({ field: 'smeProfile', message: 'Only SMEs have an SME profile.' });
  }
  if ((input.kind === 'UNIVERSITY' || input.kind === 'RESEARCH_INSTITUTE') && input.ttoProfile) {
    if (!input.ttoProfile.contactName?.trim())
      errors.push({ field: 'ttoProfile.contactName', message: 'Enter the name of the TTO contact.' });
    if (emailProblem(normaliseEmail(input.ttoProfile.contactEmail ?? '')))
      errors.push({ field: 'ttoProfile.contactEmail', message: 'Enter the TTO contact email address.' });
  }
  return errors;
}

function cleanOrganization(input: OrganizationInput): Record<string, unknown> {
  return {
    name: input.name.trim(),
    nameZh: input.nameZh?.trim() || null,
    country: input.country,
    region: input.region?.trim() || null,
    website: input.website?.trim() || null,
    smeProfile: input.kind === 'SME' ? input.smeProfile : null,
    ttoProfile:
      input.kind === 'UNIVERSITY' || input.kind === 'RESEARCH_INSTITUTE' ? (input.ttoProfile ?? null) : null,
  };
}
