// The `aws cloudfront ...` rows of the sandbox language: distributions (create, get, update with
// --if-match), invalidations, and CloudFront Functions (create, update, describe, publish).
import type { OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { createDistribution, createInvalidation, getDistribution, listDistributions, updateDistribution } from './distributions.js';
import { createFunction, describeFunction, publishFunction, updateFunction } from './functions.js';

const distributionConfig: ParamSpec = {
  flag: '--distribution-config', member: 'DistributionConfig', type: 'json', required: true,
  description: 'The DistributionConfig JSON: CallerReference, Origins (one S3 bucket or API), DefaultCacheBehavior (TTLs, ForwardedValues, LambdaFunctionAssociations, FunctionAssociations).',
};
const distributionId: ParamSpec = { flag: '--id', member: 'Id', type: 'string', required: true, description: 'The distribution id, e.g. E2QWRUHAPOMQZL.' };
const ifMatch: ParamSpec = { flag: '--if-match', member: 'IfMatch', type: 'string', required: true, description: 'The current ETag (from the create, get or describe answer).' };
const functionName: ParamSpec = { flag: '--name', member: 'Name', type: 'string', required: true, description: 'The CloudFront Function name.' };

const functionConfig: ParamSpec = { flag: '--function-config', member: 'FunctionConfig', type: 'json', required: true, description: 'Comment=TEXT,Runtime=cloudfront-js-2.0' };
const functionCode: ParamSpec = {
  flag: '--function-code', member: 'FunctionCode', type: 'string', required: true,
  description: 'The code as text: an edge catalogue behaviour (catalog.edge-security-headers ...), optionally followed by anything.',
};

const row = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({
  service: 'cloudfront', command, operation, summary, params, run,
});

export const CLOUDFRONT_OPERATIONS: readonly OperationSpec[] = [
  row('create-distribution', 'CreateDistribution', 'Creates a distribution; Lambda@Edge and CloudFront Function associations are checked now (EDGE-03/04/05/07).', [distributionConfig], createDistribution),
  row('get-distribution', 'GetDistribution', 'Shows a distribution, its config and its ETag.', [distributionId], getDistribution),
  row('list-distributions', 'ListDistributions', 'Lists the distributions with their domain names.', [], (world) => listDistributions(world)),
  row('update-distribution', 'UpdateDistribution', 'Replaces the distribution config (e.g. its associations); needs the current ETag.', [distributionId, ifMatch, distributionConfig], updateDistribution),
  row('create-invalidation', 'CreateInvalidation', 'Removes cached copies of the paths from every edge location.', [
    { flag: '--distribution-id', member: 'DistributionId', type: 'string', required: true, description: 'The distribution id.' },
    { flag: '--paths', member: 'Paths', type: 'string-list', required: true, description: "Paths to invalidate, e.g. /index.html '/images/*'." },
  ], createInvalidation),
  row('create-function', 'CreateFunction', 'Creates a CloudFront Function (DEVELOPMENT stage); code ≤ 10 KB (EDGE-07).', [functionName, functionConfig, functionCode], createFunction),
  row('update-function', 'UpdateFunction', 'Replaces the DEVELOPMENT stage; LIVE changes only when published.', [functionName, ifMatch, functionConfig, functionCode], updateFunction),
  row('describe-function', 'DescribeFunction', 'Shows a CloudFront Function stage and its ETag.', [
    functionName,
    { flag: '--stage', member: 'Stage', type: 'string', required: false, description: 'DEVELOPMENT (default) or LIVE.', choices: ['DEVELOPMENT', 'LIVE'] },
  ], describeFunction),
  row('publish-function', 'PublishFunction', 'Copies the DEVELOPMENT stage to LIVE, the stage associations run.', [functionName, ifMatch], publishFunction),
];
