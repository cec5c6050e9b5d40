/**
 * Colour on a terminal only: when the stream is a TTY and `NO_COLOR` is not set (https://no-color.org:
 * any non-empty value turns colour off). Piped output, CI logs and files never get escape codes.
 * Plain JavaScript: the launcher (scripts/bundle/) uses it before any TypeScript is loaded.
 */
export function colourEnabled({ isTTY, env }) {
  return isTTY === true && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}

const code = (open, close) => (text) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text) => text;

export function paint(enabled) {
  if (!enabled) return { red: plain, green: plain, yellow: plain, dim: plain, bold: plain };
  return { red: code(31, 39), green: code(32, 39), yellow: code(33, 39), dim: code(2, 22), bold: code(1, 22) };
}

/** Colours for a process stream, decided once. */
export const paintFor = (stream) => paint(colourEnabled({ isTTY: stream.isTTY, env: process.env }));
