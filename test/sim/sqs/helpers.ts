// Shared helpers for the SQS/SNS tests: a sandbox that fails loudly on a setup line that fails.
import { expect } from 'vitest';
import { createSandbox, runSandboxLine, type SandboxSession } from '../../../src/sim/index.js';

export const URL_PREFIX = 'https://sqs.us-east-1.amazonaws.com/123456789012/';

export function sandbox(lines: readonly string[], seed = 7): SandboxSession {
  const session = createSandbox({ seed });
  for (const line of lines) expect(runSandboxLine(session, line).ok, line).toBe(true);
  return session;
}

export function run(session: SandboxSession, line: string): Record<string, unknown> {
  const report = runSandboxLine(session, line);
  expect(report.ok, `${line}\n${report.text}`).toBe(true);
  return (report.output ?? {}) as Record<string, unknown>;
}

export interface Received {
  readonly Body: string;
  readonly ReceiptHandle: string;
  readonly Attributes?: Record<string, string>;
}

export function receive(session: SandboxSession, queue: string, flags = ''): Received[] {
  const output = run(session, `aws sqs receive-message --queue-url ${URL_PREFIX}${queue} ${flags}`);
  return (output['Messages'] ?? []) as Received[];
}

export function counts(session: SandboxSession, queue: string): [string | undefined, string | undefined] {
  const output = run(session, `aws sqs get-queue-attributes --queue-url ${URL_PREFIX}${queue} --attribute-names All`);
  const attributes = output['Attributes'] as Record<string, string>;
  return [attributes['ApproximateNumberOfMessages'], attributes['ApproximateNumberOfMessagesNotVisible']];
}

export function send(session: SandboxSession, queue: string, body: string, flags = ''): Record<string, unknown> {
  return run(session, `aws sqs send-message --queue-url ${URL_PREFIX}${queue} --message-body ${body} ${flags}`);
}
