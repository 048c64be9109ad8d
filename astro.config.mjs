// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { localStackIntegration } from './src/server/localStackIntegration.ts';
import { isPrivateArea } from './src/lib/isPrivateArea.ts';

// The public origin is only known at deploy time; canonical URLs, hreflang,
// the sitemap and RSS are built from it.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [react(), localStackIntegration(), sitemap({ filter: (page) => !isPrivateArea(page), i18n: { defaultLocale: 'sq', locales: { sq: 'sq', en: 'en' } } })],
  i18n: {
    locales: ['sq', 'en'],
    defaultLocale: 'sq',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  build: { format: 'directory', inlineStylesheets: 'never' },
});
