import { defineConfig } from 'astro/config';

// The build script (scripts/build.ts) passes outDir and base; these are the defaults for `astro dev`.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  // Nothing inline: every script and stylesheet is a file, so the Content-Security-Policy of
  // src/view/csp.ts can allow 'self' alone (Astro inlines small ones by default).
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
