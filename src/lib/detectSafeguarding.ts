/**
 * Spots phrases in which a student may be telling about their own
 * situation (being forced, documents taken, a job abroad promised, photos
 * asked for, violence, fear of going home, not being let out, debts,
 * threats). A match shows the help panel and keeps the idea from ever being
 * published; it never blocks sending.
 *
 * Patterns are anchored on the first person (më/m'/ma, "me", "my", "I")
 * so that an idea about the topic ("schools should warn about fake job
 * offers abroad") is not flagged. They run on folded text (lowercase, ë→e,
 * ç→c), which covers Albanian typed without diacritics; Gheg forms (kom,
 * detyruem, shpi, "me shku") are listed beside the standard ones.
 */
import type { Detection } from './detectPersonalData.ts';
import { foldAlbanian } from './normalizeAlbanian.ts';

export type SafeguardingKind =
  | 'forced'
  | 'documents'
  | 'jobOffer'
  | 'images'
  | 'violence'
  | 'fear'
  | 'confinement'
  | 'debt'
  | 'threat';

// më / m' (Gheg and colloquial "m'kanë")
const ME = String.raw`(?:\bme\s+|\bm'\s*)`;
// më + e / më + i, as in "ma morën pasaportën", "m'i morën dokumentat"
const ME_IT = String.raw`(?:\bme\s+|\bma\s+|\bmi\s+|\bm'i\s+|\bm'\s*)`;
const AUX = String.raw`(?:(?:kane|kan|ka|kishin|kish)\s+)?`;
const NOT_ME = String.raw`(?:\bnuk\s+|\bs'\s*|\bs\s+|\bs(?=me\b))(?:me\s+|m'\s*)`;
const I_AM = String.raw`\b(?:i\s+am|i'm|im|i\s+m)\s+`;
const ABROAD_SQ = String.raw`(?:jashte|itali\w*|gjermani\w*|angli\w*|greqi\w*|zvicer\w*|franc\w*|evrop\w*|europ\w*|londer|london\w*|dubai|turqi\w*|amerik\w*)`;
const ABROAD_EN = String.raw`(?:abroad|overseas|italy|germany|england|uk|london|greece|switzerland|france|europe|dubai|turkey|america)`;
const DOCUMENTS_SQ = String.raw`(?:pasaport\w*|dokument\w*|leternjoftim\w*|karten\s+e\s+identitetit|letrat)`;
const DOCUMENTS_EN = String.raw`(?:passport|documents|papers|id\s+card|id|identity\s+card)`;
const PICTURES_SQ = String.raw`(?:foto\w*|video\w*|imazh\w*|selfie\w*|nudo)`;
const PICTURES_EN = String.raw`(?:photos?|pictures?|pics?|nudes?|selfies?|videos?)`;
const SOMEONE_EN = String.raw`(?:they|he|she|someone|somebody|people|my\s+\w+)`;

