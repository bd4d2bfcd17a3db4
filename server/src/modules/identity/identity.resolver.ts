import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../../common/request-context';
import { Access } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import { pageOfList } from '../../graphql/connection';
import { OrganizationKindEnum } from '../../graphql/common.types';
import type { OrganizationKind } from '../../common/request-context';
import { toInvitation, toOrganization, toUser } from './identity.mapper';
import {
  AuthPayload,
  CreateOrganizationInput,
  InvitationWithToken,
  InviteMemberInput,
  Organization,
  OrganizationConnection,
  SetMemberRolesInput,
  SignInInput,
  SignUpInput,
  SmeProfile,
  UpdateOrganizationInput,
  User,
  UserConnection,
} from './identity.types';
import type { AuthSession } from './identity.service';

function toAuthPayload(session: AuthSession): AuthPayload {
  return { ...session, user: toUser(session.user) };
}

@Resolver()
export class SessionResolver {
  @Authorized(Access.PUBLIC)
  @Mutation(() => AuthPayload, {
    description: 'Creates an account and signs it in. Then create or join an organisation.',
  })
  async signUp(
    @Arg('input', () => SignUpInput) input: SignUpInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    return toAuthPayload(await ctx.services.identity.signUp(ctx.request, input));
  }

  @Authorized(Access.PUBLIC)
  @Mutation(() => AuthPayload, {
    description: 'Signs in with email and password. Attempts are rate-limited.',
  })
  async signIn(
    @Arg('input', () => SignInInput) input: SignInInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    return toAuthPayload(await ctx.services.identity.signIn(ctx.request, input.email, input.password));
  }

  @Authorized(Access.PUBLIC)
  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token (used once) for a new session.' })
  async refreshSession(
    @Arg('refreshToken', () => String, { description: 'The refresh token of the current session.' })
    refreshToken: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    return toAuthPayload(await ctx.services.identity.refreshSession(ctx.request, refreshToken));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Signs out: the refresh token stops working.' })
  signOut(
    @Arg('refreshToken', () => String, { description: 'The refresh token to revoke.' }) refreshToken: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return ctx.services.identity.signOut(ctx.request, refreshToken);
  }

  @Authorized()
  @Query(() => User, { description: 'The signed-in user, with their memberships.' })
  async me(@Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await ctx.services.identity.getUserOrThrow(requireViewer(ctx.request).userId));
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Authorized(Access.PUBLIC)
  @Query(() => Organization, {
    nullable: true,
    description: 'One organisation by id; its private profile only for its members.',
  })
  async organization(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Organization | null> {
    const record = await ctx.loaders.organizationById.load(id);
    return record ? toOrganization(record) : null;
  }

  @Authorized(Access.PUBLIC)
  @Query(() => OrganizationConnection, {
    description: 'The universities and research institutes that license patents here (SMEs are not listed).',
  })
  async institutions(
    @Arg('kind', () => OrganizationKindEnum, {
      nullable: true,
      description: 'University or research institute; both when omitted.',
    })
    kind: OrganizationKind | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item seen.' })
    after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const all = await ctx.services.organizations.list(null);
    const institutions = all
      .filter((o) => (kind ? o.kind === kind : o.kind === 'UNIVERSITY' || o.kind === 'RESEARCH_INSTITUTE'))
      .sort((a, b) => a.name.localeCompare(b.name));
    return pageOfList(institutions, { first, after }, `institutions:${kind ?? ''}`, toOrganization);
  }

  @Authorized()
  @Mutation(() => Organization, {
    description: 'Creates a university, research institute or SME; you become its admin.',
  })
  async createOrganization(
    @Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Organization> {
    return toOrganization(await ctx.services.organizations.create(ctx.request, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Organization, {
    description: "Changes an organisation's details and profile (its admins).",
  })
  async updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Organization> {
    return toOrganization(await ctx.services.organizations.update(ctx.request, id, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => InvitationWithToken, {
    description: 'Invites a colleague by email with the given roles (admins).',
  })
  async inviteMember(
    @Arg('input', () => InviteMemberInput) input: InviteMemberInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InvitationWithToken> {
    const { invitation, token } = await ctx.services.organizations.invite(
      ctx.request,
      input.organizationId,
      input.email,
      input.roles,
    );
    return { invitation: toInvitation(invitation), token };
  }

  @Authorized()
  @Mutation(() => Organization, { description: 'Joins the organisation that sent this invitation token.' })
  async acceptInvitation(
    @Arg('token', () => String, { description: 'The invitation token received.' }) token: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Organization> {
    return toOrganization(await ctx.services.organizations.acceptInvitation(ctx.request, token));
  }

  @Authorized('ADMIN')
  @Mutation(() => User, {
    description: "Replaces a member's roles (admins; an organisation keeps at least one admin).",
  })
  async setMemberRoles(
    @Arg('input', () => SetMemberRolesInput) input: SetMemberRolesInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<User> {
    return toUser(
      await ctx.services.organizations.setMemberRoles(
        ctx.request,
        input.organizationId,
        input.userId,
        input.roles,
      ),
    );
  }

  @FieldResolver(() => SmeProfile, {
    nullable: true,
    description: "The SME's profile; null unless you are a member of it or a platform admin.",
  })
  smeProfile(@Root() organization: Organization, @Ctx() ctx: GraphQLContext): SmeProfile | null {
    return ctx.services.organizations.canSeePrivateProfile(ctx.request, organization.id)
      ? organization.smeProfile
      : null;
  }

  @FieldResolver(() => UserConnection, {
    nullable: true,
    description: 'The members; null unless you are one of them or a platform admin.',
  })
  async members(
    @Root() organization: Organization,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item seen.' })
    after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    if (!ctx.services.organizations.canSeePrivateProfile(ctx.request, organization.id)) return null;
    const members = await ctx.services.organizations.members(ctx.request, organization.id);
    members.sort((a, b) => a.email.localeCompare(b.email));
    return pageOfList(members, { first, after }, `members:${organization.id}`, toUser);
  }
}
