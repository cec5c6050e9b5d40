/**
 * The usage the estimate assumes where the generated output fixes no quantity. Each figure is
 * stated on the line items it prices and in the README's Cost section; change one here and the
 * estimate of every environment follows.
 */
export const ASSUMPTIONS = {
  /** AWS's own convention for monthly figures: 730 hours. */
  hoursPerMonth: 730,
  /** Logs ingested per CloudWatch log group per month; the stored volume is this times retention / 30 days. */
  logGbIngestedPerGroupMonth: 5,
  /** Data held per S3 bucket, priced as S3 Standard (Intelligent-Tiering savings not counted). */
  s3GbPerBucket: 50,
  /** Images held per ECR repository (after its lifecycle policy). */
  ecrGbPerRepository: 1,
  /** Aurora cluster volume and I/O per cluster (Aurora Standard). */
  auroraStorageGb: 20,
  auroraIoMillionsPerMonth: 10,
  /** Load-balancer capacity units used on average, per load balancer. */
  lcuPerLoadBalancer: 1,
} as const;
