// A piece of the page that cannot be loaded (the network dropped after the page opened, a new
// version deployed under a still-open tab, a file blocked by a proxy) is said so where it shows;
// the terminals, the lesson and the learner's progress stay (issue 5: nothing may crash the page).
import { test, expect } from './fixtures';
import { Playground } from './pages/Playground';

// The browser reports the failed fetch, and React the error its boundary caught: expected here.
// (An array option is given as [value, options], or Playwright reads the array as that pair.)
test.use({ allowConsoleErrors: [[/net::ERR_INTERNET_DISCONNECTED/, /Failed to fetch dynamically imported module/], { scope: 'test' }] });

test('without the diagram\'s code the diagram says so, and the terminals and the lesson keep working', async ({ page }) => {
  await page.route(/\/assets\/LessonDiagram-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
  const kp = new Playground(page);
  await kp.open('#/en/start-the-cluster');
  await expect(page.locator('.kp-diagram [role="alert"]')).toContainText('The diagram could not be loaded');
  await expect(page.locator('[data-testid="lesson"] h1')).toBeVisible();
  expect(await kp.node1.run('echo still here')).toContain('still here');
  // The table view is another piece: it still loads and shows the cluster.
  await page.getByTestId('diagram-view-toggle').click();
  await expect(page.getByTestId('diagram-table')).toContainText('node1');
});

test('without the lesson panel\'s code the lesson says so, and the terminal keeps working', async ({ page }) => {
  await page.route(/\/assets\/LessonPanel-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
  const kp = new Playground(page);
  await kp.open('#/es/start-the-cluster');
  await expect(page.getByTestId('lesson').getByRole('alert')).toContainText('No se pudo cargar la lección');
  expect(await kp.node1.run('hostname')).toContain('node1');
});
