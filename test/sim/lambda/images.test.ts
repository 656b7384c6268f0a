// Proves container-image functions (LAM-05, LAM-09, LAM-17): an image is taken only from ECR in the
// function's Region; Runtime and Handler are refused for PackageType Image (and a .zip function needs
// both); an image over 10 GB (10,240 MB) leaves the function Failed (InvalidImage) and invokes answer
// 409; 10,240 MB exactly is fine; an image function's cold start bills its INIT phase.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, runSandboxScript, type SandboxSession } from '../../../src/sim/index.js';
import { IMAGE_MAX_SIZE_MB } from '../../../src/sim/lambda/limits.js';

const ROLE = '--role arn:aws:iam::123456789012:role/fn';
const uri = (region: string, image: string) => `123456789012.dkr.ecr.${region}.amazonaws.com/${image}`;
const createImageFunction = (name: string, imageUri: string, extra = '') => `aws lambda create-function --function-name ${name} --package-type Image --code ImageUri=${imageUri} ${ROLE}${extra}`;

function sandboxWithImages(): SandboxSession {
  const session = createSandbox({ seed: 1 });
  const { lines } = runSandboxScript(session, [
    'sim region use eu-west-1',
    'sim ecr push thumbnailer:v1 --image-size-mb 900 --cmd catalog.http-ok',
    'sim region use us-east-1',
    'sim ecr push thumbnailer:v1 --image-size-mb 900 --cmd catalog.http-ok',
    `sim ecr push at-limit:v1 --image-size-mb ${IMAGE_MAX_SIZE_MB}`,
    `sim ecr push too-big:v1 --image-size-mb ${IMAGE_MAX_SIZE_MB + 1}`,
  ].join('\n'));
  expect(lines.filter((line) => !line.ok).map((line) => line.text)).toEqual([]);
  return session;
}

const errorText = (session: SandboxSession, line: string) => {
  const report = runSandboxLine(session, line);
  expect(report.ok).toBe(false);
  return `${report.error?.code}: ${report.error?.message}`;
};

describe('PackageType Image (LAM-09)', () => {
  it('refuses an image from another Region', () => {
    const session = sandboxWithImages();
    expect(errorText(session, createImageFunction('thumbs', uri('eu-west-1', 'thumbnailer:v1')))).toMatchInlineSnapshot(`"InvalidParameterValueException: Source image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/thumbnailer:v1 is not valid. Provide a valid source image."`);
  });

  it('refuses an image that was never pushed, and Code without an ImageUri', () => {
    const session = sandboxWithImages();
    expect(errorText(session, createImageFunction('thumbs', uri('us-east-1', 'nothing:v1')))).toContain('is not valid. Provide a valid source image.');
    expect(errorText(session, `aws lambda create-function --function-name thumbs --package-type Image ${ROLE}`)).toMatchInlineSnapshot(`"InvalidParameterValueException: Please provide a source for function code."`);
  });

  it('refuses a runtime or handler on an image function, at creation and later', () => {
    const session = sandboxWithImages();
    expect(errorText(session, createImageFunction('thumbs', uri('us-east-1', 'thumbnailer:v1'), ' --handler catalog.echo'))).toMatchInlineSnapshot(`"InvalidParameterValueException: Please don't provide Handler or Runtime or Layer when the intended function PackageType is Image."`);
    expect(runSandboxLine(session, createImageFunction('thumbs', uri('us-east-1', 'thumbnailer:v1'))).ok).toBe(true);
    expect(errorText(session, 'aws lambda update-function-configuration --function-name thumbs --runtime nodejs22.x')).toContain("Please don't provide Handler or Runtime");
  });

  it('still needs a runtime and a handler for a .zip function', () => {
    const session = sandboxWithImages();
    expect(errorText(session, `aws lambda create-function --function-name zippy ${ROLE} --runtime nodejs22.x`)).toMatchInlineSnapshot(`"InvalidParameterValueException: Runtime and Handler are mandatory parameters for functions created with deployment packages."`);
  });

  it('runs the image CMD, without Runtime or Handler in the configuration, and bills INIT on a cold start (LAM-17)', () => {
    const session = sandboxWithImages();
    const created = runSandboxLine(session, createImageFunction('thumbs', uri('us-east-1', 'thumbnailer:v1'))).output as Record<string, unknown>;
    expect([created['PackageType'], created['State'], 'Runtime' in created, 'Handler' in created]).toEqual(['Image', 'Active', false, false]);
    expect(runSandboxLine(session, 'aws lambda invoke --function-name thumbs out.json').output).toMatchObject({ StatusCode: 200 });
    const run = session.world.trace.all().find((event) => event.operation === 'Invoke')!.detail as { initMs: number; durationMs: number; billedDurationMs: number };
    expect(run.initMs).toBeGreaterThan(0);
    expect(run.billedDurationMs).toBe(run.initMs + run.durationMs);
  });
});

describe('image size (LAM-05: 10 GB)', () => {
  it('accepts 10,240 MB exactly', () => {
    const session = sandboxWithImages();
    expect(runSandboxLine(session, createImageFunction('edge', uri('us-east-1', 'at-limit:v1'))).output).toMatchObject({ State: 'Active' });
  });

  it('creates a function from a bigger image, but it ends Failed and cannot be invoked', () => {
    const session = sandboxWithImages();
    expect(runSandboxLine(session, createImageFunction('big', uri('us-east-1', 'too-big:v1'))).output).toMatchObject({
      State: 'Failed', StateReasonCode: 'InvalidImage', StateReason: 'SizeLimitExceeded: Uncompressed container image size exceeds 10 GiB limit',
    });
    expect(errorText(session, 'aws lambda invoke --function-name big out.json')).toMatchInlineSnapshot(`"ResourceConflictException: The operation cannot be performed at this time. The function is currently in the following state: Failed"`);
  });
});
