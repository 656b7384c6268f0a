// Ids Cognito and STS hand out, drawn from named seeded streams (STYLE.md §3.4), never crypto.randomUUID.
import type { RandomStream } from '../rng.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';

export function randomChars(stream: RandomStream, alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[stream.nextInt(alphabet.length)];
  return text;
}

/** A version-4-shaped UUID: `8-4-4-4-12` hex digits. */
export function uuid(stream: RandomStream): string {
  const hex = randomChars(stream, HEX, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[stream.nextInt(4)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** `us-east-1_AbC123xyZ`. */
export const userPoolId = (stream: RandomStream, region: string): string => `${region}_${randomChars(stream, ALNUM, 9)}`;
/** App client ids are 26 lower-case letters and digits. */
export const clientId = (stream: RandomStream): string => randomChars(stream, LOWER_ALNUM, 26);
/** Six digits, as Cognito sends them. */
export const confirmationCode = (stream: RandomStream): string => randomChars(stream, '0123456789', 6);
/** Temporary credentials: `ASIA` and 16 characters. */
export const temporaryAccessKeyId = (stream: RandomStream): string => `ASIA${randomChars(stream, UPPER_ALNUM, 16)}`;
export const secretAccessKey = (stream: RandomStream): string => randomChars(stream, `${ALNUM}/+`, 40);
export const opaqueToken = (stream: RandomStream, length: number): string => randomChars(stream, `${ALNUM}-_`, length);
