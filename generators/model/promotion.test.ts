import { describe, expect, it } from 'vitest';
import { environmentNames, nextStages, previousStage, promotionOrder, stagesBack } from './promotion.js';

const stage = (name: string, promotesFrom: string | null) => ({ name, promotesFrom });
/** dev → staging → {prod-eu, prod-us}, qa after dev; given in no particular order. */
const environments = [stage('prod-us', 'staging'), stage('qa', 'dev'), stage('staging', 'dev'), stage('prod-eu', 'staging'), stage('dev', null)];

describe('the promotion order', () => {
  it('lists the first stage, then each environment after the one it promotes from, siblings by name', () => {
    expect(environmentNames(environments)).toEqual(['dev', 'qa', 'staging', 'prod-eu', 'prod-us']);
    expect(environmentNames([...environments].reverse())).toEqual(['dev', 'qa', 'staging', 'prod-eu', 'prod-us']);
  });

  it('puts what no first stage reaches (a cycle, an unknown predecessor) last, by name', () => {
    expect(environmentNames([stage('b', 'a'), stage('a', 'b'), stage('dev', null), stage('x', 'nowhere')])).toEqual(['dev', 'a', 'b', 'x']);
  });

  it('answers the previous stage, the next stages and the chain back', () => {
    const model = { environments: promotionOrder(environments) };
    expect(previousStage(model, 'prod-us')?.name).toBe('staging');
    expect(previousStage(model, 'dev')).toBeNull();
    expect(() => previousStage(model, 'nowhere')).toThrow('no environment named "nowhere"');
    expect(nextStages(model, 'staging').map((e) => e.name)).toEqual(['prod-eu', 'prod-us']);
    expect(nextStages(model, 'prod-eu')).toEqual([]);
    expect(stagesBack(environments, 'prod-eu').map((e) => e.name)).toEqual(['prod-eu', 'staging', 'dev']);
    expect(stagesBack([stage('a', 'b'), stage('b', 'a')], 'a').map((e) => e.name)).toEqual(['a', 'b']);
  });
});
