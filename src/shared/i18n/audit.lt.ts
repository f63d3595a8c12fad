/**
 * Lithuanian texts of the audit log screen, its receipt and the rollback warning. Spread into
 * `lt`; the English file is typed from this one.
 */
export const auditLt = {
  auditLog: {
    nav: 'Audito žurnalas',
    banner:
      'Įspėjimas: šios saugyklos audito žurnalas netęsia to, kas šiame kompiuteryje užrašyta {{at}} (įrašas {{seq}}). Saugykla galėjo būti pakeista senesne kopija arba jos istorija perrašyta. Praneškite administratoriui; šis radinys įrašytas į audito žurnalą.',
    title: 'Audito žurnalas',
    intro:
      'Kiekvienas peržiūrėjimas, pakeitimas ir eksportas įrašomas į grandinę, kurios kiekvienas įrašas apsaugotas ankstesniojo kodu. Patikra pereina visą grandinę ir palygina ją su galva, įrašyta už saugyklos ribų.',
    verify: 'Tikrinti grandinę',
    verifying: 'Tikrinama…',
    intact: 'Grandinė nepažeista: {{count}} įrašų.',
    broken: 'Grandinė nutrūksta ties įrašu {{seq}}: {{reason}}.',
    reason: {
      mac: 'įrašo kodas nesutampa (įrašas pakeistas)',
      gap: 'trūksta įrašo',
      truncated: 'nukirpti paskutiniai įrašai',
    },
    facts: 'Patikros rezultatai',
    entries: 'Įrašų',
    head: 'Galva (paskutinis įrašas)',
    anchor: 'Galva už saugyklos ribų',
    anchorNone: 'Dar neįrašyta.',
    anchorExtends: 'Grandinė ją tęsia (įrašas {{seq}}, {{at}}).',
    anchorRollback: 'Grandinė jos netęsia (įrašas {{seq}}, {{at}}): {{why}}.',
    why: {
      missing: 'šio įrašo nėra – senesnė kopija arba nukirpti įrašai',
      mac: 'jo vietoje kitas įrašas – grandinė perrašyta',
      chain: 'grandinė nutrūksta anksčiau',
    },
    rollbacks: 'Įspėjimai apie senesnę kopiją',
    rollbacksNone: 'Nebuvo.',
    rollbacksSome: 'Atrakinant rasta kartų: {{count}}; paskutinį kartą {{at}}.',
    thisSession: 'Šį kartą atrakinant grandinė netęsė galvos, įrašytos {{at}} (įrašas {{seq}}).',
    receiptTitle: 'Kvitas',
    receiptIntro:
      'Kvitas – grandinės galva šią akimirką. Atspausdinkite ir saugokite atskirai arba perduokite prižiūrinčiai institucijai: vėliau bus galima įrodyti, kad grandinė tęsiasi nuo šios vietos (sauga audit verify --head NR:MAC).',
    showReceipt: 'Rodyti kvitą',
    print: 'Spausdinti kvitą',
    receiptHeading: 'Sauga audito grandinės kvitas',
    org: 'Organizacija',
    vault: 'Saugyklos ID',
    seq: 'Įrašas',
    mac: 'MAC',
    at: 'Paimta',
    check: 'Patikra: sauga audit verify --head {{seq}}:MAC',
    loading: 'Įkeliama…',
  },
};
