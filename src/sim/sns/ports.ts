// What SNS needs from other services, without importing them: put a message in an SQS queue, invoke
// a Lambda function asynchronously, and drop an email in the simulated inbox (the one `sim inbox`
// shows, owned by Cognito). `src/sim/wiring.ts` registers the real ones; tests may pass fakes.
import { createPortSlot } from '../port-slot.js';
import { awsError, fail, type Result } from '../result.js';
import type { World } from '../world.js';

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** A token or code the reader may need (the subscription confirmation token). */
  readonly code: string;
}

export interface SnsPorts {
  readonly sendToQueue: (world: World, queueArn: string, body: string) => Result<unknown>;
  readonly invokeAsync: (world: World, functionArn: string, payload: string) => Result<unknown>;
  readonly sendEmail: (world: World, message: EmailMessage) => void;
}

const notWired = (what: string): Result<never> => fail(awsError('InternalError', 500, `The simulator has no ${what} wired to SNS in this world.`));

const slot = createPortSlot<SnsPorts>({
  sendToQueue: () => notWired('SQS'),
  invokeAsync: () => notWired('Lambda'),
  sendEmail: () => undefined,
});

/** Installs the ports; returns the previous ones so a test can put them back. */
export const registerSnsPorts = slot.register;
export const snsPorts = slot.current;
