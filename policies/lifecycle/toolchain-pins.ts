/** Repository-wide pins the lifecycle rules check: the Node.js release CI (and .node-version) uses. */
import { tools } from '../../environments/versions.js';
import type { Pin } from './pins.js';

export const toolchainPins: readonly Pin[] = [
  { product: 'nodejs', label: `Node.js ${tools.node} (CI and .node-version)`, version: tools.node, file: 'environments/versions.ts', resource: 'tools.node', extended: false },
];
