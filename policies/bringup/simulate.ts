/**
 * The bring-up simulation: a fresh cluster, the root Application applied by hand, then Argo CD's
 * sync semantics round by round until nothing changes.
 *
 *  - The root applies its children wave by wave. With the Application health check in Argo CD's
 *    values, a wave starts only when every child of the earlier waves is Healthy; without it (Argo
 *    CD ≥ 1.8 has none built in) children have no health, so every wave starts at once.
 *  - Each child syncs its own objects by (phase, wave), kinds in Argo CD's order; a group starts
 *    when every object of the previous group with a health check is Healthy.
 *  - An object is applied only if its apply needs hold when its group starts (namespace, CRD from
 *    an earlier group or the same group, fail-closed webhooks answering, the quota): otherwise the
 *    sync fails. Retries are not counted on: a need that another Application happens to meet
 *    within the retry window is a race, not a proof.
 *  - An object becomes healthy once its health needs hold; these may be met later (Progressing).
 *
 * It proves each Application reaches Healthy, or names the first object that blocks it and why.
 */
import { compareStrings } from '../../generators/sort.js';
import { appendTo } from '../engine/append-to.js';
import type { ClusterModel, SimApp, SimObject } from './cluster-model.js';
import { cap, type Need } from './needs.js';

export interface Blocked {
  app: SimApp | null;
  /** `Kind/namespace/name` of the blocking object, or the root Application. */
  resource: string;
  message: string;
}

interface AppState {
  created: boolean;
  group: number;
  applied: Set<number>;
  healthy: boolean;
  rejected?: { object: SimObject; need: Need };
}

const compareObjects = (a: SimObject, b: SimObject) => a.phase - b.phase || a.wave - b.wave || a.kindOrder - b.kindOrder || compareStrings(a.name, b.name);

function syncGroups(app: SimApp): SimObject[][] {
  const groups = new Map<string, SimObject[]>();
  for (const object of [...app.objects].sort(compareObjects)) {
    const key = `${object.phase}:${object.wave}`;
    const group = groups.get(key);
    if (group) group.push(object);
    else groups.set(key, [object]);
  }
  return [...groups.values()];
}

export function simulate(model: ClusterModel): Blocked[] {
  const apps = [...model.apps].sort((a, b) => a.wave - b.wave || compareStrings(a.name, b.name));
  const groups = new Map(apps.map((app) => [app, syncGroups(app)]));
  const state = new Map<SimApp, AppState>(apps.map((app) => [app, { created: false, group: 0, applied: new Set(), healthy: false }]));
  const healthyObjects = new Set<SimObject>();
  // Each capability with the round it appeared in: a round sees only what earlier rounds provided.
  const caps = new Map<string, number>(model.initial.map((key) => [key, -1]));
  let round = 0;
  let changed = true;
  const had = (key: string) => (caps.get(key) ?? Infinity) < round;
  const add = (key: string) => {
    if (!caps.has(key)) {
      caps.set(key, round);
      changed = true;
    }
  };
  const created = new Set<string>();
  const pending: SimObject[] = [];

  for (const app of apps.filter((a) => a.bootstrapped)) {
    Object.assign(state.get(app)!, { created: true, healthy: true, group: groups.get(app)!.length });
    created.add(app.name);
    for (const object of app.objects) [...object.provides, ...object.providesWhenHealthy].forEach(add);
    [...app.serves, cap.webhook(app.name)].forEach(add);
  }

  const waves = [...new Set([...apps.map((a) => a.wave), ...model.projects.map((p) => p.wave)])].sort((a, b) => a - b);
  const byWave = new Map(waves.map((w) => [w, apps.filter((a) => a.wave === w)]));
  let waveIndex = 0;
  let active = apps;
  let rootWave = model.gated ? (waves[0] ?? 0) : Infinity;

  for (; changed && round < 100_000; round++) {
    changed = false;

    // The root: create children up to the current wave; with gating, advance past a wave only when all of it is Healthy.
    if (model.gated) {
      while (waveIndex < waves.length - 1 && byWave.get(waves[waveIndex]!)!.every((a) => state.get(a)!.healthy)) waveIndex++;
      rootWave = waves[waveIndex] ?? 0;
    }
    for (const project of model.projects) if (project.wave <= rootWave) add(cap.project(project.name));
    for (const app of apps) {
      const s = state.get(app)!;
      if (!s.created && app.wave <= rootWave) {
        s.created = true;
        // Apps created in this very round count as registered: their webhooks race with the objects they guard.
        created.add(app.name);
        changed = true;
      }
    }

    // Every created child: apply its current group if possible, then see whether it moves on.
    active = active.filter((app) => !state.get(app)!.healthy && !state.get(app)!.rejected);
    for (const app of active) {
      const s = state.get(app)!;
      if (!s.created || app.unmodelled || !caps.has(cap.project(app.project))) continue;
      const appGroups = groups.get(app)!;
      const group = appGroups[s.group];
      if (group && !s.applied.has(s.group)) {
        const ownProvides = new Set(group.flatMap((o) => o.provides));
        // A webhook of an add-on that has not started syncing is not registered yet: it rejects nothing.
        const unmet = (n: Need) => !had(n.key) && !ownProvides.has(n.key) && !(cap.webhookApp(n.key) !== undefined && !created.has(cap.webhookApp(n.key)!));
        const rejected = group.flatMap((object) => object.apply.filter(unmet).map((n) => ({ object, need: n })))[0];
        if (rejected) {
          s.rejected = rejected;
          changed = true;
          continue;
        }
        s.applied.add(s.group);
        group.forEach((o) => o.provides.forEach(add));
        pending.push(...group);
        changed = true;
      }
      if (group && group.every((o) => !o.argoHealth || healthyObjects.has(o))) {
        s.group++;
        changed = true;
      }
      if (s.group >= appGroups.length && appGroups.every((g) => g.every((o) => !o.argoHealth || healthyObjects.has(o)))) {
        s.healthy = true;
        [...app.serves, cap.webhook(app.name)].forEach(add);
        changed = true;
      }
    }

    // Health of every applied object, from what the cluster had at the start of the round.
    for (let i = pending.length - 1; i >= 0; i--) {
      const object = pending[i]!;
      if (!object.health.every((n) => had(n.key))) continue;
      healthyObjects.add(object);
      object.providesWhenHealthy.forEach(add);
      pending.splice(i, 1);
      changed = true;
    }
  }

  return report(model, apps, groups, state, healthyObjects, caps, rootWave);
}

