import { useState } from 'react';
import {
  Navigate,
  Route,
  Routes,
  useNavigate,
  useParams,
} from 'react-router-dom';
import { Content, Header, Page } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import ArrowDropDownIcon from '@material-ui/icons/ArrowDropDown';
import { INVENTORY_SECTIONS, findSection } from './sections';
import { RecordTable } from './RecordTable';

const TABS = INVENTORY_SECTIONS.filter(s => !s.inMenu);
const MENU = INVENTORY_SECTIONS.filter(s => s.inMenu);

function SectionView() {
  const { section: id } = useParams();
  const navigate = useNavigate();
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const section = findSection(id);
  if (!section) return <Navigate to="../servers" replace />;
  const tabIndex = TABS.findIndex(t => t.id === section.id);
  const go = (to: string) => navigate(`../${to}`);

  return (
    <>
      <Tabs
        value={tabIndex < 0 ? false : tabIndex}
        onChange={(_e, i) => go(TABS[i].id)}
        variant="scrollable"
        scrollButtons="auto"
        indicatorColor="primary"
        aria-label="Inventory sections"
      >
        {TABS.map(t => (
          <Tab key={t.id} label={t.title} />
        ))}
      </Tabs>
      <Button
        aria-haspopup="true"
        endIcon={<ArrowDropDownIcon />}
        onClick={e => setMenuAnchor(e.currentTarget)}
        color={section.inMenu ? 'primary' : 'default'}
      >
        {section.inMenu ? section.title : 'Other families'}
      </Button>
      <Menu
        anchorEl={menuAnchor}
        open={!!menuAnchor}
        onClose={() => setMenuAnchor(null)}
      >
        {MENU.map(m => (
          <MenuItem
            key={m.id}
            selected={m.id === section.id}
            onClick={() => {
              setMenuAnchor(null);
              go(m.id);
            }}
          >
            {m.title}
          </MenuItem>
        ))}
      </Menu>
      <RecordTable key={section.id} section={section} />
    </>
  );
}

/**
 * Maestro's Inventory: one tab per section (servers, applications, load
 * balancers, databases, systems, datacenters, clients, cloud resources) and
 * a menu for every other resource family.
 */
export function InventoryPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Inventory"
        subtitle="Cloud CMDB: every server, application, resource and system"
      />
      <Content>
        <Routes>
          <Route path="/" element={<Navigate to="servers" replace />} />
          <Route path=":section" element={<SectionView />} />
        </Routes>
      </Content>
    </Page>
  );
}
