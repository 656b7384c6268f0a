// Plain CloudFormation resources scenarios need beside SAM's own: DynamoDB tables (and SAM's
// SimpleTable), IAM roles, S3 buckets, Cognito user pools, app clients, identity pools and their role
// attachments. CloudFormation property names are mostly the API's member names, so each kind passes its
// properties to the service's own operation.
import * as cognito from '../cognito/index.js';
import * as dynamodb from '../dynamodb/index.js';
import * as iam from '../iam/index.js';
import * as s3 from '../s3/index.js';
import { ok, type Result } from '../result.js';
import { asList, asRecord, asString, defined, type Made, type ResourceKind } from './kind.js';

const TABLE_PROPERTIES = ['TableName', 'KeySchema', 'AttributeDefinitions', 'BillingMode', 'ProvisionedThroughput', 'StreamSpecification', 'GlobalSecondaryIndexes', 'LocalSecondaryIndexes', 'TimeToLiveSpecification'];

function madeTable(created: Result<{ TableDescription: Record<string, unknown> }>): Result<Made> {
  if (!created.ok) return created;
  const description = created.value.TableDescription;
  const name = String(description['TableName']);
  const streamArn = asString(description['LatestStreamArn']);
  return ok({ physicalId: name, ref: name, attributes: { Arn: String(description['TableArn']), ...(streamArn === undefined ? {} : { StreamArn: streamArn }) } });
}

export const dynamoDbTable: ResourceKind = {
  type: 'AWS::DynamoDB::Table',
  properties: TABLE_PROPERTIES,
  required: ['KeySchema', 'AttributeDefinitions'],
  attributes: ['Arn', 'StreamArn'],
  deploy: (context, resource, properties) => {
    const name = asString(properties['TableName']) ?? context.physicalName(resource.logicalId, 255);
    const stream = asRecord(properties['StreamSpecification']);
    // CloudFormation's StreamSpecification has only StreamViewType; the API also wants StreamEnabled.
    const request = defined({ ...properties, TableName: name, TimeToLiveSpecification: undefined, StreamSpecification: properties['StreamSpecification'] === undefined ? undefined : { StreamEnabled: true, ...stream } });
    const made = madeTable(dynamodb.createTable(context.world, request));
    const ttl = asRecord(properties['TimeToLiveSpecification']);
    if (!made.ok || ttl['Enabled'] !== true) return made;
    const enabled = dynamodb.updateTimeToLive(context.world, context.world.region, { TableName: name, TimeToLiveSpecification: { AttributeName: String(ttl['AttributeName']), Enabled: true } });
    return enabled.ok ? made : enabled;
  },
};

const SCALAR_TYPES: Readonly<Record<string, string>> = { String: 'S', Number: 'N', Binary: 'B' };

export const simpleTable: ResourceKind = {
  type: 'AWS::Serverless::SimpleTable',
  properties: ['TableName', 'PrimaryKey', 'ProvisionedThroughput'],
  required: [],
  attributes: ['Arn'],
  check: (resource, _all, problems) => {
    const type = asString(asRecord(resource.properties['PrimaryKey'])['Type']);
    if (type !== undefined && SCALAR_TYPES[type] === undefined) problems.add(['Resources', resource.logicalId, 'Properties', 'PrimaryKey', 'Type'], `PrimaryKey.Type must be String, Number or Binary, got '${type}'`);
  },
  deploy: (context, resource, properties) => {
    // A SimpleTable without PrimaryKey has a String key named `id`; without throughput it is on demand.
    const key = asRecord(properties['PrimaryKey']);
    const keyName = asString(key['Name']) ?? 'id';
    const throughput = properties['ProvisionedThroughput'];
    return madeTable(dynamodb.createTable(context.world, {
      TableName: asString(properties['TableName']) ?? context.physicalName(resource.logicalId, 255),
      KeySchema: [{ AttributeName: keyName, KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: keyName, AttributeType: SCALAR_TYPES[asString(key['Type']) ?? 'String'] ?? 'S' }],
      ...(throughput === undefined ? { BillingMode: 'PAY_PER_REQUEST' } : { BillingMode: 'PROVISIONED', ProvisionedThroughput: throughput }),
    }));
  },
};

export const iamRole: ResourceKind = {
  type: 'AWS::IAM::Role',
  properties: ['RoleName', 'AssumeRolePolicyDocument', 'ManagedPolicyArns', 'Policies', 'Path', 'Description', 'MaxSessionDuration', 'PermissionsBoundary'],
  required: ['AssumeRolePolicyDocument'],
  attributes: ['Arn', 'RoleId'],
  deploy: (context, resource, properties) => {
    const roleName = asString(properties['RoleName']) ?? context.physicalName(resource.logicalId, 64);
    const world = context.world;
    const created = iam.createRole(world, defined({ ...properties, RoleName: roleName, ManagedPolicyArns: undefined, Policies: undefined, AssumeRolePolicyDocument: JSON.stringify(properties['AssumeRolePolicyDocument']) }));
    if (!created.ok) return created;
    for (const arn of asList(properties['ManagedPolicyArns'])) {
      const attached = iam.attachRolePolicy(world, { RoleName: roleName, PolicyArn: String(arn) });
      if (!attached.ok) return attached;
    }
    for (const policy of asList(properties['Policies']).map(asRecord)) {
      const put = iam.putRolePolicy(world, { RoleName: roleName, PolicyName: String(policy['PolicyName']), PolicyDocument: JSON.stringify(policy['PolicyDocument']) });
      if (!put.ok) return put;
    }
    const role = asRecord(created.value['Role']);
    return ok({ physicalId: roleName, ref: roleName, attributes: { Arn: String(role['Arn']), RoleId: String(role['RoleId']) } });
  },
};

