import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import type { Config } from '../../config/config';
import { claimOnce } from '../../common/claims';
import { AppError, isDuplicateKeyError, type FieldError, type MessageId } from '../../common/errors';
import {
  requireViewer,
  type Membership,
  type RequestContext,
  type Viewer,
} from '../../common/request-context';
import { decoyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password';
import { RefreshTokenModel } from './session.model';
import { SignInThrottle } from './sign-in-throttle';
import { hashOpaqueToken, newOpaqueToken, signAccessToken, verifyAccessToken } from './tokens';
import { UserModel, type UserRecord } from './user.model';

export type AuthSession = {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: UserRecord;
};

export type SignUpInput = { email: string; password: string; displayName: string };

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const INVALID_CREDENTIALS: MessageId = 'The email or password is not right.';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailProblem(email: string): MessageId | null {
  return EMAIL_PATTERN.test(email) && email.length <= 254
    ? null
    : 'Enter an email address such as name@example.org.';
}

/** Sign-up, sign-in, sessions and who a token belongs to. */
export class IdentityService {
  private readonly throttle: SignInThrottle;

  constructor(private readonly config: Config) {
    this.throttle = new SignInThrottle(config.signInThrottle);
  }

  async signUp(ctx: RequestContext, input: SignUpInput): Promise<AuthSession> {
    const email = normaliseEmail(input.email);
    const displayName = input.displayName.trim();
    const errors: FieldError[] = [];
    const emailIssue = emailProblem(email);
    if (emailIssue) errors.push({ field: 'email', message: emailIssue });
    const passwordIssue = passwordProblem(input.password);
    if (passwordIssue) errors.push({ field: 'password', ...passwordIssue });
    if (displayName.length < 1 || displayName.length > 120)
      errors.push({ field: 'displayName', message: 'Enter your name (up to 120 characters).' });
    AppError.assertNoFieldErrors(errors);

    const now = ctx.clock.now();
    let user: UserRecord;
    try {
      const created = await UserModel.create({
        email,
        passwordHash: await hashPassword(input.password),
        displayName,
        memberships: [],
        createdAt: now,
        updatedAt: now,
      });
      user = created.toObject() as UserRecord;
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new AppError(
          'EMAIL_ALREADY_REGISTERED',
          'An account with this email already exists; sign in instead.',
          { field: 'email' },
        );
      }
      throw error;
    }
    return this.openSession(user, randomUUID(), now);
  }

  async signIn(ctx: RequestContext, rawEmail: string, password: string): Promise<AuthSession> {
    const email = normaliseEmail(rawEmail);
    await this.throttle.consume(email, ctx.ipAddress);
    const user = await UserModel.findOne({ email }).lean<UserRecord>();
    // The same message and the same work whether the email exists or not, so that sign-in reveals neither.
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!user || !valid) throw new AppError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    await this.throttle.succeeded(email, ctx.ipAddress);
    return this.openSession(user, randomUUID(), ctx.clock.now());
  }

  async refreshSession(ctx: RequestContext, refreshToken: string): Promise<AuthSession> {
    const now = ctx.clock.now();
    const tokenHash = hashOpaqueToken(refreshToken);
    const stored = await RefreshTokenModel.findOne({ tokenHash }).lean();
    // A refresh token is used once: the claim decides which of two concurrent refreshes gets the new session.
    const used = stored ? await claimOnce(`refresh-token:${tokenHash}`, randomUUID(), now) : null;
    const claimed = stored && !stored.revokedAt && used?.won ? stored : null;
    if (stored && used?.won)
      await RefreshTokenModel.updateOne({ _id: stored._id }, { $set: { revokedAt: now } });
    if (!claimed) {
      const replayed = await RefreshTokenModel.findOne({ tokenHash }).lean();
      // A revoked token presented again means it was copied: end every session of that family.
      if (replayed)
        await RefreshTokenModel.updateMany(
          { familyId: replayed.familyId, revokedAt: null },
          { $set: { revokedAt: now } },
        );
      throw new AppError('INVALID_REFRESH_TOKEN', 'Your session has ended; sign in again.');
    }
    if (claimed.expiresAt.getTime() <= now.getTime())
      throw new AppError('INVALID_REFRESH_TOKEN', 'Your session has ended; sign in again.');
    const user = await UserModel.findById(claimed.userId).lean<UserRecord>();
    if (!user) throw new AppError('INVALID_REFRESH_TOKEN', 'Your session has ended; sign in again.');
    return this.openSession(user, claimed.familyId, now);
  }

  /** Revokes the refresh token; the short-lived access token simply expires. Signing out twice is harmless. */
  async signOut(ctx: RequestContext, refreshToken: string): Promise<boolean> {
    const viewer = requireViewer(ctx);
    await RefreshTokenModel.updateOne(
      {
        tokenHash: hashOpaqueToken(refreshToken),
        userId: new Types.ObjectId(viewer.userId),
        revokedAt: null,
      },
      { $set: { revokedAt: ctx.clock.now() } },
    );
    return true;
  }

  async viewerForAccessToken(token: string, now: Date): Promise<Viewer | null> {
    const userId = verifyAccessToken(this.config.jwt, token, now);
    if (!userId || !Types.ObjectId.isValid(userId)) return null;
    const user = await UserModel.findById(userId).lean<UserRecord>();
    return user ? toViewer(user) : null;
  }

  async getUserOrThrow(userId: string): Promise<UserRecord> {
    const user = Types.ObjectId.isValid(userId) ? await UserModel.findById(userId).lean<UserRecord>() : null;
    if (!user) throw AppError.notFound('The user');
    return user;
  }

  private async openSession(user: UserRecord, familyId: string, now: Date): Promise<AuthSession> {
    const access = signAccessToken(this.config.jwt, user._id.toHexString(), now);
    const refreshToken = newOpaqueToken();
    const refreshTokenExpiresAt = new Date(now.getTime() + this.config.jwt.refreshTokenTtlDays * 86_400_000);
    await RefreshTokenModel.create({
      tokenHash: hashOpaqueToken(refreshToken),
      familyId,
      userId: user._id,
      issuedAt: now,
      expiresAt: refreshTokenExpiresAt,
      revokedAt: null,
    });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
      user,
    };
  }
}

export function toViewer(user: UserRecord): Viewer {
  return {
    userId: user._id.toHexString(),
    email: user.email,
    memberships: user.memberships.map((m): Membership => ({
      organizationId: m.organizationId.toHexString(),
      organizationKind: m.organizationKind as Membership['organizationKind'],
      roles: m.roles as Membership['roles'],
    })),
  };
}
