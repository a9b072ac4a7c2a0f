import { expect, test } from '@playwright/test';
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
