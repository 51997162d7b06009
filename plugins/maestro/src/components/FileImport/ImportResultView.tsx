import {
  Box,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { FileImportResult, FileProblem } from '../../api/fileImport';

/** A preview of a large import lists its first records; the counts cover all. */
const SHOWN = 500;

/** What an import did (or a preview would do), record by record. */
export function ImportResultView({ result }: { result: FileImportResult }) {
  return (
    <Box>
      <Box display="flex" alignItems="center" mb={1}>
        <Typography variant="h6">
          {result.dryRun ? 'Preview: nothing written yet' : 'Imported'}
        </Typography>
        {(['created', 'updated', 'unchanged'] as const).map(action => (
          <Box key={action} ml={1}>
            <Chip label={`${result[action]} ${action}`} size="small" />
          </Box>
        ))}
        {result.skipped.length > 0 && (
          <Box ml={1}>
            <Chip label={`${result.skipped.length} skipped`} size="small" />
          </Box>
        )}
      </Box>
      <Table size="small" aria-label="Records">
        <TableHead>
          <TableRow>
            <TableCell>Record</TableCell>
            <TableCell>Action</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.records.slice(0, SHOWN).map(row => (
            <TableRow key={row.entityRef}>
              <TableCell>
                <EntityRefLink entityRef={row.entityRef} />
              </TableCell>
              <TableCell>{row.action}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {result.records.length > SHOWN && (
        <Typography variant="body2">
          and {result.records.length - SHOWN} more
        </Typography>
      )}
      {result.skipped.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle1">Skipped</Typography>
          {result.skipped.map((s, i) => (
            <Typography key={i} variant="body2">
              {s.file}
              {s.location ? ` ${s.location}` : ''}: {s.reason}
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}

/** Why an upload was refused: each file, place and reason. */
export function ProblemList({ problems }: { problems: FileProblem[] }) {
  return (
    <Box role="alert">
      <Typography variant="h6" color="error">
        Nothing was imported: {problems.length} problem
        {problems.length === 1 ? '' : 's'}
      </Typography>
      {problems.map((p, i) => (
        <Typography key={i} variant="body2">
          <b>{p.file}</b>
          {p.location ? ` at ${p.location}` : ''}: {p.message}
        </Typography>
      ))}
    </Box>
  );
}
