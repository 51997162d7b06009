import { useState } from 'react';
import { Box, Tab, Tabs } from '@material-ui/core';
import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { settingsApiRef } from '../../api/settings';
import { ServicesTab } from './ServicesTab';
import { OptionListsTab } from './OptionListsTab';
import { RegionsTab } from './RegionsTab';

const TABS = ['Services', 'Option lists', 'Regions and zones'] as const;

/** Inventory > Settings: services catalog, option lists, regions and zones. */
export function SettingsPage() {
  const api = useApi(settingsApiRef);
  const [tab, setTab] = useState(0);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getSettings(),
    [api],
  );
  let body;
  if (error) body = <ResponseErrorPanel error={error} />;
  else if (!value) body = loading ? <Progress /> : null;
  else if (tab === 0)
    body = <ServicesTab services={value.services} onSaved={retry} />;
  else if (tab === 1)
    body = <OptionListsTab options={value.options} onSaved={retry} />;
  else body = <RegionsTab regions={value.regions} onSaved={retry} />;
  return (
    <Page themeId="tool">
      <Header
        title="Inventory settings"
        subtitle="Services, option lists of the forms, regions and zones"
      />
      <Content>
        <Tabs
          value={tab}
          onChange={(_e, v) => setTab(v)}
          indicatorColor="primary"
        >
          {TABS.map(label => (
            <Tab key={label} label={label} />
          ))}
        </Tabs>
        <Box mt={2}>{body}</Box>
      </Content>
    </Page>
  );
}
