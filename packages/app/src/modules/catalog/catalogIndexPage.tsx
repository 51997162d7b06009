import {
  coreExtensionData,
  createExtensionDataRef,
} from '@backstage/frontend-plugin-api';
import { CatalogTable, CatalogTableRow } from '@backstage/plugin-catalog';
import catalogPlugin, {
  CatalogExportSettings,
  CatalogIndexPage,
} from '@backstage/plugin-catalog/alpha';
import { maestroCatalogColumns } from '@maestro/plugin-maestro';

/*
 * The catalog index page of plugin-catalog 2.1 takes its table columns only
 * as a prop of CatalogIndexPage; the page extension has no columns input
 * and no column blueprint exists yet (backstage/backstage#33438, #34397). So
 * `page:catalog` is overridden with the same page and one more prop, keeping
 * what the original factory does with its filters, pagination and export
 * inputs. Drop this file once a CatalogColumnBlueprint ships.
 */

/**
 * The catalog's export-customization data, re-declared by its id because
 * plugin-catalog does not export the ref; CatalogExportConfigBlueprint
 * extensions attached to `page:catalog` keep working.
 */
const exportConfigDataRef = createExtensionDataRef<
  Partial<CatalogExportSettings>
>().with({ id: 'catalog.export-customization' });

export const catalogIndexPage = catalogPlugin
  .getExtension('page:catalog')
  .override({
    factory(originalFactory, { inputs, config }) {
      const filters = inputs.filters.map(filter =>
        filter.get(coreExtensionData.reactElement),
      );
      const exportSettings: CatalogExportSettings = {
        ...config.exportSettings,
      };
      for (const input of inputs.exportConfig) {
        const data = input.get(exportConfigDataRef);
        if (data?.exporters) {
          exportSettings.exporters = {
            ...exportSettings.exporters,
            ...data.exporters,
          };
        }
        exportSettings.columns ??= data?.columns;
        exportSettings.onSuccess ??= data?.onSuccess;
        exportSettings.onError ??= data?.onError;
      }

      return originalFactory({
        params: {
          loader: async () => (
            <CatalogIndexPage
              filters={<>{filters}</>}
              pagination={config.pagination}
              exportSettings={
                exportSettings.enabled ? exportSettings : undefined
              }
              columns={context =>
                maestroCatalogColumns<CatalogTableRow>(context) ??
                CatalogTable.defaultColumnsFunc(context)
              }
            />
          ),
        },
      });
    },
  });
