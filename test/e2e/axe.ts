// The demo host page passes axe as the widgets do, with events in its log: the log is a
// scrolling region the keyboard reaches (focusable, named, role=log).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { card, demoServer, loggedEvent, open, said, settingsDialog, visible, faults } from './helpers.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's violations on the page (shadow roots included), as "rule: target". */
export async function violations(page: Page): Promise<string[]> {
  // Evaluated through the browser's protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } };
    const result = await axe.run();
    return result.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${JSON.stringify(node.target)}`));
  });
}

export function axeSuite(): void {
  describe('demo host page: accessibility', () => {
    it('passes axe with events in the log, and the log is reached and named from the keyboard', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const settings = card(page, 'facebook-ads').getByRole('button', { name: said('Connection settings') });
      await settings.click();
      const dialog = settingsDialog(page, 'Facebook Ads');
      await visible(dialog);
      await dialog.getByRole('button', { name: said('Close') }).click();
      await loggedEvent(page, 'dsw-dialog-closed');
      assert.deepEqual(await violations(page), []);

      const log = page.getByRole('log', { name: 'Event log' });
      await log.focus();
      assert.equal(await log.evaluate((el) => el === document.activeElement && el.tabIndex === 0), true);
      assert.deepEqual(faults(problems), []);
    });
  });
}
