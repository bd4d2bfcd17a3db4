import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { OrganizationKind, Role } from '../../common/request-context';
import { OrganizationKindEnum, RoleEnum } from '../../graphql/common.types';
import { connectionOf } from '../../graphql/connection';
import type { SmeSizeClass } from './organization.model';
import { registerEnumType } from 'type-graphql';
import { enumObject } from '../../graphql/common.types';
import { SME_SIZE_CLASSES } from './organization.model';

export const SmeSizeClassEnum = enumObject(SME_SIZE_CLASSES);
registerEnumType(SmeSizeClassEnum, {
  name: 'SmeSizeClass',
  description: 'The size class of an SME, as eligibility rules use it.',
  valuesConfig: {
    MICRO: { description: 'A micro enterprise.' },
    SMALL: { description: 'A small enterprise.' },
    MEDIUM: { description: 'A medium-sized enterprise.' },
  },
});

@ObjectType({
  description:
    "An SME's profile: what eligibility rules for licenses look at. Visible to its members and platform admins.",
})
export class SmeProfile {
  @Field(() => SmeSizeClassEnum, { description: 'Micro, small or medium.' })
  sizeClass!: SmeSizeClass;
  @Field(() => Int, { description: 'People employed.' })
  headcount!: number;
  @Field(() => Number, { description: 'Annual revenue in minor units of `revenueCurrency`.' })
  annualRevenueMinor!: number;
  @Field(() => String, { description: 'ISO 4217 code of the revenue currency.' })
  revenueCurrency!: string;
  @Field(() => String, { description: 'Founding date, YYYY-MM-DD.' })
  foundedOn!: string;
  @Field(() => String, { description: 'Company registration number (e.g. the unified social credit code).' })
  registrationNumber!: string;
  @Field(() => String, { description: 'Industry the SME works in.' })
  industry!: string;
  @Field(() => Boolean, { description: 'Recognised as "specialised and sophisticated" (专精特新).' })
  specialisedAndSophisticated!: boolean;
  @Field(() => Boolean, { description: 'Recognised as a "little giant" (小巨人).' })
  littleGiant!: boolean;
}

@ObjectType({
  description: "A tech-transfer office's contact details, public so that licensees can reach it.",
})
export class TtoProfile {
  @Field(() => String, { description: 'Name of the contact person.' })
  contactName!: string;
  @Field(() => String, { description: 'Email of the tech-transfer office.' })
  contactEmail!: string;
  @Field(() => String, { nullable: true, description: 'Phone number of the office.' })
  contactPhone!: string | null;
  @Field(() => String, { nullable: true, description: 'Name or address of the office.' })
  office!: string | null;
}

