/**
 * Albanian UI strings: the source of truth. `en.ts` must have exactly these
 * keys (a missing or extra key is a type error). Keys are `feature.purpose`,
 * grouped by the component that uses them.
 */
export const sq = {
  // Site-wide
  'site.name': 'Zëri',
  'site.tagline': 'Zëri i të rinjve kundër trafikimit të qenieve njerëzore',
  'site.skipLink': 'Kalo te përmbajtja',
  'site.demoNote': 'Kjo faqe është në zhvillim.',

  // Header navigation
  'nav.label': 'Menuja kryesore',
  'nav.home': 'Kreu',
  'nav.regions': 'Qarqet',
  'nav.campaigns': 'Fushatat',
  'nav.strategy': 'Strategjia',
  'nav.activities': 'Për mësuesit',
  'nav.ideas': 'Ndaj idenë',
  'nav.help': 'Ndihmë',

  // LanguageSwitch
  'language.switchLabel': 'English',
  'language.switchHint': 'Read this page in English',

  // HelpBox
  'help.title': 'Ke nevojë për ndihmë?',
  'help.childLine': 'për fëmijët, falas, 24 orë',
  'help.traffickingLine': 'linja kundër trafikimit',
  'help.emergency': 'urgjencë',
  'help.police': 'policia',
  'help.more': 'Kur dhe si të telefonosh',

  // Footer
  'footer.label': 'Fundi i faqes',
  'footer.about': 'Rreth Zërit',
  'footer.privacy': 'Privatësia',
  'footer.rss': 'Fushatat me RSS',
  'footer.note': 'Zëri nuk përdor reklama, gjurmues apo shërbime të palëve të treta.',

  // Home page
  'home.title': 'Zëri — ide të të rinjve kundër trafikimit',
  'home.description': 'Fushata parandalimi në çdo qark të Shqipërisë dhe një vend ku nxënësit ndajnë idetë e tyre me komitetet rajonale kundër trafikimit.',
  'home.heading': 'Zëri yt ndryshon diçka',
  'home.lead': 'Trafikimi i qenieve njerëzore mund të parandalohet. Në çdo qark, një komitet rajonal harton një plan veprimi. Ti mund të ndihmosh: mëso si të mbrohesh dhe thuaj çfarë duhet bërë.',
  'home.pillarsTitle': 'Katër shtyllat e strategjisë',
  'home.pillarsMore': 'Si funksionon strategjia',
  'home.latestTitle': 'Fushatat e fundit',
  'home.allCampaigns': 'Të gjitha fushatat',
  'home.shareTitle': 'Ndaj idenë tënde',
  'home.shareText': 'Në klasë, me mësuesin, mund t’i thuash komitetit të qarkut tënd çfarë do të ndihmonte të rinjtë të jenë të sigurt. Pa emër, pa llogari.',
  'home.shareCta': 'Ndaj një ide',
  'home.regionsTitle': 'Qarku yt',
  'home.regionsText': 'Çdo qark ka komitetin e vet dhe planin e vet.',
  'home.regionsCta': 'Shiko 12 qarqet',

  // Pillars
  'pillar.prosecution': 'Ndjekja penale',
  'pillar.prosecution.line': 'Trafikantët hetohen, gjykohen dhe dënohen.',
  'pillar.protection': 'Mbrojtja',
  'pillar.protection.line': 'Viktimat dhe viktimat e mundshme marrin strehim, kujdes dhe ndihmë ligjore.',
  'pillar.coordination': 'Bashkërendimi',
  'pillar.coordination.line': 'Institucionet dhe shoqëria civile punojnë së bashku, në qendër dhe në qarqe.',
  'pillar.prevention': 'Parandalimi',
  'pillar.prevention.line': 'Njerëzit, sidomos të rinjtë, e njohin rrezikun para se të ndodhë. Këtu hyjnë idetë e tua.',

  // Regions
  'regions.title': 'Qarqet',
  'regions.description': '12 qarqet e Shqipërisë, komitetet e tyre rajonale kundër trafikimit dhe fushatat e tyre.',
  'regions.lead': 'Në secilin nga 12 qarqet, Komiteti Rajonal Kundër Trafikimit kthen strategjinë kombëtare në një plan veprimi për qarkun.',
  'regions.pilot': 'Qark pilot',
  'regions.pilotNote': 'Në qarqet pilot, fëmijët morën pjesë për herë të parë në hartimin e planit.',
  'region.description': 'Komiteti rajonal kundër trafikimit, fushatat dhe idetë e të rinjve në qarkun {name}.',
  'region.committeeTitle': 'Komiteti rajonal',
  'region.committeeFallback': 'Komiteti Rajonal Kundër Trafikimit drejtohet nga prefekti dhe bashkon policinë, shërbimin social, shëndetin publik, arsimin, punësimin dhe shoqërinë civile të qarkut.',
  'region.campaignsTitle': 'Fushatat në këtë qark',
  'region.noCampaigns': 'Ende nuk ka fushata për këtë qark. Shiko fushatat kombëtare.',
  'region.ideasTitle': 'Idetë e të rinjve',
  'region.ideasPending': 'Idetë e publikuara të nxënësve të këtij qarku do të shfaqen këtu.',
  'region.planTitle': 'Plani rajonal i veprimit',
  'region.planPending': 'Aktivitetet e planit dhe idetë që u bënë pjesë e tij do të shfaqen këtu.',

  // Campaigns
  'campaigns.title': 'Fushatat',
  'campaigns.description': 'Fushata parandalimi kundër trafikimit, sipas qarkut dhe shtyllës së strategjisë.',
  'campaigns.filterTitle': 'Filtro fushatat',
  'campaigns.byRegion': 'Sipas qarkut',
  'campaigns.byPillar': 'Sipas shtyllës',
  'campaigns.all': 'Të gjitha',
  'campaigns.national': 'Kombëtare',
  'campaigns.none': 'Nuk ka fushata për këtë zgjedhje.',
  'campaigns.regionTitle': 'Fushatat: {name}',
  'campaigns.pillarTitle': 'Fushatat: {name}',
  'campaign.region': 'Qarku',
  'campaign.pillars': 'Shtyllat',
  'campaign.audience': 'Për kë',
  'campaign.dates': 'Kur',
  'campaign.from': 'nga {date}',
  'campaign.lastReviewed': 'Rishikuar së fundi më {date}',
  'campaign.sourcesTitle': 'Burimet',
  'audience.students': 'nxënës',
  'audience.teachers': 'mësues',
  'audience.parents': 'prindër',
  'audience.public': 'publiku',

  // Activities
  'activities.title': 'Aktivitete për klasën',
  'activities.description': 'Aktivitete të shkurtra ndërgjegjësimi për mësuesit, me hapa, materiale dhe qëllime mësimore.',
  'activities.lead': 'Zhvilloni një aktivitet në klasë, pastaj hapni një seancë që nxënësit të ndajnë idetë e tyre.',
  'activity.duration': '{minutes} minuta',
  'activity.durationLabel': 'Kohëzgjatja',
  'activity.ageBands': 'Mosha',
  'activity.themes': 'Temat',
  'activity.materials': 'Materialet',
  'activity.goals': 'Qëllimet mësimore',
  'activity.print': 'Për ta printuar, përdor printimin e shfletuesit.',
  'ageBand.12-14': '12–14 vjeç',
  'ageBand.15-17': '15–17 vjeç',
  'ageBand.18+': '18+ vjeç',
  'theme.school': 'Shkolla',
  'theme.family': 'Familja',
  'theme.online': 'Interneti',
  'theme.community': 'Komuniteti',
  'theme.work_abroad': 'Puna dhe udhëtimi jashtë',
  'theme.other': 'Tjetër',

  // Ideas page (placeholder until the students' island lands)
  'ideas.title': 'Ndaj idenë tënde',
  'ideas.description': 'Nxënësit ndajnë ide për parandalimin e trafikimit gjatë një seance në klasë.',
  'ideas.lead': 'Mësuesi yt hap një seancë dhe të jep një kod me 6 shenja. Me atë kod, këtu do të mund të shkruash idenë tënde për komitetin e qarkut.',
  'ideas.soon': 'Formulari po përgatitet. Ndërkohë, lexo fushatat dhe flit me mësuesin.',

  // Long-form pages
  'page.sourcesTitle': 'Burimet',
  'page.lastReviewed': 'Rishikuar së fundi më {date}',

  // 404
  'notFound.title': 'Faqja nuk u gjet',
  'notFound.text': 'Kjo faqe nuk ekziston ose është zhvendosur.',
  'notFound.home': 'Shko te kreu',

  // Root redirect
  'root.redirecting': 'Po të dërgojmë te faqja në shqip…',

  // RSS
  'rss.title': 'Zëri — fushatat',
} as const;

export type MessageKey = keyof typeof sq;
