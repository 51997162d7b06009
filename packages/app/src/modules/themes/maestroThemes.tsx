import {
  UnifiedTheme,
  createBaseThemeOptions,
  createUnifiedTheme,
  genPageTheme,
  pageTheme as backstagePageThemes,
  palettes,
  shapes,
} from '@backstage/theme';
import { MaestroPalette } from './maestroPalettes';

/** A Backstage theme (MUI v4 and v5) from one of Maestro's palettes. */
export function createMaestroTheme(palette: MaestroPalette): UnifiedTheme {
  const base = palettes[palette.variant];
  const pageTheme = genPageTheme({
    colors: palette.header,
    shape: shapes.wave,
  });
  return createUnifiedTheme({
    ...createBaseThemeOptions({
      palette: {
        ...base,
        primary: { main: palette.primary },
        secondary: { main: palette.secondary },
        link: palette.primary,
        navigation: {
          ...base.navigation,
          background: palette.navigation,
          indicator: palette.header[1],
          selectedColor: '#ffffff',
        },
      },
    }),
    defaultPageTheme: 'home',
    // Every page type (home, tool, service, ...) wears the theme's header.
    pageTheme: Object.fromEntries(
      Object.keys(backstagePageThemes).map(type => [type, pageTheme]),
    ),
  });
}
