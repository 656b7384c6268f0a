// Reading the typed values of sim commands: durations (`1h30m`), rates (`20/s`), whole numbers and
// Region names. Each reader answers a value or the reason it cannot, in words the learner can act on.
import { COMMERCIAL_REGIONS, isCommercialRegion } from './regions.js';
import { closestMatch } from './suggest.js';
import type { SimValue, SimValueType } from './sim-command-spec.js';

export type ValueResult = { readonly ok: true; readonly value: SimValue } | { readonly ok: false; readonly message: string };

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;
const RATE_UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3_600 };

/** `90s` → 90000, `1h30m` → 5400000, `250ms` → 250. Parts may repeat units in any order. */
export function parseDurationMs(text: string): number | undefined {
  let totalMs = 0;
  DURATION_PART.lastIndex = 0;
  let parts = 0;
  while (DURATION_PART.lastIndex < text.length) {
    const match = DURATION_PART.exec(text);
    if (match === null) return undefined;
    totalMs += Number(match[1]) * UNIT_MS[match[2]!]!;
    parts++;
  }
  return parts === 0 ? undefined : Math.round(totalMs);
}

/** `20/s` → 20, `600/m` → 10 (requests per second). */
export function parseRatePerSecond(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\/(s|m|h)$/.exec(text);
  if (match === null) return undefined;
  const perSecond = Number(match[1]) / RATE_UNIT_SECONDS[match[2]!]!;
  return perSecond > 0 ? perSecond : undefined;
}

export function readSimValue(type: SimValueType, text: string): ValueResult {
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'integer':
      return /^\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: `expected a whole number, got '${text}'` };
    case 'duration': {
      const ms = parseDurationMs(text);
      return ms === undefined
        ? { ok: false, message: `invalid duration '${text}': write a number and a unit (ms, s, m, h, d), e.g. 500ms, 90s, 1h30m` }
        : { ok: true, value: ms };
    }
    case 'rate': {
      const perSecond = parseRatePerSecond(text);
      return perSecond === undefined
        ? { ok: false, message: `invalid rate '${text}': write requests per unit of time, e.g. 20/s, 600/m, 3600/h` }
        : { ok: true, value: perSecond };
    }
    case 'region': {
      if (isCommercialRegion(text)) return { ok: true, value: text };
      const near = closestMatch(text, COMMERCIAL_REGIONS);
      return { ok: false, message: `'${text}' is not an AWS Region name${near === undefined ? '' : `, maybe you meant: ${near}`}` };
    }
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}
