import { useState } from 'react';
import {
  Box,
  Button,
  Grid,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { OptionLists } from '@maestro/plugin-maestro-common';
import { settingsApiRef } from '../../api/settings';
import { EditableList } from './EditableList';
import { entryErrors, useSaver } from './useSaver';

/** Every option list of the forms (environments, OS, roles, ...), editable. */
export function OptionListsTab(props: {
  options: OptionLists;
  onSaved(): void;
}) {
  const api = useApi(settingsApiRef);
  const names = Object.keys(props.options).sort();
  const [selected, setSelected] = useState(names[0]);
  const [draft, setDraft] = useState<string[]>(props.options[names[0]] ?? []);
  const { saving, fieldErrors, save } = useSaver();
  const select = (name: string) => {
    setSelected(name);
    setDraft(props.options[name] ?? []);
  };
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <InfoCard title="Option lists" noPadding>
          <List dense aria-label="Option lists">
            {names.map(name => (
              <ListItem
                key={name}
                button
                selected={name === selected}
                onClick={() => select(name)}
              >
                <ListItemText
                  primary={name}
                  secondary={`${props.options[name].length} values`}
                />
              </ListItem>
            ))}
          </List>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title={selected}>
          <Typography variant="body2" paragraph>
            The values the forms offer for <b>{selected}</b>.
          </Typography>
          <EditableList
            label={selected}
            values={draft}
            onChange={setDraft}
            errors={entryErrors(fieldErrors, 'values')}
          />
          <Box mt={2}>
            <Button
              color="primary"
              variant="contained"
              disabled={saving}
              onClick={async () => {
                if (
                  await save(selected, () => api.setOptionList(selected, draft))
                )
                  props.onSaved();
              }}
            >
              Save {selected}
            </Button>
          </Box>
        </InfoCard>
      </Grid>
    </Grid>
  );
}