@ObjectType({ description: 'A university, research institute, SME, or the platform itself.' })
export class Organization {
  @Field(() => ID, { description: 'The organisation id.' })
  id!: string;
  @Field(() => OrganizationKindEnum, { description: 'What kind of organisation this is.' })
  kind!: OrganizationKind;
  @Field(() => String, { description: 'Name, in English or the language of registration.' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Chinese name, where there is one.' })
  nameZh!: string | null;
  @Field(() => String, { description: 'ISO 3166 two-letter country code.' })
  country!: string;
  @Field(() => String, { nullable: true, description: 'Province, state or region.' })
  region!: string | null;
  @Field(() => String, { nullable: true, description: 'Website address.' })
  website!: string | null;
  @Field(() => TtoProfile, {
    nullable: true,
    description: 'Tech-transfer office contact (universities and institutes).',
  })
  ttoProfile!: TtoProfile | null;
  /** Filled only for those allowed to see it (see the resolver). */
  smeProfile!: SmeProfile | null;
}

@ObjectType({ description: "A user's membership of one organisation." })
export class Membership {
  @Field(() => ID, { description: 'The organisation id.' })
  organizationId!: string;
  @Field(() => OrganizationKindEnum, { description: 'The kind of that organisation.' })
  organizationKind!: OrganizationKind;
  @Field(() => [RoleEnum], { description: 'The roles held there.' })
  roles!: Role[];
}

@ObjectType({ description: 'A person who signs in to UseFirst.' })
export class User {
  @Field(() => ID, { description: 'The user id.' })
  id!: string;
  @Field(() => String, { description: 'Sign-in email address.' })
  email!: string;
  @Field(() => String, { description: 'Name shown to colleagues.' })
  displayName!: string;
  @Field(() => [Membership], { description: 'The organisations this user acts for, with roles.' })
  memberships!: Membership[];
}

export const UserConnection = connectionOf(User, 'User', 'user');
export const OrganizationConnection = connectionOf(Organization, 'Organization', 'organisation');

@ObjectType({
  description: 'A signed-in session: a short-lived access token and a refresh token to renew it.',
})
export class AuthPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' })
  accessToken!: string;
  @Field(() => Date, { description: 'When the access token stops working.' })
  accessTokenExpiresAt!: Date;
  @Field(() => String, { description: 'Exchange with `refreshSession` for a new session; used once.' })
  refreshToken!: string;
  @Field(() => Date, { description: 'When the refresh token stops working.' })
  refreshTokenExpiresAt!: Date;
  @Field(() => User, { description: 'Who signed in.' })
  user!: User;
}

@ObjectType({ description: 'An invitation to join an organisation.' })
export class Invitation {
  @Field(() => ID, { description: 'The invitation id.' })
  id!: string;
  @Field(() => String, { description: 'Who is invited.' })
  email!: string;
  @Field(() => [RoleEnum], { description: 'The roles the invitee will have.' })
  roles!: Role[];
  @Field(() => Date, { description: 'When the invitation stops working.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'A new invitation and its token, shown only this once.' })
export class InvitationWithToken {
  @Field(() => Invitation, { description: 'The invitation.' })
  invitation!: Invitation;
  @Field(() => String, { description: 'Give this to the invitee; they accept with `acceptInvitation`.' })
  token!: string;
}

@InputType({ description: 'A new account.' })
export class SignUpInput {
  @Field(() => String, { description: 'Sign-in email address.' })
  email!: string;
  @Field(() => String, { description: 'At least 10 characters.' })
  password!: string;
  @Field(() => String, { description: 'Name shown to colleagues.' })
  displayName!: string;
}

@InputType({ description: 'Sign-in credentials.' })
export class SignInInput {
  @Field(() => String, { description: 'Sign-in email address.' })
  email!: string;
  @Field(() => String, { description: 'Password.' })
  password!: string;
}

@InputType({ description: "An SME's profile." })
export class SmeProfileInput {
  @Field(() => SmeSizeClassEnum, { description: 'Micro, small or medium.' })
  sizeClass!: SmeSizeClass;
  @Field(() => Int, { description: 'People employed.' })
  headcount!: number;
  @Field(() => Number, { description: 'Annual revenue in minor units of `revenueCurrency`.' })
  annualRevenueMinor!: number;
  @Field(() => String, { description: 'ISO 4217 currency code.' })
  revenueCurrency!: string;
  @Field(() => String, { description: 'Founding date, YYYY-MM-DD.' })
  foundedOn!: string;
  @Field(() => String, { description: 'Registration number.' })
  registrationNumber!: string;
  @Field(() => String, { description: 'Industry.' })
  industry!: string;
  @Field(() => Boolean, { description: 'Specialised and sophisticated (专精特新).' })
  specialisedAndSophisticated!: boolean;
  @Field(() => Boolean, { description: 'Little giant (小巨人).' })
  littleGiant!: boolean;
}

@InputType({ description: 'Tech-transfer office contact details.' })
export class TtoProfileInput {
  @Field(() => String, { description: 'Contact person.' })
  contactName!: string;
  @Field(() => String, { description: 'Contact email.' })
  contactEmail!: string;
  @Field(() => String, { nullable: true, description: 'Phone.' })
  contactPhone?: string | null;
  @Field(() => String, { nullable: true, description: 'Office name or address.' })
  office?: string | null;
}

@InputType({ description: 'An organisation to create; the creator becomes its admin.' })
export class CreateOrganizationInput {
  @Field(() => OrganizationKindEnum, { description: 'University, research institute or SME.' })
  kind!: Exclude<OrganizationKind, 'PLATFORM'>;
  @Field(() => String, { description: 'Name.' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Chinese name.' })
  nameZh?: string | null;
  @Field(() => String, { description: 'ISO 3166 two-letter country code.' })
  country!: string;
  @Field(() => String, { nullable: true, description: 'Province, state or region.' })
  region?: string | null;
  @Field(() => String, { nullable: true, description: 'Website (https://...).' })
  website?: string | null;
  @Field(() => SmeProfileInput, { nullable: true, description: 'Required for SMEs.' })
  smeProfile?: SmeProfileInput | null;
  @Field(() => TtoProfileInput, { nullable: true, description: 'For universities and institutes.' })
  ttoProfile?: TtoProfileInput | null;
}

@InputType({ description: 'Changes to an organisation; omitted fields stay as they are.' })
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true, description: 'Name.' })
  name?: string;
  @Field(() => String, { nullable: true, description: 'Chinese name.' })
  nameZh?: string | null;
  @Field(() => String, { nullable: true, description: 'Country code.' })
  country?: string;
  @Field(() => String, { nullable: true, description: 'Region.' })
  region?: string | null;
  @Field(() => String, { nullable: true, description: 'Website.' })
  website?: string | null;
  @Field(() => SmeProfileInput, { nullable: true, description: 'SME profile.' })
  smeProfile?: SmeProfileInput | null;
  @Field(() => TtoProfileInput, { nullable: true, description: 'TTO contact.' })
  ttoProfile?: TtoProfileInput | null;
}

@InputType({ description: 'Invite a colleague to an organisation.' })
export class InviteMemberInput {
  @Field(() => ID, { description: 'The organisation.' })
  organizationId!: string;
  @Field(() => String, { description: "The colleague's email." })
  email!: string;
  @Field(() => [RoleEnum], { description: 'Roles to give.' })
  roles!: Role[];
}

@InputType({ description: "Change a member's roles." })
export class SetMemberRolesInput {
  @Field(() => ID, { description: 'The organisation.' })
  organizationId!: string;
  @Field(() => ID, { description: 'The member.' })
  userId!: string;
  @Field(() => [RoleEnum], { description: 'The new roles (replacing the old).' })
  roles!: Role[];
}
