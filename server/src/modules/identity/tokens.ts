import { createHash, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Config } from '../../config/config';

// HS256 is pinned on both sides: a token signed with any other algorithm (or "none") is refused.
const ALGORITHM = 'HS256' as const;

export type AccessTokenClaims = { sub: string; typ: 'access' };

export function signAccessToken(
  config: Config['jwt'],
  userId: string,
  now: Date,
): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + config.accessTokenTtlSeconds;
  const token = jwt.sign(
    { typ: 'access', iat, exp } satisfies Omit<AccessTokenClaims, 'sub'> & { iat: number; exp: number },
    config.secret,
    {
      algorithm: ALGORITHM,
      subject: userId,
      issuer: config.issuer,
      audience: config.audience,
    },
  );
  return { token, expiresAt: new Date(exp * 1000) };
}

/** The user id in a valid access token, or null for anything else (expired, forged, wrong audience...). */
export function verifyAccessToken(config: Config['jwt'], token: string, now: Date): string | null {
  try {
    const claims = jwt.verify(token, config.secret, {
      algorithms: [ALGORITHM],
      issuer: config.issuer,
      audience: config.audience,
      clockTimestamp: Math.floor(now.getTime() / 1000),
    });
    if (typeof claims !== 'object' || claims.typ !== 'access' || typeof claims.sub !== 'string') return null;
    return claims.sub;
  } catch {
    return null;
  }
}

export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
