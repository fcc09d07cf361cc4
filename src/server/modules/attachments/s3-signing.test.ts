import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, encodePath, signRequest } from './s3-signing.ts';

describe('S3 Signature Version 4', () => {
  it('signs the GET Object example of the AWS S3 documentation exactly as AWS computes it', () => {
    // "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk",
    // example GET Object: the published signature is f0e8bdb8…bdb41.
    const headers = signRequest(
      {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        region: 'us-east-1',
      },
      'GET',
      new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      EMPTY_SHA256,
      new Date('2013-05-24T00:00:00Z'),
      { range: 'bytes=0-9' },
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-date']).toBe('20130524T000000Z');
  });

  it('encodes key segments as S3 expects, keeping the slashes', () => {
    expect(encodePath("bucket/qiao files/2026/12/a(b)!*'")).toBe(
      'bucket/qiao%20files/2026/12/a%28b%29%21%2A%27',
    );
  });
});
