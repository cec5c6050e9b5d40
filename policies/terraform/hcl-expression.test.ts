import { describe, expect, it } from 'vitest';
import { policySource } from './hcl-expression.js';

describe('policySource', () => {
  it('reads a jsonencode expression as cdktf renders it, references included', () => {
    const text =
      '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Allow", "Action" = ["s3:GetObject"], "Resource" = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"], "N" = 3, "B" = true, "Z" = null, "X" = concat([aws_s3_bucket.b.arn], ["a"])}]})}';
    expect(policySource(text)).toEqual({
      kind: 'document',
      document: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['${aws_s3_bucket.b.arn}', '${aws_s3_bucket.b.arn}/*'], N: 3, B: true, Z: null, X: '${concat([aws_s3_bucket.b.arn], ["a"])}' },
        ],
      },
    });
  });

  it('accepts HCL object syntax beyond what cdktf writes: bare and computed keys, colons, newlines, trailing commas', () => {
    expect(policySource('${jsonencode({a = 1, (var.k) = 2\n b: [1,\n2,], "c" = "x\\ty\\u0041 $${literal}"})}')).toEqual({
      kind: 'document',
      document: { a: 1, '${var.k}': 2, b: [1, 2], c: 'x\tyA $${literal}' },
    });
  });

  it('reads JSON strings, Terraform references inside them included', () => {
    expect(policySource('{"Statement":[{"Resource":"${aws_s3_bucket.b.arn}"}]}')).toEqual({ kind: 'document', document: { Statement: [{ Resource: '${aws_s3_bucket.b.arn}' }] } });
  });

  it('recognises references to policy document data sources', () => {
    expect(policySource('${data.aws_iam_policy_document.read.json}')).toEqual({ kind: 'data-source', address: 'data.aws_iam_policy_document.read' });
  });

  it('leaves other expressions opaque', () => {
    expect(policySource('${aws_iam_policy.x.policy}')).toEqual({ kind: 'opaque', expression: '${aws_iam_policy.x.policy}' });
    expect(policySource('${jsonencode(local.doc)}')).toEqual({ kind: 'document', document: '${local.doc}' });
    expect(policySource('prefix-${var.x}')).toEqual({ kind: 'invalid', reason: 'neither JSON nor a Terraform expression' });
  });

  it.each([
    ['${jsonencode({"a" = "x \\ y"})}', 'invalid escape "\\ "'],
    ['${jsonencode({"a" = "open})}', 'unterminated string'],
    ['${jsonencode({"a" = 1}', 'unterminated ${...} interpolation'],
    ['${jsonencode({"a" 1})}', 'expected "=" or ":" after an object key'],
    ['${jsonencode({"a" = 1}) extra}', 'unexpected text after jsonencode(...)'],
    ['${jsonencode({"a" = 1 "b" = 2})}', 'expected "," or "}" in an object'],
    ['{"a": ', 'Unexpected end of JSON input'],
  ])('reports %s as invalid', (text, reason) => {
    expect(policySource(text)).toEqual({ kind: 'invalid', reason });
  });
});
