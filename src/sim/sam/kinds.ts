// Every resource type a template may declare, and nothing else: any other type is a clear error.
import { serverlessApi, serverlessHttpApi } from './api.js';
import { serverlessFunction } from './function.js';
import type { ResourceKind } from './kind.js';
import { dynamoDbTable, iamRole, identityPool, identityPoolRoleAttachment, s3Bucket, simpleTable, userPool, userPoolClient } from './plain-resources.js';

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  serverlessFunction, serverlessApi, serverlessHttpApi, simpleTable,
  dynamoDbTable, userPool, userPoolClient, identityPool, identityPoolRoleAttachment, iamRole, s3Bucket,
];

const BY_TYPE = new Map(RESOURCE_KINDS.map((kind) => [kind.type, kind]));

export function kindOf(type: string): ResourceKind | undefined {
  return BY_TYPE.get(type);
}

export const SUPPORTED_TYPES: readonly string[] = RESOURCE_KINDS.map((kind) => kind.type);
