/**
 * One phase line of new-service and promote, like synth's (`load`, `prepare`): name, milliseconds,
 * detail. `prepare` is the command's own work before synth; `pnpm bench` reads it (PHASE_LINE).
 */
export function phaseLine(name: string, ms: number, detail: string): string {
  return `${name.padEnd(8)} ${`${Math.round(ms)} ms`.padStart(8)}  ${detail}`;
}

/** Reads a phase's milliseconds back from a command's output. */
export function phaseMs(output: string, name: string): number | undefined {
  const match = new RegExp(`^${name} +(\\d+) ms`, 'm').exec(output);
  return match ? Number(match[1]) : undefined;
}
