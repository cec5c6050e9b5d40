/**
 * Kubernetes resource quantities (k8s.io/apimachinery `resource.Quantity`): a signed decimal with an
 * optional binary (Ki … Ei), decimal (n, u, m, k, M … E) or exponent (e3, E-2) suffix. Parsed to a
 * number of base units for comparisons only; the generated manifests keep the text as written.
 */
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?[0-9]+))?$/;

/** The quantity in base units (cores, bytes), or undefined when Kubernetes would not parse it. */
export function parseQuantity(text: string): number | undefined {
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, number, suffix = '', exponent] = match;
  const scale = exponent !== undefined ? 10 ** Number(exponent) : (BINARY[suffix] ?? DECIMAL[suffix]!);
  return Number(number) * scale;
}
