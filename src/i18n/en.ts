import type { MessageKey } from './sq.ts';

/** English UI strings. Typed against `sq.ts`, so a missing or extra key fails the type check. */
export const en = {
  // Site-wide
  'site.name': 'Zëri',
  'site.tagline': 'Young people’s voice against human trafficking',
  'site.skipLink': 'Skip to content',
  'site.demoNote': 'This site is being built.',

  // Header navigation
  'nav.label': 'Main menu',
  'nav.home': 'Home',
  'nav.regions': 'Counties',
  'nav.campaigns': 'Campaigns',
  'nav.strategy': 'Strategy',
  'nav.activities': 'For teachers',
  'nav.ideas': 'Share an idea',
  'nav.help': 'Help',

  // LanguageSwitch
  'language.switchLabel': 'Shqip',
  'language.switchHint': 'Lexoje këtë faqe në shqip',

  // HelpBox
  'help.title': 'Need help?',
  'help.childLine': 'for children, free, 24 hours',
  'help.traffickingLine': 'anti-trafficking line',
  'help.emergency': 'emergency',
  'help.police': 'police',
  'help.more': 'When and how to call',

  // Footer
  'footer.label': 'Page footer',
  'footer.about': 'About Zëri',
  'footer.privacy': 'Privacy',
  'footer.rss': 'Campaigns by RSS',
  'footer.note': 'Zëri uses no ads, no trackers and no third-party services.',

  // Home page
  'home.title': 'Zëri — young people’s ideas against trafficking',
  'home.description': 'Prevention campaigns in every county of Albania, and a place where students share their ideas with the regional anti-trafficking committees.',
  'home.heading': 'Your voice changes things',
  'home.lead': 'Human trafficking can be prevented. In every county, a regional committee writes an action plan. You can help: learn how to stay safe and say what should be done.',
  'home.pillarsTitle': 'The strategy’s four pillars',
  'home.pillarsMore': 'How the strategy works',
  'home.latestTitle': 'Latest campaigns',
  'home.allCampaigns': 'All campaigns',
  'home.shareTitle': 'Share your idea',
  'home.shareText': 'In class, with your teacher, you can tell your county’s committee what would help young people stay safe. No name, no account.',
  'home.shareCta': 'Share an idea',
  'home.regionsTitle': 'Your county',
  'home.regionsText': 'Every county has its own committee and its own plan.',
  'home.regionsCta': 'See the 12 counties',

  // Pillars
  'pillar.prosecution': 'Prosecution',
  'pillar.prosecution.line': 'Traffickers are investigated, tried and punished.',
  'pillar.protection': 'Protection',
  'pillar.protection.line': 'Victims and potential victims get shelter, care and legal help.',
  'pillar.coordination': 'Coordination',
  'pillar.coordination.line': 'Institutions and civil society work together, nationally and in the counties.',
  'pillar.prevention': 'Prevention',
  'pillar.prevention.line': 'People, especially young people, recognise the risk before harm is done. This is where your ideas go.',

  // Regions
  'regions.title': 'Counties',
  'regions.description': 'Albania’s 12 counties, their regional anti-trafficking committees and their campaigns.',
  'regions.lead': 'In each of the 12 counties, the Regional Anti-Trafficking Committee turns the national strategy into an action plan for the county.',
  'regions.pilot': 'Pilot county',
  'regions.pilotNote': 'In the pilot counties, children took part in writing the plan for the first time.',
  'region.description': 'The regional anti-trafficking committee, campaigns and young people’s ideas in {name} county.',
  'region.committeeTitle': 'The regional committee',
  'region.committeeFallback': 'The Regional Anti-Trafficking Committee is chaired by the prefect and brings together the county’s police, social services, public health, education, employment office and civil society.',
  'region.campaignsTitle': 'Campaigns in this county',
  'region.noCampaigns': 'No campaigns for this county yet. See the national campaigns.',
  'region.ideasTitle': 'Young people’s ideas',
  'region.ideasPending': 'Published ideas from this county’s students will appear here.',
  'region.planTitle': 'Regional action plan',
  'region.planPending': 'The plan’s activities, and the ideas that became part of them, will appear here.',

  // Campaigns
  'campaigns.title': 'Campaigns',
  'campaigns.description': 'Anti-trafficking prevention campaigns by county and by pillar of the strategy.',
  'campaigns.filterTitle': 'Filter campaigns',
  'campaigns.byRegion': 'By county',
  'campaigns.byPillar': 'By pillar',
  'campaigns.all': 'All',
  'campaigns.national': 'National',
  'campaigns.none': 'No campaigns for this choice.',
  'campaigns.regionTitle': 'Campaigns: {name}',
  'campaigns.pillarTitle': 'Campaigns: {name}',
  'campaign.region': 'County',
  'campaign.pillars': 'Pillars',
  'campaign.audience': 'For',
  'campaign.dates': 'When',
  'campaign.from': 'from {date}',
  'campaign.lastReviewed': 'Last reviewed on {date}',
  'campaign.sourcesTitle': 'Sources',
  'audience.students': 'students',
  'audience.teachers': 'teachers',
  'audience.parents': 'parents',
  'audience.public': 'the public',

  // Activities
  'activities.title': 'Classroom activities',
  'activities.description': 'Short awareness activities for teachers, with steps, materials and learning goals.',
  'activities.lead': 'Run an activity in class, then open a session so students can share their ideas.',
  'activity.duration': '{minutes} minutes',
  'activity.durationLabel': 'Duration',
  'activity.ageBands': 'Age',
  'activity.themes': 'Themes',
  'activity.materials': 'Materials',
  'activity.goals': 'Learning goals',
  'activity.print': 'To print it, use your browser’s print command.',
  'ageBand.12-14': '12–14 years',
  'ageBand.15-17': '15–17 years',
  'ageBand.18+': '18+ years',
  'theme.school': 'School',
  'theme.family': 'Family',
  'theme.online': 'Online',
  'theme.community': 'Community',
  'theme.work_abroad': 'Work and travel abroad',
  'theme.other': 'Other',

  // Ideas page (placeholder until the students' island lands)
  'ideas.title': 'Share your idea',
  'ideas.description': 'Students share ideas on preventing trafficking during a class session.',
  'ideas.lead': 'Your teacher opens a session and gives you a 6-character code. With that code, you will be able to write your idea for your county’s committee here.',
  'ideas.soon': 'The form is being prepared. Meanwhile, read the campaigns and talk with your teacher.',

  // Long-form pages
  'page.sourcesTitle': 'Sources',
  'page.lastReviewed': 'Last reviewed on {date}',

  // 404
  'notFound.title': 'Page not found',
  'notFound.text': 'This page does not exist or has moved.',
  'notFound.home': 'Go to the home page',

  // Root redirect
  'root.redirecting': 'Taking you to the Albanian site…',

  // RSS
  'rss.title': 'Zëri — campaigns',
} as const satisfies Record<MessageKey, string>;

// `satisfies` catches a missing key; this catches an extra one.
const noExtraKeys: Record<Exclude<keyof typeof en, MessageKey>, never> = {};
void noExtraKeys;
