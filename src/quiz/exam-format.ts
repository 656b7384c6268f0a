// The mock exam's format and scoring, from the exam guides: 65 questions of which 15 are unscored (and
// not marked as such), 130 minutes, single choice (1 of 4) and multiple response (2+ of 5+, no
// partial credit), a scaled score of 100–1,000 with 720 to pass, and the domain weights.
import { Rng } from '../sim/index.js';
import { EXAM_DOMAINS, type ExamId, type Question } from './schema.js';

export interface ExamFormat {
  readonly questionCount: number;
  readonly unscoredCount: number;
  readonly timeLimitMs: number;
}

const MINUTE_MS = 60_000;
export const FULL_EXAM: ExamFormat = { questionCount: 65, unscoredCount: 15, timeLimitMs: 130 * MINUTE_MS };
/** `--quick`: the same mix at under a third of the length (same minutes per question). */
export const QUICK_EXAM: ExamFormat = { questionCount: 20, unscoredCount: 5, timeLimitMs: 40 * MINUTE_MS };

export const SCALED_MIN = 100;
export const SCALED_MAX = 1_000;
export const PASSING_SCALED = 720;

/** Domain weights in percent, from the DVA-C02 and SAA-C03 exam guides. */
export const DOMAIN_WEIGHTS: Record<ExamId, Readonly<Record<string, number>>> = {
  'DVA-C02': { development: 32, security: 26, deployment: 24, troubleshooting: 18 },
  'SAA-C03': { secure: 30, resilient: 26, performant: 24, cost: 20 },
};

export const DOMAIN_TITLES: Readonly<Record<string, string>> = {
  development: 'Development with AWS Services',
  security: 'Security',
  deployment: 'Deployment',
  troubleshooting: 'Troubleshooting and Optimization',
  secure: 'Design Secure Architectures',
  resilient: 'Design Resilient Architectures',
  performant: 'Design High-Performing Architectures',
  cost: 'Design Cost-Optimized Architectures',
};

/** Splits `total` by percentage weights, largest remainder first, so the parts add up to `total`. */
export function apportion(total: number, weights: Readonly<Record<string, number>>): Record<string, number> {
  const entries = Object.entries(weights);
  const exact = entries.map(([key, weight]) => [key, (total * weight) / 100] as const);
  const counts = Object.fromEntries(exact.map(([key, value]) => [key, Math.floor(value)]));
  let left = total - Object.values(counts).reduce((sum, n) => sum + n, 0);
  for (const [key] of [...exact].sort((a, b) => (b[1] % 1) - (a[1] % 1))) {
    if (left-- <= 0) break;
    counts[key]! += 1;
  }
  return counts;
}

export function shuffled<T>(items: readonly T[], rng: Rng, streamName: string): T[] {
  const stream = rng.stream(streamName);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = stream.nextInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export interface ExamItem {
  readonly question: Question;
  readonly domain: string;
  /** Unscored items are never shown as such; they only leave the score out. */
  readonly isScored: boolean;
}

export interface ExamPlan {
  readonly items: readonly ExamItem[];
  /** Domains the bank could not fill to their weight (the shortfall is taken from other domains). */
  readonly shortfalls: Readonly<Record<string, number>>;
}

/**
 * Picks the exam's questions: only single and multiple response, per domain by weight, seeded.
 * When a domain has too few questions the others fill in and the shortfall is reported.
 */
export function planExam(bank: readonly Question[], exam: ExamId, format: ExamFormat, seed: number): ExamPlan {
  const rng = new Rng(seed);
  const eligible = bank.filter((q) => (q.type === 'single' || q.type === 'multiple') && q.tags.exams[exam] !== undefined);
  const wanted = apportion(format.questionCount, DOMAIN_WEIGHTS[exam]);
  const used = new Set<string>();
  const picked: { question: Question; domain: string }[] = [];
  const shortfalls: Record<string, number> = {};
  for (const domain of EXAM_DOMAINS[exam]) {
    const pool = shuffled(eligible.filter((q) => q.tags.exams[exam] === domain), rng, `exam.${domain}`);
    const take = pool.slice(0, wanted[domain] ?? 0);
    take.forEach((question) => (used.add(question.id), picked.push({ question, domain })));
    if (take.length < (wanted[domain] ?? 0)) shortfalls[domain] = (wanted[domain] ?? 0) - take.length;
  }
  const rest = shuffled(eligible.filter((q) => !used.has(q.id)), rng, 'exam.fill');
  for (const question of rest.slice(0, Math.max(0, format.questionCount - picked.length))) picked.push({ question, domain: question.tags.exams[exam] ?? '' });
  const order = shuffled(picked, rng, 'exam.order');
  const unscored = new Set(shuffled(order.map((_, i) => i), rng, 'exam.unscored').slice(0, Math.min(format.unscoredCount, Math.max(0, order.length - 1))));
  return { items: order.map((entry, i) => ({ ...entry, isScored: !unscored.has(i) })), shortfalls };
}

/**
 * AWS does not publish how raw scores map to the 100–1,000 scale; this is a linear estimate
 * (100 at 0 %, 1,000 at 100 %, so 720 sits at about 69 % right).
 */
export function scaledScoreEstimate(correct: number, total: number): number {
  if (total === 0) return SCALED_MIN;
  return Math.round(SCALED_MIN + ((SCALED_MAX - SCALED_MIN) * correct) / total);
}

