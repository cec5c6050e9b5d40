/**
 * One environment's page: its facts, its services, the add-ons as its Argo CD Applications deploy
 * them, its Terraform stacks and their dependencies from the generated stacks, and the app-of-apps
 * waves from the generated Applications. Only this environment's data: `synth --env <other>` never
 * regenerates this page, so nothing of another environment may show here (cross-environment
 * comparisons are in the index).
 */
import type { GeneratedFile } from '../../document.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { posix } from 'node:path';
import { naming, TERRAFORM_STACKS } from '../../naming.js';
import { bulletList, code, heading, link, mermaidBlock, page, table, text } from '../markdown/markdown.js';
import { flowchart } from '../markdown/mermaid.js';
import { catalogPaths } from '../paths.js';
import { dependencyPhrases, serviceFacts } from '../facts/service-facts.js';
import { stackFacts, type StackFact } from '../facts/stacks.js';
import { applicationFacts, waves, type ApplicationFact } from '../facts/waves.js';

export interface EnvironmentPageInput {
  env: ResolvedEnvironment;
  /** The generated files of this environment (at least its Terraform stacks and Argo CD Applications). */
  files: readonly GeneratedFile[];
  /** Whether this environment's cost page is among the generated files. */
  costPage: boolean;
}

function stackGraph(stacks: readonly StackFact[]): string[] {
  return flowchart({
    direction: 'LR',
    nodes: stacks.map((s) => ({ key: `stack:${s.name}`, label: `${s.name} (${s.resources} resources)` })),
    edges: stacks.flatMap((s) => s.dependsOn.map((d) => ({ from: `stack:${d}`, to: `stack:${s.name}` }))),
  });
}

function waveGraph(root: string, applications: readonly ApplicationFact[]): string[] {
  const grouped = waves(applications);
  return flowchart({
    direction: 'LR',
    nodes: [{ key: 'root', label: `${root} (applied once by hand)` }],
    groups: grouped.map((w) => ({ key: `wave:${w.wave}`, label: `wave ${w.wave}`, nodes: w.applications.map((a) => ({ key: `app:${a.name}`, label: a.name })) })),
    edges: grouped.map((w, i) => ({ from: i === 0 ? 'root' : `wave:${grouped[i - 1]!.wave}`, to: `wave:${w.wave}` })),
  });
}

export function environmentPage({ env, files, costPage }: EnvironmentPageInput): string {
  const from = catalogPaths.environment(env.name);
  const stacks = stackFacts(files, posix.dirname(naming.terraformDir(env.name, TERRAFORM_STACKS[0].name)));
  const all = applicationFacts(files, naming.argocdDir(env.name));
  const root = all.find((a) => a.name === naming.argocdRootApp);
  const applications = all.filter((a) => a !== root);
  const charts = applications.filter((a) => a.chart !== null);

  const facts = table(
    ['Fact', 'Value'],
    [
      ['Account', code(env.aws.accountId)],
      ['Region and zones', `${code(env.aws.region)}: ${env.aws.availabilityZones.map(code).join(', ')}`],
      ['Domain', code(env.domain)],
      ['Kubernetes (EKS)', env.eks.version],
      ['Node pools', env.eks.nodePools.map((p) => `${text(p.name)}: ${p.instanceTypes.map(code).join(', ')} ${p.capacityType.toLowerCase()}, ${p.minSize}–${p.maxSize} nodes`).join('\n')],
      ['Owners', `${text(env.owners.team)}${env.owners.reviewers.length > 0 ? `, reviewers ${env.owners.reviewers.map(text).join(', ')}` : ''}`],
      ['Cost center', text(env.owners.costCenter)],
      ['Budget', `$${env.budget.monthlyUsd} a month`],
      ['Hosts platform tooling', env.hostsPlatformTooling ? 'yes' : 'no'],
      ['Source', code(env.file)],
    ],
  );
  const services = table(
    ['Service', 'Owner', 'Image tag', 'Replicas', 'CPU (request / limit)', 'Memory (request / limit)', 'Endpoints', 'Dependencies', 'Alerts'],
    env.services.map((s) => {
      const f = serviceFacts(env, s);
      return [
        link(text(s.name), from, catalogPaths.service(s.name)),
        text(naming.githubTeam(s.team)),
        code(f.imageTag),
        f.replicas,
        f.cpu,
        f.memory,
        f.endpoints.map(code).join('\n'),
        dependencyPhrases(s).map(text).join('\n'),
        f.alerts.map((a) => `${text(a.name)} (${a.severity})`).join('\n'),
      ];
    }),
  );
  const addons = table(
    ['Add-on', 'Chart', 'Version', 'Wave', 'Namespace'],
    charts.map((a) => [text(a.name), `${code(a.chart!.name)} from ${code(a.chart!.repoURL)}`, code(a.chart!.version), String(a.wave), code(a.namespace)]),
  );
  const stackTable = table(
    ['Stack', 'Folder', 'State key', 'Depends on', 'Resources'],
    stacks.map((s) => [
      text(s.name),
      code(s.dir),
      code(s.stateKey),
      [...s.dependsOn.map(text), ...s.externalStates.map((k) => `${code(k)} (outside this environment)`)].join(', '),
      String(s.resources),
    ]),
  );
  const waveTable = table(
    ['Wave', 'Applications'],
    waves(applications).map((w) => [String(w.wave), w.applications.map((a) => text(a.name)).join(', ')]),
  );
  return page([
    heading(1, `Environment ${text(env.name)}`),
    `Generated by ${code('pnpm synth')} from ${code(env.file)} and the services: do not edit. ${link('Back to the catalog', from, catalogPaths.index)}.`,
    facts,
    heading(2, 'Services'),
    'Replicas are the autoscaler’s bounds; endpoints are the in-cluster URL and the public URLs the gateway serves.',
    services,
    heading(2, 'Add-ons'),
    `As this environment’s Argo CD Applications deploy them; the ${link('index', from, catalogPaths.index, 'add-on-versions')} shows where environments differ.`,
    addons,
    heading(2, 'Terraform stacks'),
    'From the generated stacks: each reads the state of the stacks it depends on (`terraform_remote_state`); Atlantis applies them in this order.',
    stackTable,
    mermaidBlock(stackGraph(stacks)),
    heading(2, 'App-of-apps waves'),
    `From the generated Applications under ${code(naming.argocdDir(env.name))}: the root Application creates them and Argo CD syncs them wave by wave, each wave after the previous one is healthy.`,
    waveTable,
    mermaidBlock(waveGraph(root?.name ?? naming.argocdRootApp, applications)),
    heading(2, 'Cost'),
    costPage ? `The monthly estimate: ${link(`cost of ${text(env.name)}`, from, catalogPaths.cost(env.name))}.` : 'No cost estimate is generated for this environment yet.',
    heading(2, 'Not shown here'),
    bulletList(['Live state: what Argo CD has synced and what Terraform has applied.', 'Objects outside the generated output (created by hand or by controllers at run time).']),
  ]);
}
