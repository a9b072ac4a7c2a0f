import { expect, test, type Page } from '@playwright/test';
import { storageStateOf } from '../roles';

// Ops set the tenant's capacity rules on the Feature flags page: a bad value is refused with a
// message on the field, a good one is stated in a confirmation that needs a reason, and the
// saved value is what the page shows after a reload. (A manager's refusal is in
// e2e/authorization.spec.ts.)

// The e2e database lives across runs: a run-unique tag keeps each audit-row lookup exact.
const run = Date.now().toString(36);

const capacity = (page: Page) => page.getByRole('region', { name: 'Capacity rules' });

async function changeHardCap(page: Page, from: string, to: string, reason: string) {
  const section = capacity(page);
  await section.getByRole('spinbutton', { name: 'Hard cap (%)' }).fill(to);
  await section.getByRole('button', { name: 'Review change' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the capacity rules?' });
  await expect(dialog.getByRole('list', { name: 'Changes' })).toHaveText(`Hard cap (CAPACITY_HARD_CAP): ${from}% → ${to}%`);
  const apply = dialog.getByRole('button', { name: 'Apply change' });
  await expect(apply).toBeDisabled();
  await dialog.getByLabel(/Reason/).fill(reason);
  await page.screenshot({ path: 'test-results/screenshots/ops-capacity-rules-confirm.png' });
  await apply.click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('status')).toHaveText(`Saved: Hard cap ${from}% → ${to}%.`);
}

test.describe('ops', () => {
  test.use({ storageState: storageStateOf('ops') });

  test('ops raises the hard cap through a confirmation, sees it stick after a reload, and is told clearly what a bad value breaks', async ({ page }) => {
    await page.goto('/flags');
    const section = capacity(page);
    const hardCap = section.getByRole('spinbutton', { name: 'Hard cap (%)' });
    const before = await hardCap.inputValue();
    const target = before === '100' ? '98' : '100';

    // Bad values: the field says what is wrong, no confirmation opens, nothing is sent.
    await hardCap.fill('40');
    await section.getByRole('button', { name: 'Review change' }).click();
    await expect(section.getByRole('alert')).toHaveText('Hard cap must be at least 50%.');
    await expect(hardCap).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await capacity(page).screenshot({ path: 'test-results/screenshots/ops-capacity-rules-error.png' });
    await hardCap.fill('80');
    await section.getByRole('button', { name: 'Review change' }).click();
    await expect(section.getByRole('alert')).toHaveText(/Target band maximum \(\d+(\.\d)?%\) must not be above the hard cap \(80%\)\./);
    await section.getByRole('button', { name: 'Undo edits' }).click();
    await expect(hardCap).toHaveValue(before);

    // Cancelling the confirmation changes nothing.
    await hardCap.fill(target);
    await section.getByRole('button', { name: 'Review change' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    await expect(capacity(page).getByRole('spinbutton', { name: 'Hard cap (%)' })).toHaveValue(before);

    await changeHardCap(page, before, target, `E2E ${run}: nearly full, use every bin to the brim`);
    await page.reload();
    await expect(capacity(page).getByRole('spinbutton', { name: 'Hard cap (%)' })).toHaveValue(target);
    await expect(capacity(page)).toContainText('Set for this tenant by');
    const audit = page.getByRole('region', { name: 'Audit log' });
    await expect(audit.getByRole('row').filter({ hasText: `E2E ${run}: nearly full` })).toContainText('CAPACITY_HARD_CAP');
    await expect(audit.getByRole('row').filter({ hasText: `E2E ${run}: nearly full` })).toContainText(`→ ${target}%`);

    for (const [width, name] of [[1280, 'wide'], [390, 'phone']] as const) {
      await page.setViewportSize({ width, height: 900 });
      await capacity(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/screenshots/ops-capacity-rules-${name}.png`, fullPage: true });
      await capacity(page).screenshot({ path: `test-results/screenshots/ops-capacity-rules-${name}-section.png` });
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // Back to where it was, so other specs see the tenant as they found it.
    await changeHardCap(page, target, before, `E2E ${run}: peak is over, headroom back`);
  });
});
