// Proves `aws s3 ls` and `aws s3 cp` print the AWS CLI's text lines, run as the calling profile (the
// same IAM checks as s3api: an identity lists and copies only under its own prefix, COG-10), and
// refuse local paths with a message (the sandbox has no files).
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sim/cli/sandbox.js';
import { must, run } from '../../helpers/cognito.js';

function bucketWithObjects() {
  const session = createSandbox({ seed: 5 });
  must(session, 'aws s3api create-bucket --bucket photos');
  must(session, 'aws s3api put-object --bucket photos --key alice/cat.txt --body meow');
  must(session, 'aws s3api put-object --bucket photos --key alice/trips/rome.txt --body ciao');
  must(session, 'aws s3api put-object --bucket photos --key readme.txt --body hello');
  return session;
}

describe('aws s3 ls', () => {
  it('lists buckets, then one level of a bucket with PRE lines for deeper prefixes', () => {
    const session = bucketWithObjects();
    expect(run(session, 'aws s3 ls').text).toBe('2026-01-01 00:00:00 photos\n');
    expect(run(session, 'aws s3 ls s3://photos/').text).toMatchInlineSnapshot(`
      "                           PRE alice/
      2026-01-01 00:00:00          5 readme.txt
      "
    `);
    expect(run(session, 'aws s3 ls s3://photos/alice/').text).toMatchInlineSnapshot(`
      "                           PRE trips/
      2026-01-01 00:00:00          4 cat.txt
      "
    `);
  });
});

describe('aws s3 cp', () => {
  it('prints an object to -, copies between URIs (keeping the name for a prefix destination), and refuses local paths', () => {
    const session = bucketWithObjects();
    expect(run(session, 'aws s3 cp s3://photos/alice/cat.txt -').text).toBe('meow');
    expect(run(session, 'aws s3 cp s3://photos/alice/cat.txt s3://photos/backup/').text).toBe('copy: s3://photos/alice/cat.txt to s3://photos/backup/cat.txt\n');
    expect(must(session, 'aws s3api get-object --bucket photos --key backup/cat.txt')['Body']).toBe('meow');
    expect(run(session, 'aws s3 cp ./cat.txt s3://photos/x.txt').text).toContain('The sandbox has no local files');
    expect(run(session, 'aws s3 cp s3://photos/none.txt -').text).toContain('(NoSuchKey) when calling the CopyObject operation');
  });
});
