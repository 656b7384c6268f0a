// Proves the S3 subset with exact outcomes: buckets and objects for the administrator, S3's error
// names (NoSuchBucket, NoSuchKey, BucketAlreadyOwnedByYou, NoSuchBucketPolicy, MalformedPolicy),
// bucket policies evaluated with the caller's role (an explicit Deny wins, IAM-01; an Allow in the
// bucket policy is enough in the same account, IAM-03), ListObjectsV2 as s3:ListBucket with
// s3:prefix (COG-10), and an unknown profile refused as the AWS CLI refuses it.
import { describe, expect, it } from 'vitest';
import { confirmedUser, identityPool, must, run, signIn, userPool } from '../../helpers/cognito.js';

function withAlice() {
  const setup = userPool();
  confirmedUser(setup, 'alice');
  const poolId = identityPool(setup);
  const logins = `${setup.provider}=${signIn(setup, 'alice').IdToken}`;
  const identityId = must(setup.session, `aws cognito-identity get-id --identity-pool-id ${poolId} --logins ${logins}`)['IdentityId'];
  must(setup.session, `aws cognito-identity get-credentials-for-identity --identity-id ${identityId} --logins ${logins}`);
  must(setup.session, 'sim profile save alice');
  return { session: setup.session, identityId };
}

describe('S3 for the administrator (no profile)', () => {
  it('creates buckets, stores, lists, reads and deletes objects', () => {
    const { session } = userPool();
    must(session, 'aws s3api create-bucket --bucket notes');
    expect(run(session, 'aws s3api create-bucket --bucket notes').text).toContain('(BucketAlreadyOwnedByYou)');
    expect(must(session, 'aws s3api put-object --bucket notes --key a/1.txt --body hello')).toEqual({ ETag: '"5d41402abc4b2a76b9719d911017c592"' });
    must(session, 'aws s3api put-object --bucket notes --key b/2.txt --body x');
    expect(must(session, 'aws s3api list-objects-v2 --bucket notes --prefix a/')).toMatchObject({ KeyCount: 1, Contents: [{ Key: 'a/1.txt', Size: 5 }] });
    expect(must(session, 'aws s3api get-object --bucket notes --key a/1.txt out.txt')).toMatchObject({ ContentLength: 5, Body: 'hello' });
    must(session, 'aws s3api delete-object --bucket notes --key a/1.txt');
    expect(run(session, 'aws s3api get-object --bucket notes --key a/1.txt').text + run(session, 'aws s3api get-object --bucket nope --key k').text).toMatchInlineSnapshot(`
      "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.
      An error occurred (NoSuchBucket) when calling the GetObject operation: The specified bucket does not exist
      "
    `);
    expect(run(session, 'aws s3api get-bucket-policy --bucket notes').text).toContain('(NoSuchBucketPolicy)');
    expect(run(session, `aws s3api put-bucket-policy --bucket notes --policy '{"Statement": []}'`).text).toContain('(MalformedPolicy)');
  });
});

describe('S3 with credentials', () => {
  it('lets a bucket policy Allow what the role does not (same account) and an explicit Deny win over the role', () => {
    const { session, identityId } = withAlice();
    expect(run(session, 'aws s3api list-objects-v2 --bucket photos --profile alice').text).toContain('is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::photos" because no identity-based policy allows the s3:ListBucket action');
    const allowList = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/AuthRole' }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::photos', Condition: { StringLike: { 's3:prefix': '${cognito-identity.amazonaws.com:sub}/*' } } }] };
    must(session, `aws s3api put-bucket-policy --bucket photos --policy '${JSON.stringify(allowList)}'`);
    expect(run(session, `aws s3api list-objects-v2 --bucket photos --prefix ${identityId}/ --profile alice`).ok).toBe(true);
    expect(run(session, 'aws s3api list-objects-v2 --bucket photos --prefix other/ --profile alice').ok).toBe(false);
    const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::photos/*' }] };
    must(session, `aws s3api put-bucket-policy --bucket photos --policy '${JSON.stringify(deny)}'`);
    expect(run(session, `aws s3api put-object --bucket photos --key ${identityId}/x --body x --profile alice`).text).toContain('with an explicit deny in a resource-based policy');
  });

  it('refuses a profile that was never saved, and sim profile use default goes back to the administrator', () => {
    const { session } = withAlice();
    expect(run(session, 'aws s3api list-buckets --profile bob').text).toMatchInlineSnapshot(`
      "An error occurred (ProfileNotFound) when calling the ListBuckets operation: The config profile (bob) could not be found
      "
    `);
    must(session, 'sim profile use alice');
    expect(run(session, 'aws s3api list-buckets').ok).toBe(false);
    must(session, 'sim profile use default');
    expect(must(session, 'aws s3api list-buckets')['Buckets']).toHaveLength(1);
    expect(must(session, 'sim profile list')).toMatchObject({ active: 'default', profiles: [{ name: 'alice', roleArn: 'arn:aws:iam::123456789012:role/AuthRole', isExpired: false }] });
  });
});
