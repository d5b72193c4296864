import { createTheme, type MantineColorsTuple } from '@mantine/core';

const docket: MantineColorsTuple = [
  '#eef3fc',
  '#dbe4f4',
  '#b3c6e8',
  '#88a7dc',
  '#658cd2',
  '#4e7bcc',
  '#4172c9',
  '#3361b2',
  '#2a56a0',
  '#1d498e',
];

/** System fonts only: nothing is downloaded at run time. */
const systemFonts =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif';

export const theme = createTheme({
  colors: { docket },
  primaryColor: 'docket',
  primaryShade: 7,
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { fw: 600 } },
  },
});
