// docs/tokens.md is generated (scripts/token-reference.mjs): it must match the manifest and the
// styles of this checkout, and every documented token must have a default found in the styles.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain .mjs script, also run from the command line
import { currentTokenReference, OUTPUT, parseDefaults } from '../../scripts/token-reference.mjs';

type Default = { token: string; private: string; light: string; dark: string };

describe('the token reference (docs/tokens.md)', () => {
  it('reads light-dark() pairs, nested functions and plain defaults', () => {
    const css = `
      --_a: var(--dsw-a, light-dark(#fff, rgb(1 2 3)));
      --_b: var(--dsw-b, calc(0.5 * var(--_rem)));
      --_c: var(--dsw-c, calc(light-dark(1px, 2px) * 2));
      --_font: var(--dsw-font, system-ui, sans-serif);`;
    assert.deepEqual(parseDefaults(css) as Default[], [
      { token: '--dsw-a', private: '--_a', light: '#fff', dark: 'rgb(1 2 3)' },
      { token: '--dsw-b', private: '--_b', light: 'calc(0.5 * var(--_rem))', dark: 'calc(0.5 * var(--_rem))' },
      { token: '--dsw-c', private: '--_c', light: 'calc(light-dark(1px, 2px) * 2)', dark: 'calc(light-dark(1px, 2px) * 2)' },
      { token: '--dsw-font', private: '--_font', light: 'system-ui, sans-serif', dark: 'system-ui, sans-serif' },
    ]);
  });

  it('gives every documented token its defaults', () => {
    const rows = (currentTokenReference() as string).split('\n').filter((line) => line.startsWith('| `--dsw-'));
    assert.ok(rows.length > 20, `only ${rows.length} tokens`);
    const missing = rows.filter((row) => row.includes('| — |')).map((row) => row.split('|')[1]!.trim());
    assert.deepEqual(missing, [], 'tokens without a default in the styles');
  });

  it('is up to date (regenerate it with `node scripts/token-reference.mjs`)', () => {
    const committed = readFileSync(new URL(`../../${OUTPUT}`, import.meta.url), 'utf8');
    assert.equal(committed, currentTokenReference());
  });
});
