import { hash, verify } from '@node-rs/argon2';
import type { MessageKey } from '~/lib/i18n';
import { commonPasswords } from './common-passwords';

export const minPasswordLength = 10;

// argon2id (the library's default algorithm) with OWASP's recommended cost.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string) {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Why a new password is not acceptable, as a locale key; null when it is fine. */
export function passwordProblem(password: string, email?: string): MessageKey | null {
  if (password.length < minPasswordLength) return 'accounts.password.tooShort';
  if (password.length > 200) return 'validation.tooLong';
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return 'accounts.password.common';
  if (/^(.)\1+$/.test(password)) return 'accounts.password.common';
  if (email && lowered.includes(email.toLowerCase().split('@')[0]) && email.split('@')[0].length >= 4) {
    return 'accounts.password.likeEmail';
  }
  return null;
}
