import { MAESTRO_PALETTES } from './maestroPalettes';
import { createMaestroTheme } from './maestroThemes';
import { themeExtensions } from './themesModule';

describe('Maestro themes', () => {
  it('offers the six themes of Maestro 0.6, one dark', () => {
    expect(MAESTRO_PALETTES.map(p => p.title)).toEqual([
      'Gold',
      'Wine',
      'Blue',
      'Green',
      'Maestro Dark',
      'Orange',
    ]);
    expect(
      MAESTRO_PALETTES.filter(p => p.variant === 'dark').map(p => p.id),
    ).toEqual(['maestro-dark']);
    expect(
      themeExtensions.map(e => (e as unknown as { name: string }).name),
    ).toEqual(MAESTRO_PALETTES.map(p => p.id));
  });

  it.each(MAESTRO_PALETTES.map(p => [p.title, p] as const))(
    '%s colours buttons, the sidebar and every page header',
    (_title, palette) => {
      const theme = createMaestroTheme(palette);
      expect(theme.getTheme('v5')!.palette.primary.main).toBe(palette.primary);
      const v4 = theme.getTheme('v4') as any;
      expect(v4.palette.type).toBe(palette.variant);
      expect(v4.palette.navigation.background).toBe(palette.navigation);
      for (const type of ['home', 'tool', 'service', 'website']) {
        expect(v4.getPageTheme({ themeId: type }).colors).toEqual(
          palette.header,
        );
      }
    },
  );
});
