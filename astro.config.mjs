import { defineConfig } from 'astro/config';

// The build script (scripts/build.ts) passes outDir and base; these are the defaults for `astro dev`.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
