import { expect, test, type Request } from '@playwright/test';
import { storageStateOf, type AccountName } from './roles';

// What each role sees in the navigation, and what it is refused when it goes straight to
// the URL anyway. The server checks the permission on every page, action and route.
const AREAS = {
  Overview: '/',
  Putaway: '/putaway',
  Heatmap: '/heatmap',
  Simulation: '/simulation',
  'ML accuracy': '/ml',
  'Data quality': '/data-quality',
  'Cache health': '/cache',
  'Feature flags': '/flags',
  'API tokens': '/tokens',
} as const;
type Area = keyof typeof AREAS;

const ALLOWED: Record<Exclude<AccountName, 'otherTenantSupervisor' | 'admin'>, Area[]> = {
  supervisor: ['Overview', 'Putaway', 'Heatmap'],
  ops: ['Overview', 'Putaway', 'ML accuracy', 'Data quality', 'Cache health', 'Feature flags', 'API tokens'],
  manager: ['Overview', 'Putaway', 'Heatmap', 'Simulation', 'ML accuracy', 'Feature flags'],
};

for (const [role, allowed] of Object.entries(ALLOWED) as [keyof typeof ALLOWED, Area[]][]) {
  test.describe(`${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test(`${role} sees exactly the navigation links of their role`, async ({ page }) => {
      await page.goto('/');
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const area of Object.keys(AREAS) as Area[]) {
        const link = nav.getByRole('link', { name: area, exact: true });
        if (allowed.includes(area)) await expect(link).toBeVisible();
        else await expect(link).toHaveCount(0);
      }
    });

    const refused = (Object.keys(AREAS) as Area[]).filter((area) => !allowed.includes(area));
    for (const area of refused) {
      test(`${role} is refused ${area} when opening its URL directly`, async ({ page }) => {
        await page.goto(AREAS[area]);
        await expect(page).toHaveURL(/\/denied/);
        await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
      });
    }
  });
}

// Managers read the Feature flags page, capacity rules included, but may change nothing on it.
test.describe('manager on the capacity rules', () => {
  test.use({ storageState: storageStateOf('manager') });

  test('a manager cannot change the capacity rules, neither on the page nor by replaying the request ops would send', async ({ page, browser }) => {
    await page.goto('/flags');
    const section = page.getByRole('region', { name: 'Capacity rules' });
    await expect(section.getByText('Hard cap', { exact: true })).toBeVisible();
    await expect(section.getByRole('spinbutton')).toHaveCount(0);
    await expect(section.getByRole('button')).toHaveCount(0);
    await expect(section.getByText('only ops and admins (the flags.write permission) can change the capacity rules')).toBeVisible();
    await section.screenshot({ path: 'test-results/screenshots/manager-capacity-rules-read-only.png' });

    // Record the server-action request an ops user's change sends, without letting it through...
    const reason = `E2E ${Date.now().toString(36)}: replayed by a manager`;
    const ops = await browser.newContext({ storageState: storageStateOf('ops') });
    const opsPage = await ops.newPage();
    let capture!: (request: Request) => void;
    const recorded = new Promise<Request>((resolve) => (capture = resolve));
    await opsPage.route(
      (url) => url.pathname === '/flags',
      async (route) => {
        if (route.request().method() === 'POST' && 'next-action' in route.request().headers()) {
          capture(route.request());
          await route.abort();
        } else {
          await route.continue();
        }
      },
    );
    await opsPage.goto('/flags');
    const opsSection = opsPage.getByRole('region', { name: 'Capacity rules' });
    await opsSection.getByRole('spinbutton', { name: 'Hard cap (%)' }).fill('51');
    await opsSection.getByRole('spinbutton', { name: 'Target band maximum (%)' }).fill('50');
    await opsSection.getByRole('spinbutton', { name: 'Target band minimum (%)' }).fill('50');
    await opsSection.getByRole('button', { name: 'Review change' }).click();
    await opsPage.getByRole('dialog').getByLabel(/Reason/).fill(reason);
    await opsPage.getByRole('dialog').getByRole('button', { name: 'Apply change' }).click();
    const request = await recorded;
    const [url, headers, body] = [request.url(), request.headers(), request.postData() ?? ''];
    await ops.close();

    // ...and send it with the manager's session: the action refuses it and nothing is written.
    const response = await page.request.post(url, {
      headers: { 'next-action': headers['next-action']!, 'content-type': headers['content-type'] ?? 'text/plain;charset=UTF-8', accept: 'text/x-component' },
      data: body,
    });
    const text = await response.text();
    expect(text).toContain('FORBIDDEN');
    expect(text).not.toContain('"ok":true');
    await page.reload();
    await expect(page.getByRole('region', { name: 'Audit log' }).getByRole('row').filter({ hasText: reason })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Capacity rules' }).getByText('51%')).toHaveCount(0);
  });
});

test.describe('signed out', () => {
  test('a visitor without a session is sent to the sign-in page', async ({ page }) => {
    await page.goto('/heatmap');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  test('a wrong password gets a clear message and no session', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('manager@northwind.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'incorrect' })).toHaveText('Email or password is incorrect.');
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });
});
