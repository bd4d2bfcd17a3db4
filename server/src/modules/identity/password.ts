import { hash, verify } from '@node-rs/argon2';
import type { Message } from '../../common/errors';

// argon2id with the library's defaults (OWASP's minimum is 19 MiB memory, 2 iterations; the defaults exceed it).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

// Verified against when the email is unknown, so that a wrong email costs the same time as a wrong password.
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash('decoy-password-for-timing');
  return decoyHash;
}

export const MIN_PASSWORD_LENGTH = 10;
export function passwordProblem(password: string): Message | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return {
      message: 'Use at least {{min}} characters for the password.',
      params: { min: MIN_PASSWORD_LENGTH },
    };
  if (password.length > 200) return { message: 'Use at most 200 characters for the password.' };
  return null;
}
