import { expect, test, type Page, type Request } from '@playwright/test';
import { storageStateOf } from '../roles';
import { expectInsideScreen, expectNoSidewaysScroll } from '../screen';

// Ops change a flag through the confirmation dialog (with a required reason), roll back to
// the runbook's safe defaults, and read the audit log, at a desk and on a 390 px phone.
// Supervisors can neither see the page nor run its actions, even by replaying the exact
// request an ops user sent.

// The e2e database lives across runs: a run-unique tag keeps each audit-row lookup exact.
const run = Date.now().toString(36);

async function confirmWithReason(page: Page, reason: string, confirm: string) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const button = dialog.getByRole('button', { name: confirm });
  await expect(button).toBeDisabled();
  await dialog.getByLabel(/Reason/).fill(reason);
  await expect(button).toBeEnabled();
  await button.click();
  await expect(dialog).toBeHidden();
}



test.describe('ops', () => {
  test.use({ storageState: storageStateOf('ops') });

  test('ops changes a flag with a reason, rolls back to safe defaults and reads the audit log', async ({ page }) => {
    await page.goto('/flags');
    await expect(page.getByRole('heading', { name: 'Feature flags', level: 1 })).toBeVisible();
    // Desktop keeps the table; the cards are the phone layout only.
    await expect(page.getByRole('table', { name: /Feature flags/ })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Feature flags' })).toBeHidden();

    // A change says what changes, and needs a reason: cancelling changes nothing.
    const algorithm = page.getByRole('combobox', { name: /Packing algorithm/ });
    const target = (await algorithm.inputValue()) === 'HYBRID' ? 'BFD' : 'HYBRID';
    await algorithm.selectOption(target);
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('BIN_OPTIMIZATION_ALGORITHM');
    await expect(dialog).toContainText(`→ ${target}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(algorithm).not.toHaveValue(target);

    await algorithm.selectOption(target);
    await confirmWithReason(page, `E2E ${run}: trying ${target} on the night shift`, 'Apply change');
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(`BIN_OPTIMIZATION_ALGORITHM`);
    await expect(algorithm).toHaveValue(target);

    // Turn the ML model on (if needed) so the rollback has a feature to turn off.
    const ml = page.getByRole('switch', { name: /ML confidence model/ });
    if ((await ml.getAttribute('aria-checked')) === 'false') {
      await ml.click();
      await expect(page.getByRole('dialog')).toContainText('ML_MODEL_ENABLED');
      await page.screenshot({ path: 'test-results/screenshots/ops-flags-confirm-dialog.png', fullPage: true });
      await confirmWithReason(page, `E2E ${run}: model validated on last week`, 'Apply change');
      await expect(ml).toHaveAttribute('aria-checked', 'true');
    }

    const audit = page.getByRole('region', { name: 'Audit log' });
    await expect(audit.getByRole('row').filter({ hasText: `E2E ${run}: trying ${target} on the night shift` })).toContainText(`→ ${target}`);

    // The runbook's partial rollback: FFD, every feature off, one audit row per change.
    await page.getByRole('button', { name: 'Roll back to safe defaults' }).click();
    await expect(page.getByRole('dialog')).toContainText('FFD');
    await confirmWithReason(page, `E2E ${run}: error rate above 5%`, 'Roll back');
    await expect(algorithm).toHaveValue('FFD');
    for (const name of [/SKU affinity/, /Cross-dock/, /Congestion avoidance/, /ML confidence model/]) {
      await expect(page.getByRole('switch', { name })).toHaveAttribute('aria-checked', 'false');
    }
    await expect(audit.getByRole('row').filter({ hasText: `Rollback to safe defaults: E2E ${run}: error rate above 5%` }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Roll back to safe defaults' })).toBeDisabled();
    await page.screenshot({ path: 'test-results/screenshots/ops-flags.png', fullPage: true });
  });
});

test.describe('ops on a phone', () => {
  test.use({ storageState: storageStateOf('ops'), viewport: { width: 390, height: 844 } });

  test('on a 390 px phone ops flip a flag from its card through the confirm step, nothing scrolls sideways, and the audit log lists the change', async ({ page }) => {
    await page.goto('/flags');
    await expect(page.getByRole('heading', { name: 'Feature flags', level: 1 })).toBeVisible();
    // The five-column table would push the change control off-screen: the phone gets one card per flag.
    await expect(page.getByRole('table', { name: /Feature flags/ })).toBeHidden();
    const cards = page.getByRole('list', { name: 'Feature flags' }).getByRole('listitem');
    await expect(cards).toHaveCount(5);
    for (const card of await cards.all()) await expectInsideScreen(card);
    await expectInsideScreen(page.getByRole('combobox', { name: /Packing algorithm/ }));
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/screenshots/ops-flags-phone.png', fullPage: true });

    // The card's switch has the table's accessible name, so the desktop locator finds it here too.
    const congestion = page.getByRole('switch', { name: /Congestion avoidance/ });
    await expectInsideScreen(congestion);
    const before = (await congestion.getAttribute('aria-checked')) === 'true' ? 'true' : 'false';
    const after = before === 'true' ? 'false' : 'true';
    const reason = `E2E ${run}: flipped from a phone on the floor`;
    await congestion.click();
    const dialog = page.getByRole('dialog', { name: 'Change Congestion avoidance?' });
    await expect(dialog.getByRole('list', { name: 'Changes' })).toHaveText(`Congestion avoidance (CONGESTION_AVOIDANCE_ENABLED): ${before} → ${after}`);
    await expect(dialog).toContainText('For this tenant only. The next putaway batch uses the new values, on every replica.');
    await dialog.getByLabel(/Reason/).fill(reason);
    await expectInsideScreen(dialog);
    await expectInsideScreen(dialog.getByRole('button', { name: 'Apply change' }));
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/screenshots/ops-flags-phone-confirm.png' });
    await dialog.getByRole('button', { name: 'Apply change' }).click();
    await expect(dialog).toBeHidden();
    await expect(congestion).toHaveAttribute('aria-checked', after);
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('CONGESTION_AVOIDANCE_ENABLED');

    // The audit log is a stacked list here too: the change and its reason, on screen.
    const audit = page.getByRole('region', { name: 'Audit log' });
    await expect(audit.getByRole('table')).toBeHidden();
    const entry = audit.getByRole('list', { name: 'Audit log entries' }).getByRole('listitem').filter({ hasText: reason });
    await expect(entry).toContainText('CONGESTION_AVOIDANCE_ENABLED');
    await expect(entry).toContainText(`${before} → ${after}`);
    await expectInsideScreen(entry);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/screenshots/ops-flags-phone-after-change.png', fullPage: true });

    // A capacity change says it also binds accepts and overrides; cancelled, so nothing changes.
    const capacity = page.getByRole('region', { name: 'Capacity rules' });
    const hardCap = capacity.getByRole('spinbutton', { name: 'Hard cap (%)' });
    await hardCap.fill((await hardCap.inputValue()) === '100' ? '99' : '100');
    await capacity.getByRole('button', { name: 'Review change' }).click();
    const capacityDialog = page.getByRole('dialog', { name: 'Change the capacity rules?' });
    await expect(capacityDialog).toContainText('every accept and override is checked against the new hard cap');
    await expectInsideScreen(capacityDialog);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/screenshots/ops-flags-phone-capacity-confirm.png' });
    await capacityDialog.getByRole('button', { name: 'Cancel' }).click();
    await capacity.getByRole('button', { name: 'Undo edits' }).click();

    // From md up the table is back, with the same switch; flip it back so the tenant is as found.
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(page.getByRole('table', { name: /Feature flags/ })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Feature flags' })).toBeHidden();
    await expect(audit.getByRole('row').filter({ hasText: reason })).toContainText(`${before} → ${after}`);
    await page.screenshot({ path: 'test-results/screenshots/ops-flags-desktop.png', fullPage: true });
    await congestion.click();
    await confirmWithReason(page, `E2E ${run}: back as the phone test found it`, 'Apply change');
    await expect(congestion).toHaveAttribute('aria-checked', before);
  });
});

test.describe('supervisor', () => {
  test.use({ storageState: storageStateOf('supervisor') });

  test('a supervisor has no Feature flags link and is refused the page', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Feature flags' })).toHaveCount(0);
    await page.goto('/flags');
    await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
    await expect(page.getByRole('switch')).toHaveCount(0);
  });

  test('a supervisor replaying an ops flag action is refused with FORBIDDEN and nothing changes', async ({ page, browser }) => {
    // Record the exact server-action request an ops user sends when changing a flag...
    const ops = await browser.newContext({ storageState: storageStateOf('ops') });
    const opsPage = await ops.newPage();
    await opsPage.goto('/flags');
    const cross = opsPage.getByRole('switch', { name: /Cross-dock/ });
    const before = await cross.getAttribute('aria-checked');
    await cross.click();
    await opsPage.getByRole('dialog').getByLabel(/Reason/).fill(`E2E ${run}: recorded for the replay test`);
    const [actionRequest] = await Promise.all([
      opsPage.waitForRequest((request: Request) => request.method() === 'POST' && 'next-action' in request.headers()),
      opsPage.getByRole('dialog').getByRole('button', { name: 'Apply change' }).click(),
    ]);
    await expect(opsPage.getByRole('dialog')).toBeHidden();
    await expect(cross).not.toHaveAttribute('aria-checked', before ?? '');
    const changed = await cross.getAttribute('aria-checked');

    // ...and replay it with the supervisor's session: the action refuses it.
    const headers = actionRequest.headers();
    const response = await page.request.post(actionRequest.url(), {
      headers: { 'next-action': headers['next-action']!, 'content-type': headers['content-type'] ?? 'text/plain;charset=UTF-8', accept: 'text/x-component' },
      data: actionRequest.postData() ?? '',
    });
    const text = await response.text();
    expect(text).toContain('FORBIDDEN');
    expect(text).not.toContain('"ok":true');

    await opsPage.reload();
    await expect(opsPage.getByRole('switch', { name: /Cross-dock/ })).toHaveAttribute('aria-checked', changed ?? '');
    await expect(opsPage.getByRole('region', { name: 'Audit log' }).getByRole('row').filter({ hasText: `E2E ${run}: recorded for the replay test` })).toHaveCount(1);
    await ops.close();
  });
});

test.describe('manager', () => {
  test.use({ storageState: storageStateOf('manager') });

  test('a manager sees the effective flags, their sources and the audit log, but cannot change them', async ({ page }) => {
    await page.goto('/flags');
    await expect(page.getByRole('heading', { name: 'Feature flags', level: 1 })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: /ML confidence model/ })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Feature flags' })).toBeHidden();
    await expect(page.getByRole('region', { name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('switch')).toHaveCount(0);
    await expect(page.getByRole('combobox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Roll back to safe defaults' })).toHaveCount(0);
    await expect(page.getByText('Changing them needs the flags.write permission')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/manager-flags-read-only.png', fullPage: true });
  });
});
