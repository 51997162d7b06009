import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { maestroInventoryPage } from '../../extensions';
import maestroPlugin from '../../alpha';
import { inventoryRouteRef } from './routes';

describe('Inventory page extension', () => {
  it('is a titled page with a route ref and an icon, so the sidebar lists it', () => {
    const tester = createExtensionTester(maestroInventoryPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/maestro/inventory');
    expect(tester.get(coreExtensionData.routeRef)).toBe(inventoryRouteRef);
    expect(tester.get(coreExtensionData.title)).toBe('Inventory');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
    expect(maestroPlugin.getExtension('page:maestro/inventory')).toBeDefined();
  });
});