/** Every key any object or app provides, with the apps that provide it, in the apps' order. */
function providerIndex(apps: readonly SimApp[]): Map<string, SimApp[]> {
  const providers = new Map<string, SimApp[]>();
  const provide = (key: string, app: SimApp) => appendTo(providers, key, app);
  for (const app of apps) {
    for (const object of app.objects) [...object.provides, ...object.providesWhenHealthy].forEach((key) => provide(key, app));
    [...app.serves, cap.webhook(app.name)].forEach((key) => provide(key, app));
  }
  return providers;
}

function report(
  model: ClusterModel,
  apps: SimApp[],
  groups: Map<SimApp, SimObject[][]>,
  state: Map<SimApp, AppState>,
  healthyObjects: Set<SimObject>,
  caps: { has(key: string): boolean },
  rootWave: number,
): Blocked[] {
  // Who provides each key: only a blocked app's message asks, so it is built on the first question (most runs have none).
  let providers: Map<string, SimApp[]> | undefined;
  const providersOf = (key: string): SimApp[] => {
    if (!providers) providers = providerIndex(apps);
    return providers.get(key) ?? [];
  };

  const why = (app: SimApp, n: Need, atApply: boolean): string => {
    if (cap.isMissing(n.key)) return '';
    const provider = providersOf(n.key).find((p) => p !== app) ?? providersOf(n.key)[0];
    if (!provider) return ', which nothing in the environment provides';
    const ps = state.get(provider)!;
    const where = `app "${provider.name}" (wave ${provider.wave})`;
    if (provider === app) return ', which comes only later in its own sync';
    if (!ps.created && model.gated && provider.wave > app.wave) return `, which ${where} provides, but the root syncs wave ${provider.wave} only after this app is Healthy: a deadlock`;
    if (!ps.created) return `, which ${where} would provide, but the root never reaches wave ${provider.wave}`;
    if (!ps.healthy && !caps.has(n.key)) return `, which ${where} never provides: it is blocked itself`;
    if (!atApply) return '';
    if (provider.wave === app.wave) return `, which ${where} syncs in parallel (same wave), so it is not guaranteed first`;
    if (provider.wave > app.wave) return `, which ${where} syncs later`;
    if (!model.gated) return `, which ${where} is not guaranteed to be Healthy first: Argo CD's values have no Application health check, so root waves do not wait for child health`;
    return `, which ${where} does not provide in time`;
  };

  const blocked: Blocked[] = [];
  for (const app of apps) {
    const s = state.get(app)!;
    const at = `app "${app.name}" (wave ${app.wave})`;
    if (!s.created || s.healthy) continue;
    if (app.unmodelled) blocked.push({ app, resource: `Application/argocd/${app.name}`, message: `${at}: cannot be simulated: ${app.unmodelled}` });
    else if (s.rejected)
      blocked.push({ app, resource: s.rejected.object.resource, message: `${at}: the sync fails: ${s.rejected.object.resource} is rejected: it needs ${s.rejected.need.what}${why(app, s.rejected.need, true)}` });
    else if (!caps.has(cap.project(app.project)))
      blocked.push({ app, resource: `Application/argocd/${app.name}`, message: `${at}: never syncs: its AppProject "${app.project}" does not exist` });
    else {
      const appGroups = groups.get(app)!;
      const applied = new Set(appGroups.filter((_, i) => s.applied.has(i)).flat());
      const unmet = (o: SimObject) => ({ object: o, need: o.health.find((n) => !caps.has(n.key)) });
      let stuck = appGroups
        .flat()
        .filter((o) => o.argoHealth && !healthyObjects.has(o))
        .map(unmet)
        .find((x) => x.need !== undefined);
      // Follow the chain inside the app: a Deployment waiting for the Secret an applied ExternalSecret
      // would create is blocked by what blocks the ExternalSecret.
      for (const seen = new Set<SimObject>(); stuck && !seen.has(stuck.object); ) {
        seen.add(stuck.object);
        const key = stuck.need!.key;
        const cause = [...applied].find((o) => !healthyObjects.has(o) && [...o.provides, ...o.providesWhenHealthy].includes(key));
        const next = cause ? unmet(cause) : undefined;
        if (!next?.need) break;
        stuck = next;
      }
      if (stuck)
        blocked.push({ app, resource: stuck.object.resource, message: `${at}: never becomes Healthy: ${stuck.object.resource} stays Progressing: it needs ${stuck.need!.what}${why(app, stuck.need!, false)}` });
      else blocked.push({ app, resource: `Application/argocd/${app.name}`, message: `${at}: never becomes Healthy` });
    }
  }
  const neverCreated = apps.filter((a) => !state.get(a)!.created);
  if (neverCreated.length > 0 && model.root)
    blocked.push({
      app: null,
      resource: `Application/argocd/${model.root.name}`,
      message: `the root stops at wave ${rootWave}: ${neverCreated.length} Application(s) of later waves never sync (${neverCreated.map((a) => a.name).join(', ')})`,
    });
  return blocked;
}