export const s3Bucket: ResourceKind = {
  type: 'AWS::S3::Bucket',
  properties: ['BucketName'],
  required: [],
  attributes: ['Arn', 'DomainName'],
  deploy: (context, resource, properties) => {
    const name = asString(properties['BucketName']) ?? context.physicalName(resource.logicalId, 63).toLowerCase();
    const created = s3.createBucket(context.world, { Bucket: name });
    if (!created.ok) return created;
    return ok({ physicalId: name, ref: name, attributes: { Arn: s3.bucketArn(name), DomainName: `${name}.s3.amazonaws.com` } });
  },
};

export const userPool: ResourceKind = {
  type: 'AWS::Cognito::UserPool',
  properties: ['UserPoolName', 'Policies', 'AutoVerifiedAttributes', 'MfaConfiguration'],
  required: [],
  attributes: ['Arn', 'ProviderName', 'ProviderURL', 'UserPoolId'],
  deploy: (context, resource, properties) => {
    const name = asString(properties['UserPoolName']) ?? context.physicalName(resource.logicalId, 128);
    const created = cognito.createUserPool(context.world, defined({ ...properties, UserPoolName: undefined, PoolName: name }));
    if (!created.ok) return created;
    const pool = asRecord(created.value['UserPool']);
    const id = String(pool['Id']);
    const providerName = `cognito-idp.${context.world.region}.amazonaws.com/${id}`;
    return ok({ physicalId: id, ref: id, attributes: { Arn: String(pool['Arn']), ProviderName: providerName, ProviderURL: `https://${providerName}`, UserPoolId: id } });
  },
};

export const userPoolClient: ResourceKind = {
  type: 'AWS::Cognito::UserPoolClient',
  properties: ['UserPoolId', 'ClientName', 'ExplicitAuthFlows', 'AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'TokenValidityUnits', 'PreventUserExistenceErrors'],
  required: ['UserPoolId'],
  attributes: ['ClientId', 'Name'],
  deploy: (context, resource, properties) => {
    const name = asString(properties['ClientName']) ?? context.physicalName(resource.logicalId, 128);
    const created = cognito.createUserPoolClient(context.world, defined({ ...properties, ClientName: name }));
    if (!created.ok) return created;
    const id = String(asRecord(created.value['UserPoolClient'])['ClientId']);
    return ok({ physicalId: id, ref: id, attributes: { ClientId: id, Name: name } });
  },
};

export const identityPool: ResourceKind = {
  type: 'AWS::Cognito::IdentityPool',
  properties: ['IdentityPoolName', 'AllowUnauthenticatedIdentities', 'AllowClassicFlow', 'CognitoIdentityProviders', 'SupportedLoginProviders'],
  required: ['AllowUnauthenticatedIdentities'],
  attributes: ['Name'],
  deploy: (context, resource, properties) => {
    const name = asString(properties['IdentityPoolName']) ?? context.physicalName(resource.logicalId, 128).replace(/-/g, '_');
    const created = cognito.createIdentityPool(context.world, defined({ ...properties, IdentityPoolName: name }));
    if (!created.ok) return created;
    const id = String(created.value['IdentityPoolId']);
    return ok({ physicalId: id, ref: id, attributes: { Name: name } });
  },
};

/** CloudFormation keys RoleMappings by any name and puts the provider inside; the API keys by provider. */
function apiRoleMappings(mappings: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.values(asRecord(mappings)).map((mapping) => {
    const { IdentityProvider, ...rest } = asRecord(mapping);
    return [String(IdentityProvider), rest];
  }));
}

export const identityPoolRoleAttachment: ResourceKind = {
  type: 'AWS::Cognito::IdentityPoolRoleAttachment',
  properties: ['IdentityPoolId', 'Roles', 'RoleMappings'],
  required: ['IdentityPoolId'],
  attributes: [],
  deploy: (context, _resource, properties) => {
    const id = String(properties['IdentityPoolId']);
    const set = cognito.setIdentityPoolRoles(context.world, defined({ IdentityPoolId: id, Roles: properties['Roles'], RoleMappings: properties['RoleMappings'] === undefined ? undefined : apiRoleMappings(properties['RoleMappings']) }));
    return set.ok ? ok({ physicalId: id, ref: id, attributes: {} }) : set;
  },
};
