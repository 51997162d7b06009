import { useRef, useState } from 'react';
import { Box, Button, Typography, makeStyles } from '@material-ui/core';
import CloudUploadIcon from '@material-ui/icons/CloudUpload';

const useStyles = makeStyles(theme => ({
  zone: {
    border: `2px dashed ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(4),
    textAlign: 'center',
    cursor: 'pointer',
  },
  active: { borderColor: theme.palette.primary.main },
}));

/** Drop files (or an archive) here, or pick them. */
export function DropZone(props: { onFiles(files: File[]): void }) {
  const classes = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <Box
      className={`${classes.zone} ${over ? classes.active : ''}`}
      onDragOver={e => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={e => {
        e.preventDefault();
        setOver(false);
        props.onFiles(Array.from(e.dataTransfer.files));
      }}
      onClick={() => input.current?.click()}
      role="button"
      aria-label="Drop files here or choose them"
    >
      <CloudUploadIcon fontSize="large" color="primary" />
      <Typography>
        Drop facts files, a state file, or a .tar.gz / .zip of them here
      </Typography>
      <Button color="primary">Choose files</Button>
      <input
        ref={input}
        data-testid="file-input"
        type="file"
        multiple
        hidden
        onChange={e => props.onFiles(Array.from(e.target.files ?? []))}
      />
    </Box>
  );
}
