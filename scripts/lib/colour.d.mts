/** Types of colour.mjs (see there). */
export interface ColourContext {
  isTTY: boolean | undefined;
  env: Record<string, string | undefined>;
}

export interface Paint {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export declare function colourEnabled(context: ColourContext): boolean;
export declare function paint(enabled: boolean): Paint;
/** Colours for a process stream, decided once. */
export declare const paintFor: (stream: { isTTY?: boolean }) => Paint;
