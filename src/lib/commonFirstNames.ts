/**
 * Frequent first names of students in Albania (and a few English ones),
 * folded (lowercase, no ë/ç). The personal-data detector flags a known
 * first name followed by a capitalised word ("Arta Hoxha") instead of any
 * two capitalised words, which would catch "Nënë Tereza" or "Shkolla Kukës".
 * Names that are also everyday words (Shpresa "hope", Drita "light") are
 * kept: they only count when a capitalised surname follows.
 */
export const commonFirstNames: ReadonlySet<string> = new Set(
  (
    // Albanian, girls
    'adelina aferdita agnesa alba albana alda aleksandra alesia alketa amela amelia ana anila anisa ardita arjola ' +
    'arlinda arta arteida aurora besa besjana bleona blerina brikena dea denisa diana dorina drita edlira egla eglantina ' +
    'elda elena elira elisa elona elsa emanuela emi enkelejda enxhi era erisa erjona esmeralda etleva evis fatjona ' +
    'fjona flutura gentiana greta hana ilda ina irena iris jonida jora kejsi klaudia klea kristina laura lea ledia ' +
    'lediana lindita liridona lorena luljeta majlinda manjola marjeta marsela megi merita migena mimoza mira nora ' +
    'orjeta paola rea redina rezarta rina sara selvi sindi sonila suela teuta valbona vjosa xhesika zana ' +
    // Albanian, boys
    'adrian agim albi aldo aleks alban albert altin amarildo andi ardit ardian arben ardi arjan arlind armand ' +
    'artan arber bardh bekim besmir besnik blerim dashamir dorian drin edmond edon eduart elton endri enea erald ' +
    'erion ermal erjon ervis fatos fation florian gazmend genc gent gentian gerald gezim ilir indrit jetmir joel ' +
    'jurgen kastriot klajdi kledi klevis leart lorenc luan marsel mateo mario mikel muhamed nikolin olsi orges ' +
    'redon rei renaldo rigers roland samuel sokol taulant uran valon xhulio ylber ' +
    // English
    'james john robert michael william david richard joseph thomas daniel matthew mark paul george jack harry ' +
    'oliver mary jennifer linda elizabeth sarah jessica emily emma olivia sophie anna lucy kate'
  ).split(' '),
);
