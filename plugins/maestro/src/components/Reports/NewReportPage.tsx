import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { Content, Header, InfoCard, Page } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  MAESTRO_FAMILIES,
  PIVOT_CHAIN,
  PIVOT_LEVEL_KINDS,
  PivotLevelName,
  REPORTABLE_KINDS,
  ReportFilter,
  ReportQuery,
  validateReportQuery,
} from '@maestro/plugin-maestro-common';
import { reportsApiRef } from '../../api/reports';
import { FiltersEditor } from './FiltersEditor';
import { ColumnsPicker } from './ColumnsPicker';

type LevelDraft = {
  enabled: boolean;
  filters: ReportFilter[];
  columns: string[];
};

/** Builds the query of the form's state. */
export function draftQuery(draft: {
  type: 'general' | 'pivot';
  kind: string;
  family: string;
  filters: ReportFilter[];
  columns: string[];
  levels: Record<PivotLevelName, LevelDraft>;
}): ReportQuery {
  if (draft.type === 'general') {
    return {
      type: 'general',
      kind: draft.kind,
      family:
        draft.kind === 'resources' && draft.family ? draft.family : undefined,
      filters: draft.filters,
      columns: draft.columns.length ? draft.columns : undefined,
    };
  }
  return {
    type: 'pivot',
    levels: PIVOT_CHAIN.filter(l => draft.levels[l].enabled).map(l => ({
      level: l,
      filters: draft.levels[l].filters,
      columns: draft.levels[l].columns.length
        ? draft.levels[l].columns
        : undefined,
    })),
  };
}

const emptyLevels = (): Record<PivotLevelName, LevelDraft> =>
  Object.fromEntries(
    PIVOT_CHAIN.map((l): [PivotLevelName, LevelDraft] => [
      l,
      { enabled: true, filters: [], columns: [] },
    ]),
  ) as Record<PivotLevelName, LevelDraft>;

/** "New report": general (one kind) or pivot (clients -> servers). */
export function NewReportPage() {
  const api = useApi(reportsApiRef);
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [type, setType] = useState<'general' | 'pivot'>('general');
  const [kind, setKind] = useState('servers');
  const [family, setFamily] = useState('');
  const [filters, setFilters] = useState<ReportFilter[]>([]);
  const [columns, setColumns] = useState<string[]>([]);
  const [levels, setLevels] = useState(emptyLevels);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error>();

  const query = draftQuery({ type, kind, family, filters, columns, levels });
  const problems = validateReportQuery(query);
  const setLevel = (l: PivotLevelName, patch: Partial<LevelDraft>) =>
    setLevels(prev => ({ ...prev, [l]: { ...prev[l], ...patch } }));

  const generate = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const report = await api.createReport({ name: name.trim(), query });
      await api.runReport(report.id);
      navigate(`../${report.id}`);
    } catch (e) {
      setError(e as Error);
      setSaving(false);
    }
  };

  return (
    <Page themeId="tool">
      <Header
        title="New report"
        subtitle="General (one kind) or pivot (clients → systems → applications → servers)"
      />
      <Content>
        <InfoCard>
          <TextField
            label="Name"
            required
            fullWidth
            margin="dense"
            variant="outlined"
            inputProps={{ 'aria-label': 'Report name' }}
            value={name}
            onChange={e => setName(e.target.value)}
          />
          <RadioGroup
            row
            value={type}
            onChange={e => setType(e.target.value as 'general' | 'pivot')}
          >
            <FormControlLabel
              value="general"
              control={<Radio />}
              label="General"
            />
            <FormControlLabel value="pivot" control={<Radio />} label="Pivot" />
          </RadioGroup>

          {type === 'general' ? (
            <Box>
              <Box display="flex" style={{ gap: 8 }}>
                <TextField
                  select
                  label="Kind"
                  variant="outlined"
                  size="small"
                  margin="dense"
                  style={{ minWidth: 200 }}
                  inputProps={{ 'aria-label': 'Kind' }}
                  value={kind}
                  onChange={e => {
                    setKind(e.target.value as string);
                    setFilters([]);
                    setColumns([]);
                  }}
                >
                  {REPORTABLE_KINDS.map(k => (
                    <MenuItem key={k} value={k}>
                      {k}
                    </MenuItem>
                  ))}
                </TextField>
                {kind === 'resources' && (
                  <TextField
                    select
                    label="Family"
                    variant="outlined"
                    size="small"
                    margin="dense"
                    style={{ minWidth: 200 }}
                    value={family}
                    onChange={e => setFamily(e.target.value as string)}
                  >
                    <MenuItem value="">Any family</MenuItem>
                    {MAESTRO_FAMILIES.filter(
                      f => f.family !== 'Application',
                    ).map(f => (
                      <MenuItem key={f.family} value={f.family}>
                        {f.title}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              </Box>
              <Typography variant="subtitle2">Filters</Typography>
              <FiltersEditor
                kind={kind}
                filters={filters}
                onChange={setFilters}
                label={`${kind} filter`}
              />
              <ColumnsPicker
                kind={kind}
                columns={columns}
                onChange={setColumns}
                label={`${kind} columns`}
              />
            </Box>
          ) : (
            PIVOT_CHAIN.map(l => (
              <Box
                key={l}
                my={1}
                p={1}
                border={1}
                borderColor="divider"
                borderRadius={4}
              >
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={levels[l].enabled}
                      onChange={e => setLevel(l, { enabled: e.target.checked })}
                      inputProps={{ 'aria-label': `Include ${l}` }}
                    />
                  }
                  label={<Typography variant="h6">{l}</Typography>}
                />
                {levels[l].enabled && (
                  <>
                    <FiltersEditor
                      kind={PIVOT_LEVEL_KINDS[l]}
                      filters={levels[l].filters}
                      onChange={f => setLevel(l, { filters: f })}
                      label={`${l} filter`}
                    />
                    <ColumnsPicker
                      kind={PIVOT_LEVEL_KINDS[l]}
                      columns={levels[l].columns}
                      onChange={c => setLevel(l, { columns: c })}
                      label={`${l} columns`}
                    />
                  </>
                )}
              </Box>
            ))
          )}

          {problems.length > 0 && (
            <Alert severity="warning" role="status">
              {problems.map(p => (
                <div key={p.field}>
                  {p.field}: {p.message}
                </div>
              ))}
            </Alert>
          )}
          {error && <Alert severity="error">{error.message}</Alert>}
          <Box mt={2} display="flex" style={{ gap: 8 }}>
            <Button onClick={() => navigate('..')}>Cancel</Button>
            <Button
              variant="contained"
              color="primary"
              disabled={saving || !name.trim() || problems.length > 0}
              onClick={generate}
            >
              Generate
            </Button>
          </Box>
        </InfoCard>
      </Content>
    </Page>
  );
}
