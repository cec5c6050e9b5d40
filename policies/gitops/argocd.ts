/** Argo CD objects among an environment's Kubernetes documents. */
import type { KubeObject } from '../engine/kubernetes.js';

export const argoObjects = (objects: readonly KubeObject[], kind: 'Application' | 'ApplicationSet' | 'AppProject') =>
  objects.filter((o) => o.kind === kind && o.apiVersion.startsWith('argoproj.io/'));
