// What Step Functions needs from other services, without importing them: a synchronous Lambda call
// that says how long the function ran (the Task waits that long in virtual time), and the SQS/SNS
// actions behind `arn:aws:states:::sqs:sendMessage` and `...:sns:publish`. src/sim/wiring.ts registers
// the real ones; tests may pass fakes.
import { createPortSlot } from '../port-slot.js';
import type { Result } from '../result.js';
import type { World } from '../world.js';

export interface LambdaCall {
  /** The function's answer (JSON text), its error object when `functionError` is set. */
  readonly payload: string;
  readonly functionError?: string;
  /** How long the run took (INIT + duration), from Lambda's own model. */
  readonly durationMs: number;
  /** Set when Lambda refused the invoke (no such function, throttled ...). */
  readonly error?: { readonly name: string; readonly message: string };
}

export interface StepFunctionsPorts {
  readonly invokeLambda: (world: World, functionName: string, event: unknown) => LambdaCall;
  /** Runs `service`'s API `action`; undefined when the sandbox has no such action. */
  readonly callServiceAction: (world: World, service: string, action: string, request: Readonly<Record<string, unknown>>) => Result<Readonly<Record<string, unknown>>> | undefined;
}

const slot = createPortSlot<StepFunctionsPorts>({
  invokeLambda: () => ({ payload: '', durationMs: 0, error: { name: 'ServiceException', message: 'The simulator has no Lambda wired to Step Functions in this world.' } }),
  callServiceAction: () => undefined,
});

/** Installs the ports; returns the previous ones so a test can put them back. */
export const registerStepFunctionsPorts = slot.register;
export const stepFunctionsPorts = slot.current;
