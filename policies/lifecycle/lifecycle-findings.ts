/**
 * What the lifecycle rules report for one environment's documents: every pin the support table
 * tracks, with its state on the synth date. Shared by LIFE-001 (ended or unknown) and LIFE-002
 * (ending soon), which differ only in the states they report and their severity.
 */
import type { SupportWindow, SupportedProduct } from '../../environments/support.js';
import type { EnvironmentDocuments, Finding } from '../engine/types.js';
import { chartPins, eksPins, type Pin } from './pins.js';
import { findWindow, supportStatus, WARNING_DAYS, type SupportState, type SupportStatus } from './support-status.js';

export interface LifecycleInputs {
  table: readonly SupportWindow[];
  /** Pins of the repository itself (not of an environment), checked once in the repository-wide group. */
  repositoryPins: readonly Pin[];
}

const TABLE_FILE = 'environments/support.ts';

function tracked(table: readonly SupportWindow[], product: string): product is SupportedProduct {
  return table.some((w) => w.product === product);
}

function describe(pin: Pin, status: SupportStatus): string {
  const w = status.window;
  const policy = pin.note ? ` (${pin.note})` : '';
  const which = pin.product === 'amazon-eks' ? (pin.extended ? 'extended support' : 'standard support') : 'support';
  const source = w ? ` (${w.source}, checked ${w.checked})` : '';
  switch (status.state) {
    case 'unknown':
      return `${pin.label}${policy}: no row for this version in ${TABLE_FILE}; add its support dates with their source before pinning it`;
    case 'ended':
      return `${pin.label}${policy}: ${which} ended on ${status.ends}${source}; move to a supported version`;
    case 'ending':
      return `${pin.label}${policy}: ${which} ends on ${status.ends}, in ${status.daysLeft} days (warning from ${WARNING_DAYS} days before)${source}; plan the upgrade`;
    default:
      return `${pin.label}: supported`;
  }
}

export function lifecycleFindings(inputs: LifecycleInputs, documents: EnvironmentDocuments, states: readonly SupportState[]): Finding[] {
  const pins = documents.environment === null ? [...inputs.repositoryPins] : [...eksPins(documents), ...chartPins(documents)];
  return pins.flatMap((pin) => {
    if (!tracked(inputs.table, pin.product)) return [];
    const status = supportStatus(findWindow(inputs.table, pin.product, pin.version), documents.today, pin.extended);
    return states.includes(status.state) ? [{ file: pin.file, resource: pin.resource, message: describe(pin, status) }] : [];
  });
}
