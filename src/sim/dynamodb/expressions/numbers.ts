// Exact decimal arithmetic for DynamoDB numbers. DynamoDB keeps numbers as decimal strings with up to
// 38 significant digits, so converting them to JavaScript doubles would lose precision (and make
// `0.1 + 0.2` differ from what DynamoDB stores). A number is held as an integer mantissa (bigint) and a
// power-of-ten scale: value = mantissa × 10^scale.

import { invariant } from '../../result.js';

interface Decimal {
  readonly mantissa: bigint;
  readonly scale: number;
}

const MAX_ABS_SCALE = 1_000;
const NUMBER_PATTERN = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/;

/** The exact value of a DynamoDB number string, or undefined when the text is not a number. */
function parseDecimal(text: string): Decimal | undefined {
  const match = NUMBER_PATTERN.exec(text);
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole.length + fraction.length === 0) return undefined;
  const scale = Number(exponent) - fraction.length;
  // DynamoDB numbers lie within 1E-130 .. 9.99E+125 (38 digits); anything far outside is refused here so
  // that no bigint power below grows without bound. The exact range check is the request validator's.
  if (Math.abs(scale) > MAX_ABS_SCALE) return undefined;
  const magnitude = BigInt(`${whole}${fraction}` || '0');
  return { mantissa: sign === '-' ? -magnitude : magnitude, scale };
}

function parseOrThrow(text: string): Decimal {
  const decimal = parseDecimal(text);
  // Numbers reach this module only after the request was validated, so a bad one is a bug.
  invariant(decimal !== undefined, `not a DynamoDB number: ${JSON.stringify(text)}`);
  return decimal;
}

/** Both decimals as mantissas over the same (smaller) scale, so they can be compared or added. */
function aligned(a: Decimal, b: Decimal): readonly [bigint, bigint, number] {
  const scale = Math.min(a.scale, b.scale);
  return [a.mantissa * 10n ** BigInt(a.scale - scale), b.mantissa * 10n ** BigInt(b.scale - scale), scale];
}

function formatDecimal(decimal: Decimal): string {
  let { mantissa, scale } = decimal;
  if (mantissa === 0n) return '0';
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale += 1;
  }
  const isNegative = mantissa < 0n;
  const digits = (isNegative ? -mantissa : mantissa).toString();
  let body: string;
  if (scale >= 0) body = digits + '0'.repeat(scale);
  else {
    const padded = digits.padStart(-scale + 1, '0');
    body = `${padded.slice(0, scale)}.${padded.slice(scale)}`;
  }
  return isNegative ? `-${body}` : body;
}

const PLAIN_DECIMAL = /^-?\d*\.?\d*$/;

/**
 * A double for a plain decimal of at most 15 digits (`"42"`, `"-0.25"`), else undefined. Distinct
 * decimals of 15 significant digits or fewer round to distinct doubles in the same order, so comparing
 * these doubles is exact; it spares the bigint path for the common case (sorting, filters).
 */
function quickValue(text: string): number | undefined {
  if (text.length > 17 || !PLAIN_DECIMAL.test(text)) return undefined;
  const digitCount = text.replace(/[-.]/g, '').length;
  return digitCount === 0 || digitCount > 15 ? undefined : Number(text);
}

/** Whether `text` is a number DynamoDB would accept in an `N` value (format only, not its limits). */
export function isNumberText(text: string): boolean {
  return parseDecimal(text) !== undefined;
}

/**
 * The canonical text of a DynamoDB number: no exponent, no leading or trailing zeros
 * (`"1.50"` → `"1.5"`, `"1e2"` → `"100"`, `"-0"` → `"0"`). Undefined when the text is not a number.
 */
export function normalizeNumber(text: string): string | undefined {
  const decimal = parseDecimal(text);
  return decimal === undefined ? undefined : formatDecimal(decimal);
}

/**
 * Compares two DynamoDB number strings exactly: -1, 0 or 1. `"1.0"` equals `"1"`;
 * `"12345678901234567890123456789012345678"` and the same plus one differ. Throws on a non-number (a bug:
 * requests are validated first).
 */
export function compareNumbers(a: string, b: string): -1 | 0 | 1 {
  const quickLeft = quickValue(a);
  const quickRight = quickValue(b);
  if (quickLeft !== undefined && quickRight !== undefined) return quickLeft < quickRight ? -1 : quickLeft > quickRight ? 1 : 0;
  const [left, right] = aligned(parseOrThrow(a), parseOrThrow(b));
  return left < right ? -1 : left > right ? 1 : 0;
}

/** `a + b` as a canonical DynamoDB number string, exactly. */
export function addNumbers(a: string, b: string): string {
  const [left, right, scale] = aligned(parseOrThrow(a), parseOrThrow(b));
  return formatDecimal({ mantissa: left + right, scale });
}

/** `a - b` as a canonical DynamoDB number string, exactly. */
export function subtractNumbers(a: string, b: string): string {
  const [left, right, scale] = aligned(parseOrThrow(a), parseOrThrow(b));
  return formatDecimal({ mantissa: left - right, scale });
}

// DynamoDB numbers hold at most 38 significant digits, with magnitudes from 1E-130 to 9.99...E+125.
// Source: DynamoDB Developer Guide, HowItWorks.NamingRulesDataTypes.html (Number); not yet in
// shared/aws-facts.md. The three messages are AWS's (listed among UpdateItem's ValidationException causes
// and matched by emulators tested against DynamoDB).
const MAX_SIGNIFICANT_DIGITS = 38;
const MAX_ADJUSTED_EXPONENT = 125;
const MIN_ADJUSTED_EXPONENT = -130;

/**
 * Why DynamoDB would refuse to store this number (too many digits, too large, too small), or undefined
 * when it fits. `"1e126"` → overflow; `"1e-131"` → underflow; 39 significant digits → precision.
 */
export function numberRangeProblem(text: string): string | undefined {
  const decimal = parseDecimal(text);
  if (decimal === undefined || decimal.mantissa === 0n) return undefined;
  let { mantissa, scale } = decimal;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale += 1;
  }
  const digitCount = (mantissa < 0n ? -mantissa : mantissa).toString().length;
  if (digitCount > MAX_SIGNIFICANT_DIGITS) return 'Attempting to store more than 38 significant digits in a Number';
  const adjustedExponent = scale + digitCount - 1;
  if (adjustedExponent > MAX_ADJUSTED_EXPONENT) {
    return 'Number overflow. Attempting to store a number with magnitude larger than supported range';
  }
  if (adjustedExponent < MIN_ADJUSTED_EXPONENT) {
    return 'Number underflow. Attempting to store a number with magnitude smaller than supported range';
  }
  return undefined;
}
