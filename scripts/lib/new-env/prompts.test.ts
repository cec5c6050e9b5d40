import { describe, expect, it } from 'vitest';
import { completeRequest, type Terminal } from './prompts.js';

/** A terminal that answers from a list and records the questions. */
function scripted(answers: string[], interactive = true): Terminal & { asked: string[] } {
  const asked: string[] = [];
  return {
    interactive,
    asked,
    ask: async (question) => {
      asked.push(question);
      return answers.shift() ?? '';
    },
  };
}

describe('new-env values from flags, prompts or neither', () => {
  it('asks on a terminal for what the flags do not give; an empty optional answer keeps the default', async () => {
    const terminal = scripted(['444444444444', 'eu-central-1', '', 'dev']);
    const request = await completeRequest({ name: 'qa', from: 'staging' }, terminal, (key) => (key === 'after' ? 'dev, staging, prod' : ''));
    expect(request).toEqual({ name: 'qa', from: 'staging', account: '444444444444', region: 'eu-central-1', after: 'dev' });
    expect(terminal.asked).toEqual([
      'AWS account id (12 digits): ',
      'AWS region (e.g. eu-central-1): ',
      'VPC CIDR (empty: the first free 10.x.0.0/16): ',
      'Promotes from (empty: the same stage as the copied environment) [dev, staging, prod]: ',
    ]);
  });

  it('refuses an empty answer to a required question', async () => {
    await expect(completeRequest({ name: 'qa' }, scripted(['']), () => '')).rejects.toThrow('new-env: --from <env> is required');
  });

  it('without a terminal, asks nothing and names the first missing flag', async () => {
    const terminal = scripted([], false);
    await expect(completeRequest({ name: 'qa', from: 'staging', account: '444444444444' }, terminal, () => '')).rejects.toThrow(
      'new-env: missing --region <region> (without a terminal every value comes from flags; `pnpm new-env --help`)',
    );
    expect(terminal.asked).toEqual([]);
    await expect(completeRequest({ from: 'staging' }, terminal, () => '')).rejects.toThrow('new-env: missing <name>');
  });

  it('without a terminal, leaves the optional values to their defaults', async () => {
    const request = await completeRequest({ name: 'qa', from: 'staging', account: '444444444444', region: 'eu-central-1' }, scripted([], false), () => '');
    expect(request).toEqual({ name: 'qa', from: 'staging', account: '444444444444', region: 'eu-central-1' });
  });
});
