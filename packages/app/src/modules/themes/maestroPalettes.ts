/**
 * Maestro's six colour themes (Maestro 0.6's `THEME=gold|wine|blue|green|dark|orange`),
 * as the colours a Backstage theme needs: the primary colour of buttons and
 * links, the sidebar's background and the page headers' gradient.
 */
export interface MaestroPalette {
  id: string;
  title: string;
  variant: 'light' | 'dark';
  primary: string;
  secondary: string;
  navigation: string;
  /** Page header gradient, from left to right. */
  header: [string, string];
}

export const MAESTRO_PALETTES: readonly MaestroPalette[] = [
  {
    id: 'maestro-gold',
    title: 'Gold',
    variant: 'light',
    primary: '#9a7210',
    secondary: '#5c4a1f',
    navigation: '#3b3220',
    header: ['#8a6a1f', '#d4a93c'],
  },
  {
    id: 'maestro-wine',
    title: 'Wine',
    variant: 'light',
    primary: '#8e2443',
    secondary: '#5b1a2d',
    navigation: '#3d1020',
    header: ['#5b1a2d', '#a8385a'],
  },
  {
    id: 'maestro-blue',
    title: 'Blue',
    variant: 'light',
    primary: '#1f5fa8',
    secondary: '#163f6e',
    navigation: '#102a4a',
    header: ['#163f6e', '#3b82c4'],
  },
  {
    id: 'maestro-green',
    title: 'Green',
    variant: 'light',
    primary: '#2e7d4f',
    secondary: '#1d5234',
    navigation: '#133822',
    header: ['#1d5234', '#46a06b'],
  },
  {
    id: 'maestro-dark',
    // Backstage's own dark theme is called Dark.
    title: 'Maestro Dark',
    variant: 'dark',
    primary: '#8ab4f8',
    secondary: '#c6a0f6',
    navigation: '#121212',
    header: ['#1e1e1e', '#3a3a3a'],
  },
  {
    id: 'maestro-orange',
    title: 'Orange',
    variant: 'light',
    primary: '#c4510f',
    secondary: '#7a3510',
    navigation: '#3e2414',
    header: ['#a8460c', '#f0883e'],
  },
];
