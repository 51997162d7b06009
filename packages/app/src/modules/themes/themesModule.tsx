import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { ThemeBlueprint } from '@backstage/plugin-app-react';
import { UnifiedThemeProvider } from '@backstage/theme';
import PaletteIcon from '@material-ui/icons/Palette';
import { MAESTRO_PALETTES } from './maestroPalettes';
import { createMaestroTheme } from './maestroThemes';

/**
 * Maestro's themes, offered beside Backstage's light and dark ones in the
 * user settings. Backstage's light theme stays the default: the app picks the
 * first light theme, and the app plugin's own themes come first.
 */
export const themeExtensions = MAESTRO_PALETTES.map(palette => {
  const theme = createMaestroTheme(palette);
  return ThemeBlueprint.make({
    name: palette.id,
    params: {
      theme: {
        id: palette.id,
        title: palette.title,
        variant: palette.variant,
        icon: <PaletteIcon style={{ color: palette.primary }} />,
        Provider: ({ children }) => (
          <UnifiedThemeProvider theme={theme}>{children}</UnifiedThemeProvider>
        ),
      },
    },
  });
});

export const themesModule = createFrontendModule({
  pluginId: 'app',
  extensions: themeExtensions,
});
