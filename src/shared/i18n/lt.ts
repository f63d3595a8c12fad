import type { ErrorCode } from '../errors';
import { casesLt } from './cases.lt';
import { statsLt } from './stats.lt';
import { summaryLt } from './summary.lt';
import { dutiesLt } from './duties.lt';
import { importLt } from './import.lt';
import { governanceLt } from './governance.lt';
import { auditLt } from './audit.lt';
import { usersLt } from './users.lt';

/**
 * Lithuanian, the default language. This object defines the key structure: `en` must have
 * exactly the same keys (checked by its type). Interpolations use i18next's {{name}} syntax.
 * No plural keys on purpose: Lithuanian and English have different plural categories, which
 * would break the identical-keys rule; phrase counts so they need no plural.
 */
export const lt = {
  app: {
    name: 'Sauga',
    documentTitle: 'Sauga',
    tagline: 'Šifruotų bylų saugykla',
    loading: 'Įkeliama…',
    version: 'Versija {{version}}',
    demoVault:
      'Demonstracinė saugykla: visus atvejus čia sugeneravo demonstracinių duomenų generatorius. Tikrų atvejų neveskite.',
    unavailableTitle: 'Programa paleista netinkamai',
    unavailable:
      'Šis langas neturi ryšio su saugykla. Uždarykite Sauga ir atidarykite ją iš naujo. Jei klaida kartojasi, kreipkitės į administratorių.',
    retry: 'Bandyti dar kartą',
  },
  language: {
    label: 'Kalba (Language)',
    lt: 'Lietuvių',
    en: 'English',
  },
  common: {
    back: 'Atgal',
    continue: 'Tęsti',
    cancel: 'Atšaukti',
    working: 'Palaukite…',
    required: 'Šis laukas privalomas.',
    tone: {
      error: 'Klaida',
      warning: 'Svarbu',
      success: 'Atlikta',
      info: 'Informacija',
    },
  },
  passphrase: {
    label: 'Slaptafrazė',
    repeat: 'Pakartokite slaptafrazę',
    hint: 'Bent {{min}} simbolių. Geriausia – keli nesusiję žodžiai, pavyzdžiui, „vėjas lempa trys obuoliai“.',
    mismatch: 'Slaptafrazės nesutampa.',
    strength: {
      label: 'Slaptafrazės stiprumas',
      empty: 'Įveskite slaptafrazę – čia pamatysite, ar ji pakankamai stipri.',
      checking: 'Tikrinama…',
      score0: 'Labai silpna',
      score1: 'Silpna',
      score2: 'Vidutinė',
      score3: 'Stipri',
      score4: 'Labai stipri',
      acceptable: 'Slaptafrazė tinka.',
      notAcceptable: 'Slaptafrazė netinka:',
    },
    problems: {
      too_short: 'Per trumpa: reikia bent {{min}} simbolių.',
      guessable: 'Lengvai atspėjama: pridėkite daugiau nesusijusių žodžių.',
      contains_name: 'Joje yra organizacijos ar naudotojo vardas.',
    },
    notAcceptable: 'Pasirinkite stipresnę slaptafrazę: ši neatitinka reikalavimų.',
  },
  create: {
    steps: {
      label: 'Saugyklos kūrimo žingsniai',
      details: 'Duomenys',
      words: 'Atkūrimo žodžiai',
      confirm: 'Patvirtinimas',
      current: 'dabartinis žingsnis',
      done: 'atlikta',
    },
    details: {
      title: 'Sukurkite saugyklą',
      intro:
        'Šiame kompiuteryje dar nėra saugyklos. Ją sukūrę tapsite jos administratoriumi. Visi duomenys bus šifruojami ir laikomi tik šiame kompiuteryje.',
      orgName: 'Organizacijos pavadinimas',
      adminName: 'Jūsų vardas',
      adminNameHint: 'Šiuo vardu atrakinsite saugyklą.',
      submit: 'Tęsti',
    },
    words: {
      title: 'Užsirašykite atkūrimo žodžius',
      warning:
        'Šie 24 žodžiai rodomi tik vieną kartą. Jais galima atrakinti saugyklą, jei pamiršite slaptafrazę, todėl kas juos turi, gali perskaityti visas bylas.',
      advice:
        'Užrašykite žodžius ant popieriaus arba atspausdinkite ir laikykite seife. Nefotografuokite jų ir nesaugokite kompiuteryje ar telefone.',
      listLabel: 'Atkūrimo žodžiai',
      printHeading: '{{org}} – Sauga atkūrimo žodžiai',
      print: 'Spausdinti',
      continue: 'Užsirašiau, tęsti',
    },
    confirm: {
      title: 'Patvirtinkite atkūrimo žodžius',
      intro: 'Įrašykite prašomus žodžius iš savo lapo. Saugykla bus sukurta tik tada, kai jie sutaps.',
      word: 'Žodis Nr. {{n}}',
      showAgain: 'Rodyti žodžius dar kartą',
      submit: 'Sukurti saugyklą',
      working: 'Kuriama saugykla…',
    },
    cancel: 'Atšaukti kūrimą',
  },
  unlock: {
    title: 'Atrakinkite saugyklą',
    user: 'Naudotojas',
    userName: 'Naudotojo vardas',
    submit: 'Atrakinti',
    working: 'Atrakinama…',
    forgot: 'Pamiršote slaptafrazę? Naudokite atkūrimo žodžius',
    noticeIdle: 'Saugykla užrakinta, nes kurį laiką nebuvo veiksmų.',
    noticeLocked: 'Saugykla užrakinta.',
  },
  missing: {
    title: 'Saugyklos aplankas nerastas',
    body: 'Šiame kompiuteryje buvo sukurta saugykla, bet jos aplanko nebėra. Jei saugykla laikoma išoriniame diske, prijunkite jį ir bandykite dar kartą. Jei aplankas prarastas, kreipkitės į administratorių: saugyklą galima atkurti iš atsarginės kopijos.',
    retry: 'Bandyti dar kartą',
    startOver: 'Kurti naują saugyklą',
    confirmStartOver:
      'Ar tikrai kurti naują, tuščią saugyklą? Senoji saugykla nebus ištrinta, bet ši programa jos nebeieškos.',
    confirm: 'Taip, kurti naują',
  },
  recover: {
    title: 'Atrakinimas atkūrimo žodžiais',
    intro:
      'Įveskite 24 atkūrimo žodžius iš lapo ir pasirinkite naują slaptafrazę. Senoji naudotojo slaptafrazė nebegalios.',
    wordsLegend: 'Atkūrimo žodžiai',
    wordsHint: 'Visus žodžius galite įklijuoti į pirmąjį laukelį – jie bus paskirstyti automatiškai.',
    word: 'Žodis Nr. {{n}}',
    wordsIncomplete: 'Įveskite visus 24 žodžius.',
    newPassphrase: 'Nauja slaptafrazė',
    repeat: 'Pakartokite naują slaptafrazę',
    submit: 'Atkurti ir atrakinti',
    working: 'Tikrinami žodžiai…',
    back: 'Grįžti į atrakinimą',
  },
  home: {
    title: 'Pradžia',
    unlocked: 'Saugykla atrakinta.',
    signedInAs: 'Naudotojas',
    roles: 'Vaidmenys',
    lock: 'Užrakinti',
    idleOn: 'Saugykla užsirakins automatiškai, jei {{minutes}} min. nebus jokių veiksmų.',
    idleOff: 'Automatinis užrakinimas išjungtas.',
    adminNote:
      'Administratorius tvarko naudotojus ir nustatymus. Bylų turinio administratorius nemato, nebent jis taip pat yra vadovas ar atvejo vadybininkas.',
  },
  roles: {
    caseworker: 'Atvejo vadybininkas',
    supervisor: 'Vadovas',
    administrator: 'Administratorius',
  },
  settings: {
    title: 'Nustatymai',
    idle: {
      legend: 'Automatinis užrakinimas',
      label: 'Užrakinti po neveiklumo (minutėmis)',
      hint: '0 – niekada neužrakinti automatiškai. Didžiausia reikšmė – 240.',
      invalid: 'Įveskite sveikąjį skaičių nuo 0 iki 240.',
      save: 'Išsaugoti',
      saved: 'Nustatymas išsaugotas.',
    },
    passphrase: {
      legend: 'Keisti savo slaptafrazę',
      current: 'Dabartinė slaptafrazė',
      new: 'Nauja slaptafrazė',
      repeat: 'Pakartokite naują slaptafrazę',
      submit: 'Keisti slaptafrazę',
      working: 'Keičiama…',
      changed: 'Slaptafrazė pakeista. Kitą kartą atrakinkite saugyklą nauja slaptafraze.',
    },
  },
  errors: {
    INVALID_INPUT: 'Kai kurie įvesti duomenys netinkami. Patikrinkite laukus ir bandykite dar kartą.',
    WRONG_PASSPHRASE:
      'Neteisinga slaptafrazė. Patikrinkite, ar neįjungtos didžiosios raidės (Caps Lock) ir ar pasirinkta tinkama klaviatūros kalba.',
    UNKNOWN_USER: 'Tokio naudotojo šioje saugykloje nėra. Patikrinkite vardą.',
    RECOVERY_WORDS_INVALID:
      'Atkūrimo žodžiai netinka: kuris nors žodis parašytas klaidingai arba ne savo vietoje. Patikrinkite juos pagal lapą.',
    RECOVERY_CONFIRM_MISMATCH: 'Žodžiai nesutampa su parodytais. Patikrinkite, ką užsirašėte, ir bandykite dar kartą.',
    KDF_BELOW_FLOOR:
      'Saugyklos raktų failas pakeistas: jo apsauga silpnesnė nei leidžiama, todėl saugykla neatrakinta. Atkurkite saugyklą iš atsarginės kopijos ir praneškite administratoriui.',
    SLOT_FILE_INVALID:
      'Saugyklos raktų failas pažeistas arba pakeistas, todėl saugykla neatrakinta. Atkurkite saugyklą iš atsarginės kopijos ir praneškite administratoriui.',
    VAULT_MISSING:
      'Saugyklos aplankas nerastas. Jei saugykla laikoma išorinėje laikmenoje, prijunkite ją ir bandykite dar kartą.',
    VAULT_EXISTS: 'Šiame aplanke saugykla jau yra, todėl nauja nesukurta.',
    VAULT_DAMAGED:
      'Saugyklos duomenų bazė pažeista ir jos nepavyksta atidaryti. Neištrinkite jokių failų: atkurkite saugyklą iš atsarginės kopijos arba kreipkitės į administratorių.',
    VAULT_REPLACED:
      'Saugyklos duomenų bazė pakeista kita arba nepriklauso šiai saugyklai, todėl saugykla neatrakinta. Neištrinkite jokių failų: atkurkite saugyklą iš atsarginės kopijos ir praneškite administratoriui.',
    VAULT_TOO_NEW: 'Šią saugyklą sukūrė naujesnė Sauga versija. Atnaujinkite programą ir bandykite dar kartą.',
    NOT_DEMO_VAULT:
      'Demonstraciniai atvejai rašomi tik į „sauga demo“ sukurtą demonstracinę saugyklą, kurioje nėra tikrų atvejų. Nieko neįrašyta.',
    VAULT_BUSY: 'Saugyklą šiuo metu naudoja kitas Sauga langas ar programa. Palaukite ir bandykite dar kartą.',
    VAULT_IN_USE:
      'Ši saugykla jau atverta kitame Sauga lange ar programoje šiame kompiuteryje (galbūt komandinės eilutės įrankyje). Pirmiausia uždarykite ją ten. Niekas nepakeista.',
    BACKUP_DAMAGED:
      'Atsarginės kopijos failas sugadintas, nepilnas arba tai ne Sauga atsarginė kopija, todėl jo naudoti negalima. Niekas neatkurta. Naudokite kitą kopiją.',
    BACKUP_ALTERED:
      'Atsarginės kopijos failas pakeistas po to, kai buvo sukurtas: jo antspaudas nesutampa. Niekas neatkurta. Naudokite kitą kopiją ir praneškite administratoriui.',
    RESTORE_TARGET_NOT_EMPTY:
      'Aplankas, į kurį norima atkurti, nėra tuščias. Atsarginė kopija atkuriama tik į naują ar tuščią aplanką, todėl niekas neperrašyta.',
    MIGRATION_FAILED:
      'Nepavyko atnaujinti saugyklos duomenų struktūros; pakeitimai atšaukti. Kreipkitės į administratorių.',
    WEAK_PASSPHRASE: 'Slaptafrazė per silpna. Pasirinkite ilgesnę, sudarytą iš kelių nesusijusių žodžių.',
    USER_EXISTS: 'Naudotojas tokiu vardu jau yra.',
    LOCKED: 'Saugykla užrakinta. Atrakinkite ją ir bandykite dar kartą.',
    FORBIDDEN: 'Jūsų vaidmuo neleidžia atlikti šio veiksmo.',
    REKEY_NEEDS_UPGRADE:
      'Naudotojo pašalinti dar negalima: kai kurie naudotojai turi senos formos raktus. Kiekvienas iš jų turi vieną kartą prisijungti (atkūrimo lapo raktą atnaujina vienas atkūrimas žodžiais). Naudotojų sąraše matyti, kas.',
    CANNOT_REMOVE_SELF: 'Savęs pašalinti negalima. Paprašykite kito administratoriaus.',
    LAST_ADMINISTRATOR: 'Saugykloje turi likti bent vienas administratorius.',
    FOREIGN_ORIGIN: 'Užklausa atmesta, nes ji atėjo ne iš Sauga programos lango.',
    UNKNOWN_CHANNEL:
      'Programa nežino tokio veiksmo. Gali būti, kad jos dalys skirtingų versijų – įdiekite Sauga iš naujo.',
    NO_PENDING_CREATION: 'Saugyklos kūrimas nepradėtas arba buvo nutrauktas. Pradėkite iš naujo.',
    DISK_FULL: 'Diske nebėra vietos. Atlaisvinkite vietos ir bandykite dar kartą.',
    FILE_UNREADABLE: 'Nepavyko perskaityti ar įrašyti failo: trūksta teisių arba failą naudoja kita programa.',
    STALE_VERSION:
      'Kol redagavote, bylą pakeitė kitas naudotojas. Niekas neperrašyta: atnaujinkite bylą ir įveskite pakeitimus dar kartą.',
    NOT_FOUND: 'Įrašas nerastas. Galbūt jis jau pašalintas.',
    CASE_CLOSED: 'Byla uždaryta, todėl jos keisti negalima. Atnaujinti bylą gali vadovas.',
    ITEM_IN_USE: 'Šio įrašo pašalinti negalima, nes juo remiasi kitas įrašas (pvz., siuntimas remiasi sutikimu).',
    ATTACHMENT_TOO_LARGE: 'Failas per didelis. Didžiausias leidžiamas priedo dydis – 25 MB.',
    ATTACHMENT_TYPE_REFUSED: 'Šio tipo failo pridėti negalima. Leidžiami PDF, PNG, JPEG, TIFF ir WebP failai.',
    INTERNAL: 'Įvyko netikėta klaida. Bandykite dar kartą; jei klaida kartojasi, kreipkitės į administratorių.',
    STATS_PACKAGE_REJECTED:
      'Statistikos ataskaitos paketas atmestas: jis pažeistas, pakeistas, pasirašytas neregistruotu raktu arba jau gautas. Paprašykite organizacijos atsiųsti jį iš naujo.',
    STATS_TRUSTED_KEYS_INVALID:
      'Patikimų raktų sąrašas netinkamas: kiekvienas įrašas turi nurodyti organizaciją ir jos minisign viešąjį raktą.',
    STATS_PERIOD_MISMATCH: 'Ataskaitos yra už skirtingus laikotarpius, todėl jų sudėti negalima.',
    STATS_DUPLICATE_RETURN:
      'Ta pati organizacija pateikė dvi ataskaitas už tą patį laikotarpį, ir nė viena nepakeičia kitos. Palikite tik vieną.',
    STATS_AUDIT_FAILED:
      'Ataskaita neeksportuota: atskleidimo kontrolės patikra rado langelių, iš kurių būtų galima atpažinti asmenį. Jie išvardyti peržiūroje; pasirinkite ilgesnį laikotarpį arba didesnę ribą.',
    RECIPIENT_KEYS_EXIST:
      'Ši saugykla jau turi gavėjo raktus, todėl nauji nesukurti. Raktai keičiami tik rotacijos būdu.',
    RECIPIENT_KEYS_MISSING:
      'Ši saugykla neparengta kaip gavėjo diegimas: joje nėra gavėjo raktų. Pirmiausia administratorius paleidžia `sauga keys init`.',
    OUTPUT_EXISTS: 'Tokio pavadinimo failas jau yra. Niekas neperrašyta: pasirinkite kitą pavadinimą.',
    DIRECTORY_ENTRY_UNVERIFIED:
      'Šio gavėjo raktai dar nepatvirtinti. Palyginkite kontrolinį kodą su gavėju telefonu arba popieriuje ir patvirtinkite jį; tik tada galima siųsti.',
    DIRECTORY_KEY_CHANGED:
      'Gavėjo raktas pasikeitė nuo paskutinio patvirtinimo. Siųsti negalima, kol naujo rakto kontrolinis kodas nebus sutikrintas ir patvirtintas.',
    DIRECTORY_ENTRY_EXPIRED:
      'Gavėjo rakto galiojimo laikas pasibaigė arba dar neprasidėjo. Siųsti šiam gavėjui negalima.',
    DIRECTORY_ENTRY_REPLACED:
      'Šis gavėjo įrašas pakeistas nauju arba išbrauktas iš katalogo. Pasirinkite galiojantį gavėjo įrašą.',
    DIRECTORY_FINGERPRINT_MISMATCH:
      'Įvestas kontrolinis kodas nesutampa su gavėjo raktų kodu. Raktas nepatvirtintas; dar kartą sutikrinkite kodą su gavėju.',
    DIRECTORY_FILE_REJECTED:
      'Raktų katalogo failas atmestas: jis nepasirašytas patikimu raktu, pažeistas arba netinkamo formato. Niekas nepakeista.',
    DIRECTORY_VERSION_OLD:
      'Šis raktų katalogas nėra naujesnis už jau įdiegtą. Senesnė ar ta pati versija neįdiegiama; niekas nepakeista.',
    DUTY_RULE_SET_REJECTED:
      'Taisyklių rinkinio failas atmestas: jis nepasirašytas patikimu raktu, pažeistas arba netinkamo turinio. Niekas nepakeista.',
    DUTY_RULE_SET_VERSION_OLD:
      'Šis taisyklių rinkinys nėra naujesnis už jau įdiegtą pasirašytą rinkinį. Senesnė ar ta pati versija neįdiegiama; niekas nepakeista.',
    DUTY_TASK_CLOSED:
      'Ši užduotis jau atlikta arba pažymėta kaip netaikoma. Įvykdytos pareigos įrašas niekada neperrašomas.',
    DUTY_RULE_SET_MISSING:
      'Informavimo pareigų taisyklių rinkinys dar neįdiegtas. Pirmiausia jį įdiegia administratorius.',
    RETENTION_NOT_DUE:
      'Bent vienos patvirtintos bylos dar negalima ištrinti (ji uždaryta per neseniai, jai taikomas teisinis sulaikymas arba jos nebėra plane). Niekas neištrinta; sudarykite planą iš naujo.',
    LEGAL_HOLD_ACTIVE:
      'Šiai bylai jau taikomas teisinis sulaikymas. Jei jį reikia pakeisti, pirmiausia jį panaikinkite.',
    LEGAL_HOLD_MISSING: 'Šiai bylai teisinis sulaikymas netaikomas, todėl nėra ko panaikinti.',
    CONSENT_NOT_WITHDRAWN:
      'Sutikime nenurodyta atšaukimo data. Pirmiausia byloje įrašykite atšaukimą, tada – kaip jis įgyvendintas.',
    IMPORT_TOO_LARGE:
      'Failas didesnis, nei Sauga gali importuoti (50 MB arba daugiau nei 200 MB išpakavus). Padalykite jį į mažesnius failus; niekas neimportuota.',
    IMPORT_ARCHIVE_REFUSED:
      'Skaičiuoklės failas atmestas kaip nesaugus: išpakuotas jis daug didesnis nei pats failas, turi per daug dalių arba yra užšifruotas. Išsaugokite jį skaičiuoklės programa iš naujo kaip paprastą XLSX ar CSV failą; niekas neimportuota.',
    IMPORT_FILE_INVALID:
      'Failas nėra skaitoma XLSX ar CSV skaičiuoklė (sugadintas, nukirstas arba be darbalapio). Išsaugokite jį iš naujo kaip XLSX ar CSV; niekas neimportuota.',
    IMPORT_ENCODING_INVALID:
      'Failo teksto nepavyko perskaityti jokia palaikoma koduote (UTF-8, UTF-16 ar Windows-1257). Išsaugokite jį iš naujo kaip UTF-8 CSV; niekas neimportuota.',
    IMPORT_LIMIT_EXCEEDED:
      'Faile daugiau eilučių, stulpelių ar teksto viename langelyje, nei Sauga importuoja vienu kartu (100 000 eilučių, 200 stulpelių, 20 000 ženklų langelyje). Padalykite jį; niekas neimportuota.',
    IMPORT_MAPPING_INVALID:
      'Stulpelių susiejimas netinkamas: nežinomas stulpelis ar Saugos laukas, laukas susietas du kartus arba nesusieta bylos atidarymo data. Patikrinkite susiejimą ir bandykite dar kartą.',
    IMPORT_ROWS_INVALID:
      'Kai kurių eilučių importuoti negalima. Niekas neimportuota: atlikite bandomąjį importą, pataisykite failą ar susiejimą pagal jo ataskaitą ir importuokite iš naujo.',
    IMPORT_UNDO_REFUSED:
      'Šio importo atšaukti negalima: jis jau atšauktas arba bent viena jo byla po importo buvo pakeista. Niekas neištrinta.',
    CONSENT_MISSING: 'Nėra asmens sutikimo, apimančio šį gavėją ir tikslą, todėl santraukos parengti negalima.',
    CONSENT_WITHDRAWN: 'Asmuo atšaukė sutikimą šiam gavėjui ir tikslui, todėl pagal jį nieko teikti negalima.',
    CONSENT_EXPIRED: 'Sutikimo šiam gavėjui ir tikslui galiojimas baigėsi. Paprašykite asmens naujo sutikimo.',
    CONSENT_NOT_YET_VALID: 'Sutikimas šiam gavėjui ir tikslui dar neįsigaliojo: jo data vėlesnė nei šiandien.',
    CONSENT_WRONG_PURPOSE: 'Asmuo sutiko, kad informacija būtų teikiama šiam gavėjui, bet kitu tikslu.',
    CONSENT_WRONG_RECIPIENT: 'Asmuo sutiko, kad informacija būtų teikiama šiuo tikslu, bet kitos rūšies institucijai.',
    CONSENT_NO_CATEGORIES:
      'Sutikime nenurodyta, kokią informaciją leidžiama teikti, todėl jis nieko neapima. Pažymėkite, kam asmuo sutiko.',
    SUMMARY_WITHHOLDING_UNCLEAR:
      'Byloje nurodyta, kad dalies informacijos šiam gavėjui teikti negalima, bet nepažymėta, kurių bylos dalių. Pirmiausia jas pažymėkite duomenų apsaugos skiltyje.',
    SUMMARY_DRAFT_STATE:
      'Šiame etape su santrauka to padaryti negalima (ji gali būti jau patvirtinta, išsiųsta ar laukia ko nors kito).',
    SUMMARY_APPROVAL_REQUIRED:
      'Organizacijoje santrauką prieš siunčiant turi patvirtinti vadovas. Paprašykite vadovo ją patvirtinti.',
    SUMMARY_OVERRIDE_INVALID:
      'Teikti be sutikimo galima tik nurodžius teisinį pagrindą ir kai tai patvirtina antras, kitas vadovas.',
    SUMMARY_CONSENT_CHANGED:
      'Sutikimas, kuriuo remiantis parengta santrauka, po to pasikeitė. Parenkite santrauką iš naujo.',
    DISCLOSURE_DUPLICATE: 'Šis paketas jau užregistruotas kaip išsiųstas.',
    SUMMARY_PACKAGE_NOT_FOR_YOU:
      'Šis paketas užšifruotas kitam gavėjui: nė vienas šios saugyklos raktas jo neatidaro. Niekas neišsaugota. Paprašykite siuntėjo patikrinti, kam jis adresuotas.',
    SUMMARY_PACKAGE_WRONG_RECIPIENT:
      'Šis paketas adresuotas kitos institucijos raktui: jis persiųstas arba iš naujo užšifruotas. Niekas neišsaugota; praneškite siuntusiai organizacijai.',
    SUMMARY_PACKAGE_DAMAGED:
      'Paketo failas pažeistas, nukirptas arba jo turinys pakeistas. Niekas neišsaugota. Paprašykite siuntėjo atsiųsti jį iš naujo.',
    SUMMARY_PACKAGE_INVALID: 'Šis failas nėra Sauga bylos santraukos paketas arba yra per didelis. Niekas neišsaugota.',
    SUMMARY_PACKAGE_BAD_SIGNATURE:
      'Parašas netinka: paketas nepasirašytas arba pakeistas po pasirašymo. Niekas neišsaugota. Paprašykite siuntėjo atsiųsti jį iš naujo.',
    SUMMARY_PACKAGE_UNTRUSTED_SENDER:
      'Siuntėjas nėra patikimas: paketas pasirašytas raktu, kuriuo ši saugykla nenurodyta pasitikėti. Sutikrinkite organizacijos rakto kontrolinį kodą telefonu arba popieriuje, įtraukite ją į patikimus siuntėjus ir atidarykite paketą dar kartą.',
    SUMMARY_PACKAGE_REPLAYED: 'Šis paketas jau buvo gautas. Antrą kartą niekas neišsaugota.',
  } satisfies Record<ErrorCode, string>,
  ...casesLt,
  ...statsLt,
  ...summaryLt,
  ...dutiesLt,
  ...importLt,
  ...governanceLt,
  ...auditLt,
  ...usersLt,
};

/** The message tree every language must provide, key for key. */
export type Messages = typeof lt;
