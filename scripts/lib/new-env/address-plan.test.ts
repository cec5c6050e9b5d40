import { describe, expect, it } from 'vitest';
import { freeVpcCidr, subnetPlan, vpcCidrProblem } from './address-plan.js';

describe('the address plan of a new environment', () => {
  it('derives the subnet plan of the shipped environments from a /16', () => {
    expect(subnetPlan('10.40.0.0/16', 3)).toEqual({
      public: ['10.40.0.0/24', '10.40.1.0/24', '10.40.2.0/24'],
      private: ['10.40.16.0/20', '10.40.32.0/20', '10.40.48.0/20'],
      database: ['10.40.64.0/24', '10.40.65.0/24', '10.40.66.0/24'],
    });
    expect(subnetPlan('10.10.0.0/16', 2)).toEqual({
      public: ['10.10.0.0/24', '10.10.1.0/24'],
      private: ['10.10.16.0/20', '10.10.32.0/20'],
      database: ['10.10.64.0/24', '10.10.65.0/24'],
    });
  });

  it('scales the plan to a smaller VPC and keeps the tiers apart with more zones', () => {
    expect(subnetPlan('172.16.16.0/20', 3)).toEqual({
      public: ['172.16.16.0/28', '172.16.16.16/28', '172.16.16.32/28'],
      private: ['172.16.17.0/24', '172.16.18.0/24', '172.16.19.0/24'],
      database: ['172.16.20.0/28', '172.16.20.16/28', '172.16.20.32/28'],
    });
    expect(subnetPlan('10.40.0.0/16', 5).database).toEqual(['10.40.96.0/24', '10.40.97.0/24', '10.40.98.0/24', '10.40.99.0/24', '10.40.100.0/24']);
    expect(subnetPlan('10.40.0.0/16', 5).private.at(-1)).toBe('10.40.80.0/20');
  });

  it('picks the first free 10.x.0.0/16 in steps of ten, then any free one', () => {
    expect(freeVpcCidr(['10.10.0.0/16', '10.20.0.0/16', '10.30.0.0/16'])).toBe('10.40.0.0/16');
    expect(freeVpcCidr(['10.40.0.0/16', '10.10.0.0/16'])).toBe('10.20.0.0/16');
    // A /12 covers 10.32–10.47, so 10.40 is taken too.
    expect(freeVpcCidr(['10.10.0.0/16', '10.20.0.0/16', '10.30.0.0/16', '10.32.0.0/12'])).toBe('10.50.0.0/16');
    expect(freeVpcCidr(['10.0.0.0/9'])).toBe('10.130.0.0/16');
    expect(freeVpcCidr(['10.0.0.0/8'])).toBeUndefined();
  });

  it('accepts /16 to /20 without host bits', () => {
    expect(vpcCidrProblem('10.40.0.0/16', 3)).toBeUndefined();
    expect(vpcCidrProblem('10.40.16.0/20', 3)).toBeUndefined();
    expect(vpcCidrProblem('10.40.0.0/15', 3)).toBe('10.40.0.0/15: expected a /16 to /20 (the subnet plan needs a /28 per zone and tier), got /15');
    expect(vpcCidrProblem('10.40.0.0/21', 3)).toBe('10.40.0.0/21: expected a /16 to /20 (the subnet plan needs a /28 per zone and tier), got /21');
    expect(vpcCidrProblem('10.40.1.0/16', 3)).toBe('10.40.1.0/16 has host bits set');
    expect(vpcCidrProblem('ten', 3)).toBe('expected an IPv4 CIDR such as 10.40.0.0/16 (got "ten")');
  });
});
