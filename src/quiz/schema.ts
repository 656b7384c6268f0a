// The shape of a question file (data/questions/**/*.yaml), as zod schemas; the Question types are
// inferred from them. Four kinds of question: single choice, multiple response, numeric, ordering.
import { z } from 'zod';

/** Exam guide domains, with the ids the YAML uses. DVA-C02 and SAA-C03 exam guides. */
export const EXAM_DOMAINS = {
  'DVA-C02': ['development', 'security', 'deployment', 'troubleshooting'],
  'SAA-C03': ['secure', 'resilient', 'performant', 'cost'],
} as const;
export type ExamId = keyof typeof EXAM_DOMAINS;
export const EXAM_IDS = Object.keys(EXAM_DOMAINS) as ExamId[];

export const SERVICES = ['dynamodb', 'lambda', 'iam', 'apigateway', 'cognito', 'sam', 'stepfunctions', 'serverless'] as const;
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

const text = z.string().trim().min(1);

export const choiceSchema = z.strictObject({
  text,
  correct: z.boolean().default(false),
  /** Why this choice is right, or why it is wrong. */
  why: text,
});

export const tagsSchema = z.strictObject({
  service: z.enum(SERVICES),
  topic: z.string().regex(/^[a-z0-9-]+$/, 'a kebab-case topic id'),
  /** Each exam this question prepares for, with its domain in that exam's guide. */
  exams: z.strictObject({
    'DVA-C02': z.enum(EXAM_DOMAINS['DVA-C02']).optional(),
    'SAA-C03': z.enum(EXAM_DOMAINS['SAA-C03']).optional(),
  }),
  difficulty: z.enum(DIFFICULTIES),
});

const common = {
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'an id like service/slug'),
  stem: text,
  explanation: text,
  references: z.array(z.url().startsWith('https://docs.aws.amazon.com/', 'an AWS documentation URL')).min(1),
  /** Fact ids from shared/aws-facts.md the question rests on. */
  facts: z.array(z.string().regex(/^[A-Z]+-\d+$/)).min(1),
  tags: tagsSchema,
};

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...common, type: z.literal('single'), choices: z.array(choiceSchema).min(3).max(6) }),
  z.strictObject({ ...common, type: z.literal('multiple'), choices: z.array(choiceSchema).min(5).max(7) }),
  z.strictObject({
    ...common,
    type: z.literal('numeric'),
    /** A number, or a number computed by the bank's loader from a placeholder. */
    answer: z.union([z.number(), z.string()]).pipe(z.coerce.number()),
    tolerance: z.number().nonnegative().default(0),
    unit: text,
  }),
  z.strictObject({
    ...common,
    type: z.literal('ordering'),
    /** The steps in their correct order; they are shown shuffled. */
    steps: z.array(text).min(3).max(6),
  }),
]);

export const questionFileSchema = z.strictObject({
  formatVersion: z.literal(1),
  questions: z.array(questionSchema).min(1),
});

export type Choice = z.infer<typeof choiceSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionTags = z.infer<typeof tagsSchema>;
export type QuestionKind = Question['type'];

/** The exam domains a question counts for. */
export function domainsOf(question: Question): { readonly exam: ExamId; readonly domain: string }[] {
  return EXAM_IDS.flatMap((exam) => {
    const domain = question.tags.exams[exam];
    return domain === undefined ? [] : [{ exam, domain }];
  });
}
