/**
 * NAT gateways (ids from the network stack, in zone order): any port-allocation error (the
 * gateway ran out of source ports to a destination), and dropped packets above the threshold.
 * NAT metrics are published while the gateway is in use: silence is not an incident.
 */
import { Fn } from 'cdktf';
import type { AlarmSpec } from './alarm.js';
import type { AlarmInputs } from './inputs.js';

export function natGatewayAlarms({ env, network }: AlarmInputs): AlarmSpec[] {
  const dropped = env.operations.alarms.natPacketsDropped;
  const zones = env.network.natGateways === 'single' ? env.aws.availabilityZones.slice(0, 1) : env.aws.availabilityZones;
  const ids = network.getList('nat_gateway_ids');
  return zones.flatMap((zone, i): AlarmSpec[] => {
    const dimensions = { NatGatewayId: Fn.element(ids, i) };
    const namespace = 'AWS/NATGateway';
    return [
      {
        id: `alarm_nat_port_allocation_${i + 1}`,
        name: `nat-${zone}-port-allocation`,
        description: `NAT gateway in ${zone} could not allocate a source port`,
        namespace,
        metric: 'ErrorPortAllocation',
        dimensions,
        statistic: 'Sum',
        threshold: 0,
        missingData: 'notBreaching',
        evaluationPeriods: 1,
      },
      {
        id: `alarm_nat_packets_dropped_${i + 1}`,
        name: `nat-${zone}-packets-dropped`,
        description: `NAT gateway in ${zone} dropped more than ${dropped} packets in 5 minutes`,
        namespace,
        metric: 'PacketsDropCount',
        dimensions,
        statistic: 'Sum',
        threshold: dropped,
        missingData: 'notBreaching',
      },
    ];
  });
}
