/** Table of bring-up rule fixtures (the semantics one by one are in policies/bringup/bring-up.test.ts). */
import { bringUp } from '../bringup/bring-up.js';
import { bringUpFixture } from './bringup-fixtures.js';
import type { RuleCase } from './run-rule.js';

export const bringupCases: RuleCase[] = [
  {
    rule: bringUp,
    name: 'an Ingress synced before the load balancer controller that gives it an address',
    pass: () => bringUpFixture(),
    fail: () => bringUpFixture((f) => (f.apps['aws-load-balancer-controller']!.metadata.annotations['argocd.argoproj.io/sync-wave'] = '4')),
    expected: [
      {
        file: 'argocd/dev/apps/web.yaml',
        resource: 'Ingress/platform-apps/web',
        message:
          'app "web" (wave 3): never becomes Healthy: Ingress/platform-apps/web stays Progressing: it needs IngressClass alb, which app "aws-load-balancer-controller" (wave 4) provides, but the root syncs wave 4 only after this app is Healthy: a deadlock',
      },
      {
        file: 'argocd/dev/root.yaml',
        resource: 'Application/argocd/root',
        message: 'the root stops at wave 3: 1 Application(s) of later waves never sync (aws-load-balancer-controller)',
      },
    ],
  },
];