const patterns: ReadonlyArray<readonly [SafeguardingKind, string]> = [
  // më detyrojnë, po më detyron, më kanë detyruar (Gheg: m'kan detyrue)
  ['forced', String.raw`${ME}${AUX}detyr(?:ojne|ojn|on|oi|uan|uen|uar|ue|uem)\b`],
  // jam i/e detyruar; Gheg: jam i detyruem, jam e detyrueme
  ['forced', String.raw`\bjam\s+(?:i|e)\s+detyru(?:ar|em|eme|e)\b`],
  ['forced', String.raw`${ME}${AUX}shtrengo(?:jne|jn|n|i)\b`],
  ['forced', String.raw`${ME}(?:bejne|bejn|ben|bajne|bajn|bojne|bojn)\s+(?:te|me)\s+(?:punoj|punu|punuar)\b`],
  ['forced', String.raw`${ME}${AUX}(?:shesin|shiten|shitur|shitun)\b`],
  ['forced', String.raw`\bjam\s+(?:i\s+|e\s+)?trafiku(?:ar|em|eme|e)\b`],
  ['forced', String.raw`\b(?:forcing|forced|forces)\s+me\b`],
  ['forced', String.raw`${I_AM}(?:being\s+)?(?:forced|trafficked)\b`],
  ['forced', String.raw`\bi\s+(?:was|have\s+been|'ve\s+been)\s+(?:forced|trafficked)\b`],
  ['forced', String.raw`\b${SOMEONE_EN}\s+(?:make|makes|are\s+making|is\s+making)\s+me\s+work\b`],

  // më morën pasaportën, ma kanë marrë pasaportën, m'i morën dokumentat
  ['documents', String.raw`${ME_IT}${AUX}(?:moren|mori|marre|marrun|marr|morr|mbajne|mbajn|mban|mbajtur|fshehin|kthejne|kthen|japin|jep)\s+(?:edhe\s+)?${DOCUMENTS_SQ}`],
  ['documents', String.raw`\b(?:kane|kan|mbajne|mbajn|moren|mori)\s+${DOCUMENTS_SQ}\s+(?:time|e\s+mia|tem)\b`],
  ['documents', String.raw`\b(?:took|taken|takes|stole|stolen|kept|keeps|keeping|holding|holds|confiscated|hid|hidden)\s+my\s+${DOCUMENTS_EN}\b`],
  ['documents', String.raw`\b(?:won't|wont|will\s+not|don't|dont|do\s+not|doesn't|does\s+not|refuse\s+to|refuses\s+to)\s+give\s+(?:me\s+)?(?:back\s+)?my\s+${DOCUMENTS_EN}\b`],

  // më premtuan punë jashtë, më ofruan punë në Itali
  ['jobOffer', String.raw`${ME}${AUX}(?:premtuan|premtoi|premton|premtojne|premtuar|premtue|ofruan|ofroi|ofron|ofrojne|ofruar|gjeten|gjeti|gjejne|gjejn|gjen|propozuan|propozoi)\b[^.!?]{0,60}?\bpun\w*[^.!?]{0,40}?\b${ABROAD_SQ}`],
  ['jobOffer', String.raw`${ME}${AUX}(?:premtuan|premtoi|premton|premtojne|premtuar|premtue|ofruan|ofroi|ofron|ofrojne|ofruar|gjeten|gjeti|gjejne|gjejn|gjen|propozuan|propozoi)\b[^.!?]{0,40}?\b${ABROAD_SQ}[^.!?]{0,40}?\bpun\w*`],
  ['jobOffer', String.raw`\b(?:promised|offered|promising|offering)\s+me\b[^.!?]{0,50}?\b(?:job|work)\b[^.!?]{0,40}?\b${ABROAD_EN}\b`],
  ['jobOffer', String.raw`\bi\s+(?:was|am|have\s+been|'ve\s+been|got)\s+(?:promised|offered)\b[^.!?]{0,50}?\b(?:job|work)\b[^.!?]{0,40}?\b${ABROAD_EN}\b`],

  // më kërkoi foto, më kërkon të dërgoj foto
  ['images', String.raw`${ME}${AUX}(?:kerkoi|kerkon|kerkojne|kerkojn|kerkuan|kerkuar|kerku)\b[^.!?]{0,30}?\b${PICTURES_SQ}`],
  ['images', String.raw`\basked\s+me\s+(?:to\s+send\s+|for\s+)(?:\w+\s+){0,2}?${PICTURES_EN}\b`],
  ['images', String.raw`\b(?:wants?|wanted|keeps?\s+asking)\s+me\s+to\s+send\s+(?:\w+\s+){0,2}?${PICTURES_EN}\b`],
  ['images', String.raw`\bkeeps?\s+asking\s+(?:me\s+)?for\s+(?:\w+\s+){0,2}?${PICTURES_EN}\b`],

  // më rrahin, m'kanë rrahur. Bare "me rrah" is also the Gheg infinitive
  // ("nuk duhet me rrah fëmijët"), so it counts only outside those frames.
  ['violence', String.raw`${ME}${AUX}(?:rrahin|rrahen|rrahu|rrahi|rrahe|rahin|rrahur|rrahun|godasin|godet|goditi|goditur|qellojne|qellon|lendojne|lendon|lenduar|keqtrajtojne|keqtrajton|keqtrajtuar|dhunojne|dhunon|dhunuan|dhunuar|perdhunoi|perdhunuan|perdhunuar|vrasin)\b`],
  ['violence', String.raw`(?<!\b(?:duhet|per|pa|mos)\s+)${ME}rrah\b`],
  ['violence', String.raw`\b${SOMEONE_EN}\s+(?:hits?|beats?|beat|hurts?|abuses?|abused|kicks?|kicked|punch(?:es|ed)?|slaps?|slapped)\s+me\b`],
  ['violence', String.raw`\bi\s+(?:am|was|'m|m|get|got)\s+(?:being\s+)?(?:beaten|abused|raped)\b`],

  // kam frikë të shkoj në shtëpi; Gheg: kom frikë me shku n'shpi
  ['fear', String.raw`\bk[ao]m\s+frike\s+(?:te|me)\s+(?:shkoj|shku|kthehem|kthehu|kthy|hyj)\s+(?:ne\s+|n'\s*|n\s+)(?:shtepi\w*|shpi\w*)`],
  ['fear', String.raw`\bk[ao]m\s+frike\s+per\s+jeten\s+time\b`],
  ['fear', String.raw`${I_AM}(?:so\s+|really\s+|very\s+)?(?:scared|afraid|frightened|terrified)\s+(?:to\s+go|of\s+going)\s+(?:back\s+)?home\b`],
  ['fear', String.raw`\bafraid\s+for\s+my\s+life\b`],

  // s'më lënë të dal, nuk më lejojnë të iki; Gheg: s'm'lanë me dalë
  ['confinement', String.raw`${NOT_ME}(?:lene|len|lejne|lejojne|lejojn|lejon|lane|lan|leshojne|lshojne)\s+(?:te|me)\s+(?:dal|dale|dil|iki|ik|shkoj|shku|largohem|kthehem)\b`],
  ['confinement', String.raw`${ME}${AUX}(?:mbyllin|mbyllen|mbylli|mbyllur|mbyllun)\b`],
  ['confinement', String.raw`${ME}(?:mbajne|mbajn|mban)\s+(?:te\s+)?(?:mbyllur|mbyllun|brenda)\b`],
  ['confinement', String.raw`\b(?:won't|wont|will\s+not|don't|dont|do\s+not|doesn't|does\s+not|didn't)\s+let\s+me\s+(?:leave|go\s+out|go\s+home|out|escape)\b`],
  ['confinement', String.raw`\block(?:ed|s)?\s+me\s+(?:in|up)\b`],
  ['confinement', String.raw`\bkeep(?:s|ing)?\s+me\s+locked\b`],

  ['debt', String.raw`\b(?:u|i)\s+k[ao]m\s+borxh\b`],
  ['debt', String.raw`\bi\s+owe\s+(?:them|him|her)\s+(?:money|a\s+debt)\b`],

  ['threat', String.raw`${ME}${AUX}(?:kercenojne|kercenojn|kercenon|kercenoi|kercenuan|kercenuar|shantazhon|shantazhojne|shantazhoi|shantazhuan)\b`],
  ['threat', String.raw`\b(?:threaten(?:s|ed|ing)?|blackmail(?:s|ed|ing)?)\s+me\b`],
];

const compiled = patterns.map(([kind, source]) => [kind, new RegExp(source, 'g')] as const);

/**
 * Finds first-person safeguarding phrases in Albanian (with or without
 * diacritics, standard or Gheg) and English. Spans point into the
 * original text.
 *
 * @example
 * detectSafeguarding('Po më detyrojnë të punoj').found; // true
 * detectSafeguarding('Askush nuk duhet detyruar të punojë').found; // false
 */
export function detectSafeguarding(text: string): Detection<SafeguardingKind> {
  const { text: folded, sourceIndex } = foldAlbanian(text);
  const matches: Detection<SafeguardingKind>['matches'] = [];
  for (const [kind, pattern] of compiled) {
    for (const match of folded.matchAll(pattern)) {
      const start = sourceIndex[match.index] as number;
      const end = sourceIndex[match.index + match[0].length] as number;
      if (!matches.some((m) => start < m.end && m.start < end)) matches.push({ kind, start, end });
    }
  }
  matches.sort((a, b) => a.start - b.start);
  return { found: matches.length > 0, matches };
}
