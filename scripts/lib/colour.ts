/**
 * Colour on a terminal only: when the stream is a TTY and `NO_COLOR` is not set (https://no-color.org:
 * any non-empty value turns colour off). Piped output, CI logs and files never get escape codes.
 */
export interface ColourContext {
  isTTY: boolean | undefined;
  env: Record<string, string | undefined>;
}

export function colourEnabled({ isTTY, env }: ColourContext): boolean {
  return isTTY === true && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}

export interface Paint {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const code = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function paint(enabled: boolean): Paint {
  if (!enabled) return { red: plain, green: plain, yellow: plain, dim: plain, bold: plain };
  return { red: code(31, 39), green: code(32, 39), yellow: code(33, 39), dim: code(2, 22), bold: code(1, 22) };
}

/** Colours for a process stream, decided once. */
export const paintFor = (stream: { isTTY?: boolean }): Paint => paint(colourEnabled({ isTTY: stream.isTTY, env: process.env }));
