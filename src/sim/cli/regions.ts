// The commercial AWS Regions a learner may name with `--region` or `sim region use`. Source: the AWS
// "Regions and Zones" list (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html),
// commercial partition only: China (cn-*) and GovCloud (us-gov-*) Regions are separate partitions with
// their own accounts, so a commercial account cannot use them.
export const COMMERCIAL_REGIONS: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'af-south-1',
  'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1',
  'il-central-1',
  'me-south-1', 'me-central-1',
  'mx-central-1',
  'sa-east-1',
];

const REGION_SET = new Set(COMMERCIAL_REGIONS);

export function isCommercialRegion(name: string): boolean {
  return REGION_SET.has(name);
}
