// Container-image functions (LAM-05, LAM-09): a tiny ECR registry per Region (`sim ecr push`), and
// the checks CreateFunction makes for PackageType Image. The image must be in ECR in the function's
// Region; Runtime and Handler are refused (the image's CMD names the handler); an image over 10 GB
// is accepted by CreateFunction but the function then fails to become Active (State Failed,
// InvalidImage), as AWS reports it. Error wording: AWS's own answers as reported by users (not on the
// facts sheet); see docs/lambda.md "Container images".
import type { ApiDocument } from '../cli/operation-spec.js';
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { HANDLER_NAMES } from './handlers.js';
import { IMAGE_MAX_SIZE_MB } from './limits.js';
import { invalidParameter, readObject, readString } from './request.js';

export interface EcrImage {
  readonly uri: string;
  readonly region: string;
  readonly sizeMb: number;
  /** The catalogue handler the image's CMD starts (the sandbox runs no code). */
  readonly cmd: string;
}

interface EcrState {
  readonly images: Map<string, EcrImage>;
}

const ecrState = (world: World): EcrState => world.service('ecr', () => ({ images: new Map<string, EcrImage>() }));

export function imageUriOf(world: World, repositoryAndTag: string): string {
  return `${world.accountId}.dkr.ecr.${world.region}.amazonaws.com/${repositoryAndTag}`;
}

/** `sim ecr push REPO:TAG`: stores an image in the current Region's registry. */
export function pushImage(world: World, input: { readonly repositoryAndTag: string; readonly sizeMb: number; readonly cmd: string }): Result<EcrImage> {
  if (!/^[a-z0-9][a-z0-9._/-]*:[A-Za-z0-9._-]+$/.test(input.repositoryAndTag)) {
    return fail(awsError('InvalidParameterException', 400, `Expected REPOSITORY:TAG (lower-case repository), found '${input.repositoryAndTag}'.`));
  }
  if (!Number.isInteger(input.sizeMb) || input.sizeMb < 1) return fail(awsError('InvalidParameterException', 400, `--image-size-mb must be a whole number of MB ≥ 1, found ${input.sizeMb}.`));
  if (!HANDLER_NAMES.includes(input.cmd)) return fail(awsError('InvalidParameterException', 400, `--cmd must name a catalogue handler (${HANDLER_NAMES.join(', ')}), found '${input.cmd}'.`));
  const image: EcrImage = { uri: imageUriOf(world, input.repositoryAndTag), region: world.region, sizeMb: input.sizeMb, cmd: input.cmd };
  ecrState(world).images.set(image.uri, image);
  world.record({ service: 'ecr', operation: 'PutImage', outcome: 'ok', detail: { imageUri: image.uri, sizeMb: image.sizeMb } });
  return ok(image);
}

/** What an image function's configuration takes from its image. */
export interface ImageFunctionParts {
  readonly imageUri: string;
  readonly handler: string;
  /** Set when the function cannot become Active (LAM-05: over 10 GB). */
  readonly failure?: { readonly reasonCode: string; readonly reason: string };
}

export function handlerOnImageError(): AwsError {
  return invalidParameter("Please don't provide Handler or Runtime or Layer when the intended function PackageType is Image.");
}

/**
 * CreateFunction with PackageType Image: no Runtime/Handler, Code.ImageUri naming an image of this
 * account's ECR in the function's Region (LAM-09), size checked against 10 GB (LAM-05).
 */
export function imageFunctionParts(world: World, request: ApiDocument): Result<ImageFunctionParts> {
  if (readString(request, 'Runtime') !== undefined || readString(request, 'Handler') !== undefined) return fail(handlerOnImageError());
  const imageUri = readObject(request, 'Code')?.['ImageUri'];
  if (typeof imageUri !== 'string') return fail(invalidParameter('Please provide a source for function code.'));
  const image = ecrState(world).images.get(imageUri);
  // Another Region's registry is not looked in: the image "does not exist" from here (LAM-09).
  if (image === undefined || image.region !== world.region) return fail(invalidParameter(`Source image ${imageUri} is not valid. Provide a valid source image.`));
  if (image.sizeMb <= IMAGE_MAX_SIZE_MB) return ok({ imageUri, handler: image.cmd });
  return ok({ imageUri, handler: image.cmd, failure: { reasonCode: 'InvalidImage', reason: 'SizeLimitExceeded: Uncompressed container image size exceeds 10 GiB limit' } });
}

/** Invoking a function that never became Active (AWS answers 409 for functions not Active). */
export function notActiveError(state: string): AwsError {
  return awsError('ResourceConflictException', 409, `The operation cannot be performed at this time. The function is currently in the following state: ${state}`);
}
