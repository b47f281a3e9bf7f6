import { createHash, randomBytes, randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@casusbord/shared';

/** 256 bits from the CSPRNG, base64url (43 characters). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Token length bounds: anything outside them is refused before hashing or a store lookup. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** Whether a value can be a token of ours (session token, report token, member token, facilitator key). */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

/** Tokens are stored and looked up by their SHA-256, so a leaked database holds no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Identifiers that appear in URLs and document names: 96 bits, base64url without '-'/'_' ambiguity issues. */
export function generateId(): string {
  return randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
}

/** A short code people can type: 6 characters from an alphabet without 0/O, 1/I/L (31^6 ≈ 8.9e8 codes). */
export function generateJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}
