// Proves the sandbox rows: `sim deploy start`, `sim show deployment` (bars and timeline, pinned as
// text), `aws deploy get-deployment` (DeploymentInfo with CodeDeploy's member names) and
// `aws deploy stop-deployment --auto-rollback-enabled`, with their errors in the AWS CLI's form.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine } from '../../../src/sim/cli/sandbox.js';
import type { SandboxSession } from '../../../src/sim/cli/sim-command-spec.js';

function session(): SandboxSession {
  const sandbox = createSandbox({ seed: 9 });
  const setup = [
    'aws lambda create-function --function-name orders --runtime nodejs22.x --role arn:aws:iam::123456789012:role/r --handler catalog.echo',
    'aws lambda publish-version --function-name orders',
    'aws lambda publish-version --function-name orders',
    'aws lambda create-alias --function-name orders --name live --function-version 1',
  ];
  for (const line of setup) expect(runSandboxLine(sandbox, line).ok, line).toBe(true);
  return sandbox;
}

describe('sim deploy start and sim show deployment', () => {
  it('draws the split as bars and the timeline at virtual times', () => {
    const sandbox = session();
    const started = runSandboxLine(sandbox, 'sim deploy start --function orders --alias live --to-version 2 --type Canary10Percent5Minutes');
    expect(started.output).toMatchObject({ status: 'InProgress', traffic: [{ version: '1', percent: 90 }, { version: '2', percent: 10 }] });
    runSandboxLine(sandbox, 'sim clock advance 5m');
    expect(runSandboxLine(sandbox, 'sim show deployment').text).toMatchInlineSnapshot(`
      "Deployment d-FBQXQHAVE  CodeDeployDefault.LambdaCanary10Percent5Minutes  Succeeded
      Function orders, alias live: version 1 -> version 2
      Traffic now:
        version 1    [........................................]   0%
        version 2    [########################################] 100%
      Timeline (virtual time, offset from the start):
        2026-01-01T00:00:00.000Z  +0s        0%  Created: CodeDeployDefault.LambdaCanary10Percent5Minutes, alias live from version 1 to 2
        2026-01-01T00:00:00.000Z  +0s        0%  InProgress
        2026-01-01T00:00:00.000Z  +0s       10%  AllowTraffic: 10% to version 2, 90% to version 1
        2026-01-01T00:05:00.000Z  +5m      100%  AllowTraffic: 100% to version 2, 0% to version 1
        2026-01-01T00:05:00.000Z  +5m      100%  Deployment succeeded: alias live points to version 2.
      "
    `);
  });

  it('refuses an unknown type and names the known ones', () => {
    const report = runSandboxLine(session(), 'sim deploy start --function orders --alias live --to-version 2 --type Canary5');
    expect(report.error?.code).toBe('DeploymentConfigDoesNotExistException');
  });

  it('says when no deployment exists yet', () => {
    expect(runSandboxLine(session(), 'sim show deployment').text).toMatchInlineSnapshot(`
      "sim: error: sim show deployment: (DeploymentDoesNotExistException) No deployment has been started in this world. Start one with sim deploy start.
      "
    `);
  });
});

describe('aws deploy get-deployment / stop-deployment', () => {
  it('shows DeploymentInfo and stops with a rollback', () => {
    const sandbox = session();
    const id = String(runSandboxLine(sandbox, 'sim deploy start --function orders --alias live --to-version 2 --type Linear10PercentEvery2Minutes').output?.['deploymentId']);
    runSandboxLine(sandbox, 'sim clock advance 3m');
    expect(runSandboxLine(sandbox, `aws deploy get-deployment --deployment-id ${id}`).output).toMatchInlineSnapshot(`
      {
        "deploymentInfo": {
          "applicationName": "ServerlessDeploymentApplication",
          "computePlatform": "Lambda",
          "createTime": "2026-01-01T00:00:00.000Z",
          "creator": "user",
          "deploymentConfigName": "CodeDeployDefault.LambdaLinear10PercentEvery2Minutes",
          "deploymentGroupName": "ordersDeploymentGroup",
          "deploymentId": "d-FBQXQHAVE",
          "revision": {
            "appSpecContent": {
              "content": "{"version":"0.0","Resources":[{"orders":{"Type":"AWS::Lambda::Function","Properties":{"Name":"orders","Alias":"live","CurrentVersion":"1","TargetVersion":"2"}}}]}",
            },
            "revisionType": "AppSpecContent",
          },
          "status": "InProgress",
        },
      }
    `);
    expect(runSandboxLine(sandbox, `aws deploy stop-deployment --deployment-id ${id} --auto-rollback-enabled`).output).toMatchInlineSnapshot(`
      {
        "status": "Succeeded",
        "statusMessage": "Deployment d-FBQXQHAVE stopped. Rolled back: alias live points to version 1 again, weights cleared.",
      }
    `);
    expect(runSandboxLine(sandbox, 'aws lambda get-alias --function-name orders --name live').output).toMatchObject({ FunctionVersion: '1' });
    expect(runSandboxLine(sandbox, `aws deploy get-deployment --deployment-id ${id}`).output).toMatchObject({ deploymentInfo: { status: 'Stopped', errorInformation: { code: 'MANUAL_STOP' } } });
    expect(runSandboxLine(sandbox, 'aws deploy get-deployment --deployment-id d-AAAAAAAAA').text).toMatchInlineSnapshot(`
      "An error occurred (DeploymentDoesNotExistException) when calling the GetDeployment operation: The deployment d-AAAAAAAAA could not be found.
      "
    `);
    expect(runSandboxLine(sandbox, 'aws deploy get-deployment --deployment-id 42').text).toMatchInlineSnapshot(`
      "An error occurred (InvalidDeploymentIdException) when calling the GetDeployment operation: Specified DeploymentId is not in the valid format: 42
      "
    `);
  });
});
