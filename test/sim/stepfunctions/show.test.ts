// Proves the `sim show execution` timeline (every history event at its offset on the virtual clock,
// retries and the Catch visible) and the `sim show state-machine` text graph, pinned as inline snapshots.
import { expect, it } from 'vitest';
import { runSandboxLine } from '../../../src/sim/index.js';
import { FUNCTION_PREFIX, advance, functionLine, machine, sandbox, start } from './helpers.js';

const DEFINITION = {
  StartAt: 'Charge',
  States: {
    Charge: { Type: 'Task', Resource: `${FUNCTION_PREFIX}boom`, Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }], Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Refund' }], Next: 'Done' },
    Refund: { Type: 'Fail', Error: 'PaymentFailed' },
    Done: { Type: 'Succeed' },
  },
};

it('shows an execution as a timeline of its history events', () => {
  const session = sandbox([functionLine('boom', 'catalog.throw')]);
  machine(session, 'Pay', DEFINITION);
  start(session, 'Pay', { orderId: 'o-1' }, 'pay-1');
  advance(session, '10s');
  expect(runSandboxLine(session, 'sim show execution pay-1').text).toMatchInlineSnapshot(`
    "pay-1 (STANDARD) FAILED PaymentFailed
         +0.000 s  #1   ExecutionStarted
         +0.000 s  #2   TaskStateEntered           Charge  input {"orderId":"o-1"}
         +0.000 s  #3   LambdaFunctionScheduled    boom
         +0.000 s  #4   LambdaFunctionStarted
         +0.337 s  #5   LambdaFunctionFailed       Error: {"errorType":"Error","errorMessage":"Simulated unhandled exception"}
         +1.337 s  #6   LambdaFunctionScheduled    boom
         +1.337 s  #7   LambdaFunctionStarted
         +1.340 s  #8   LambdaFunctionFailed       Error: {"errorType":"Error","errorMessage":"Simulated unhandled exception"}
         +3.340 s  #9   LambdaFunctionScheduled    boom
         +3.340 s  #10  LambdaFunctionStarted
         +3.343 s  #11  LambdaFunctionFailed       Error: {"errorType":"Error","errorMessage":"Simulated unhandled exception"}
         +3.343 s  #12  TaskStateExited            Charge  output {"orderId":"o-1","error":{"Error":"Error","Cause":"{\\"errorType\\":\\"Error\\",\\"errorMessage\\":\\"Simulated unhandled exception\\"}"}}
         +3.343 s  #13  FailStateEntered           Refund  input {"orderId":"o-1","error":{"Error":"Error","Cause":"{\\"errorType\\":\\"Error\\",\\"errorMessage\\":\\"Simulated unhandled exception\\"}"}}
         +3.343 s  #14  ExecutionFailed            PaymentFailed
    "
  `);
});

it('shows a state machine as a text graph of its transitions', () => {
  const session = sandbox([]);
  machine(session, 'Pay', DEFINITION);
  expect(runSandboxLine(session, 'sim show state-machine Pay').text).toMatchInlineSnapshot(`
    "Pay (STANDARD)  StartAt Charge
      ▶ Charge  (Task)  → Done  retry States.ALL ×2 every 1 s ×2  catch States.ALL → Refund at $.error
        Refund  (Fail)  → fail PaymentFailed
        Done  (Succeed)  → end
    "
  `);
});

it('answers ExecutionDoesNotExist for an unknown execution', () => {
  expect(runSandboxLine(sandbox([]), 'sim show execution nope').text).toContain('Execution Does Not Exist');
});
