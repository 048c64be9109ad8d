import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { locales, type Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';
import { campaignsIn } from '../../lib/content/queries.ts';
import { localePath } from '../../lib/localePath.ts';

export function getStaticPaths() {
  return locales.map((locale) => ({ params: { locale } }));
}

export async function GET(context: APIContext) {
  const locale = context.params.locale as Locale;
  const campaigns = await campaignsIn(locale);
  return rss({
    title: t(locale, 'rss.title'),
    description: t(locale, 'campaigns.description'),
    site: context.site ?? context.url.origin,
    customData: `<language>${locale}</language>`,
    items: campaigns.map((campaign) => ({
      title: campaign.data.title,
      description: campaign.data.summary,
      pubDate: campaign.data.startDate,
      link: localePath(locale, `campaigns/${campaign.data.translationKey}`),
    })),
  });
}
