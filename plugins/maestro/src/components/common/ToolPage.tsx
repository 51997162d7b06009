import { ReactNode } from 'react';
import { Box, Button } from '@material-ui/core';
import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';

/**
 * A Maestro tool page: its header, then what failed, a progress bar until
 * the first load, and the content.
 */
export function ToolPage(props: {
  title: string;
  subtitle: string;
  error?: Error;
  /** True until the page has something to show. */
  loading: boolean;
  children: ReactNode;
}) {
  return (
    <Page themeId="tool">
      <Header title={props.title} subtitle={props.subtitle} />
      <Content>
        {props.error && <ResponseErrorPanel error={props.error} />}
        {props.loading && <Progress />}
        {props.children}
      </Content>
    </Page>
  );
}

/** The "New …" button of a list. */
export function NewButton(props: {
  label: string;
  onClick(): void;
  disabled?: boolean;
}) {
  return (
    <Box mt={1} mr={1}>
      <Button
        color="primary"
        variant="contained"
        disabled={props.disabled}
        onClick={props.onClick}
      >
        {props.label}
      </Button>
    </Box>
  );
}
