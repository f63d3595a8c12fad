import type { Language } from '../shared/vault';
import { ErrorCode } from '../shared/errors';
import { en } from '../shared/i18n/en';
import { lt } from '../shared/i18n/lt';

const shared = { en, lt } as const;

const cli = {
  en: {
    usage: `Usage: sauga <group> <command> [options]

Vault commands:
  sauga vault init     --vault DIR --org NAME --user NAME --passphrase-file PATH
  sauga vault info     --vault DIR
  sauga vault check    --vault DIR --user NAME --passphrase-file PATH
  sauga vault passwd   --vault DIR --user NAME --passphrase-file PATH --new-passphrase-file PATH
  sauga vault add-user --vault DIR --user ADMIN --passphrase-file PATH
                       --new-user NAME --roles caseworker[,supervisor,administrator] --new-passphrase-file PATH
  sauga vault recover  --vault DIR --user NAME --words-file PATH --new-passphrase-file PATH

Audit:
  sauga audit verify   --vault DIR --user NAME --passphrase-file PATH

Organisation signing key (supervisor or administrator):
  sauga keys export-public --vault DIR --user NAME --passphrase-file PATH [--format minisign|json]
                       Prints the public key and its fingerprint; creates the key on first use.
                       In a recipient installation: the age recipient, the Ed25519 key and their
                       fingerprint (--format json: the directory entry for the NGOs).

Recipient installation keys (administrator):
  sauga keys init      --vault DIR --user NAME --passphrase-file PATH --institution NAME --category PROSECUTOR
  sauga keys export-identity --vault DIR --user NAME --passphrase-file PATH
                       --identity-passphrase-file PATH --out FILE
                       Writes the age identity sealed with its own passphrase, for the standard age tool.

Statistics returns (supervisor):
  sauga stats export   --vault DIR --user NAME --passphrase-file PATH --period 2026|2026-Q1|2026-03
                       --out FILE [--k 5] [--consent all|consented]
                       Builds, protects, audits and signs the return; refused if the audit fails.

Statistics returns (recipient role):
  sauga stats verify   PKG --trusted-keys FILE [--received FILE]
  sauga stats aggregate PKG... --trusted-keys FILE [--received FILE] --out DIR
                       Writes national.csv, national.html, national.json and received.json.

Institution key directory (list: everyone; changes: supervisor or administrator):
  sauga directory list  --vault DIR --user NAME --passphrase-file PATH
  sauga directory add   --vault DIR --user NAME --passphrase-file PATH --institution NAME --category PROSECUTOR
                       [--person NAME] --age-recipient age1… --ed25519-key BASE64 --valid-from DATE [--valid-to DATE]
  sauga directory verify --vault DIR --user NAME --passphrase-file PATH --id ID --fingerprint "DIGITS"
                       Compare the fingerprint with the recipient by phone or on paper first.
  sauga directory trust-signer --vault DIR --user NAME --passphrase-file PATH --org NAME --public-key MINISIGN-KEY
  sauga directory import FILE --vault DIR --user NAME --passphrase-file PATH
                       A signed directory file; older versions and unknown signers are refused.

Demo data (synthetic cases; never written into a vault with real cases):
  sauga demo           --vault DIR --cases N --passphrase-file PATH [--user NAME] [--seed TEXT]
                       Creates a demo vault if DIR has none; N from 1 to 200000.

Every command takes --json (machine-readable result on stdout) and --lang lt|en.
Passphrases are read only from files (or - for standard input), never from the command line.
Exit codes: 0 ok, 1 check failed, 2 bad input.
`,
    created: 'Vault created in {dir}.',
    recoveryHeader:
      'RECOVERY WORDS: write them on paper, check them, and keep the sheet in a safe.\nThey are shown only now. Anyone holding them can open the vault.',
    infoVault: 'Vault {id}, format {format}, created {created}',
    infoDb: 'Database: {bytes} bytes, {enc}',
    encrypted: 'encrypted',
    notEncrypted: 'NOT ENCRYPTED',
    infoSlot: 'Key slot {kind}: {user} ({roles}); Argon2id m={m} KiB, t={t}, p={p}',
    checkOk: 'Vault check passed: integrity ok, audit chain of {n} entries intact, schema {schema}.',
    checkFailed: 'Vault check FAILED.',
    integrity: 'Integrity: {detail}',
    auditBad: 'Audit chain broken at entry {seq} ({reason}).',
    auditOk: 'Audit chain intact: {n} entries, head {head}…',
    passwdDone: 'Passphrase changed for {user}. The database was not modified.',
    userAdded: 'User {user} added with roles {roles}.',
    recovered: 'Passphrase of {user} reset with the recovery words.',
    unknownCommand: 'Unknown command. Run `sauga --help`.',
    error: 'Error',
    demoProgress: 'Creating demo cases: {pct}% ({done}/{total})',
    demoCreated: 'Demo vault created in {dir}.',
    demoAdded: '{n} demo cases added ({first} … {last}); the vault now holds {total}. Took {seconds} s.',
    demoUsers:
      'Sign in as {user} (administrator and supervisor: sees every case). Caseworkers: {workers}. Administrator only: {admin}. All use the passphrase in {file}.',
    demoRecovery: 'Recovery words of this demo vault: {words}',
    demoNotDemo:
      'The vault in {dir} is not a demo vault. Demo cases are written only into vaults made by `sauga demo`. Nothing was changed.',
    demoRealCases:
      'The vault in {dir} holds cases that are not demo data, so no demo cases are written into it. Nothing was changed.',
    keyFingerprint: 'Fingerprint: {fingerprint}',
    keyCompare:
      'Key {keyId} of {org}. The ministry compares the fingerprint by phone or on paper before trusting the key.',
    keysInitDone:
      'This vault is now a recipient installation. Give the public keys below to the NGOs that send you case summaries.',
    keysRecipientOf: 'Recipient: {institution} ({category})',
    keysAgeRecipient: 'age recipient: {recipient}',
    keysEd25519: 'Ed25519 key: {key}',
    keysRecipientCompare:
      'The NGO compares this fingerprint with you by phone or on paper before it sends anything to these keys.',
    keysIdentityExported:
      'The age identity of {institution} was written to {file}, sealed with the identity passphrase. Keep the file and the passphrase apart.',
    keysIdentityUse:
      'To use it: age -d -o identity.txt {file} (asks for the identity passphrase), then age -d -i identity.txt PACKAGE.age. Delete identity.txt afterwards.',
    dirEntry: '{institution} ({category}{person}): {state}. Fingerprint {fingerprint}. Valid {from} to {to}. Id {id}.',
    dirStateVerified: 'verified',
    dirStateUnverified: 'NOT VERIFIED',
    dirStateKeyChanged: 'KEY CHANGED, not verified again',
    dirStateWithdrawn: 'withdrawn from the directory',
    dirInstalled: 'Installed directory: version {version} from {issuer}, issued {issued}.',
    dirNoneInstalled: 'No directory file installed.',
    dirEmpty: 'The directory has no recipients.',
    dirAdded:
      'Recipient {id} added, NOT VERIFIED. Compare the fingerprint with the recipient by phone or on paper, then run `sauga directory verify --id {id} --fingerprint "…"`.',
    dirVerified: 'Recipient {id} verified: case summaries can be sent to {institution}.',
    dirImported:
      'Directory version {version} from {issuer} installed: {added} added, {updated} updated, {changed} with a changed key, {withdrawn} withdrawn, {unchanged} unchanged.',
    dirChangedKeys: 'Nothing can be sent to these recipients until their new fingerprint is verified: {ids}.',
    dirSignerTrusted:
      'Directory signer {keyId} of {org} trusted. Fingerprint {fingerprint}: compare it with the issuer by phone or on paper.',
    dirRefused: 'Refused: {reason} ({code}: {detail})',
    statsExported: 'Return {seq} for {period} written to {file}. SHA-256 {sha256}.',
    statsSuppressed: 'Cells withheld: {primary} primary, {secondary} secondary (threshold k = {k}).',
    statsVerified: '{file}: VERIFIED. {org}, period {period}, sequence {seq}, key {keyId}.',
    statsRejected: '{file}: REJECTED ({reason}): {detail}.',
    statsNothingWritten: 'Nothing was written.',
    statsNationalAuditFailed: 'The national tables did not pass the disclosure audit.',
    statsAggregated:
      '{n} returns for {period} added up into {dir}: {incomplete} cells incomplete (lower bounds), {suppressed} suppressed.',
    statsCountedTwice: 'A person helped by two NGOs is counted twice in the national tables.',
  },
  lt: {
    usage: `Naudojimas: sauga <grupė> <komanda> [parinktys]

Saugyklos komandos:
  sauga vault init     --vault APLANKAS --org PAVADINIMAS --user VARDAS --passphrase-file KELIAS
  sauga vault info     --vault APLANKAS
  sauga vault check    --vault APLANKAS --user VARDAS --passphrase-file KELIAS
  sauga vault passwd   --vault APLANKAS --user VARDAS --passphrase-file KELIAS --new-passphrase-file KELIAS
  sauga vault add-user --vault APLANKAS --user ADMINISTRATORIUS --passphrase-file KELIAS
                       --new-user VARDAS --roles caseworker[,supervisor,administrator] --new-passphrase-file KELIAS
  sauga vault recover  --vault APLANKAS --user VARDAS --words-file KELIAS --new-passphrase-file KELIAS

Auditas:
  sauga audit verify   --vault APLANKAS --user VARDAS --passphrase-file KELIAS

Organizacijos parašo raktas (vadovas arba administratorius):
  sauga keys export-public --vault APLANKAS --user VARDAS --passphrase-file KELIAS [--format minisign|json]
                       Parodo viešąjį raktą ir jo kontrolinį kodą; pirmą kartą raktą sukuria.
                       Gavėjo diegime: age gavėjo raktą, Ed25519 raktą ir jų kontrolinį kodą
                       (--format json: įrašas organizacijų raktų katalogui).

Gavėjo diegimo raktai (administratorius):
  sauga keys init      --vault APLANKAS --user VARDAS --passphrase-file KELIAS --institution PAVADINIMAS --category PROSECUTOR
  sauga keys export-identity --vault APLANKAS --user VARDAS --passphrase-file KELIAS
                       --identity-passphrase-file KELIAS --out FAILAS
                       Įrašo age tapatybę, užšifruotą atskira slaptafraze, standartiniam age įrankiui.

Statistikos ataskaitos (vadovas):
  sauga stats export   --vault APLANKAS --user VARDAS --passphrase-file KELIAS --period 2026|2026-Q1|2026-03
                       --out FAILAS [--k 5] [--consent all|consented]
                       Sudaro, apsaugo, patikrina ir pasirašo ataskaitą; jei patikra nepavyksta, ataskaita neeksportuojama.

Statistikos ataskaitos (gavėjo vaidmuo):
  sauga stats verify   PAKETAS --trusted-keys FAILAS [--received FAILAS]
  sauga stats aggregate PAKETAS... --trusted-keys FAILAS [--received FAILAS] --out APLANKAS
                       Įrašo national.csv, national.html, national.json ir received.json.

Institucijų raktų katalogas (peržiūra: visi; keitimas: vadovas arba administratorius):
  sauga directory list  --vault APLANKAS --user VARDAS --passphrase-file KELIAS
  sauga directory add   --vault APLANKAS --user VARDAS --passphrase-file KELIAS --institution PAVADINIMAS --category PROSECUTOR
                       [--person VARDAS] --age-recipient age1… --ed25519-key BASE64 --valid-from DATA [--valid-to DATA]
  sauga directory verify --vault APLANKAS --user VARDAS --passphrase-file KELIAS --id ID --fingerprint "SKAITMENYS"
                       Pirmiausia sutikrinkite kontrolinį kodą su gavėju telefonu arba popieriuje.
  sauga directory trust-signer --vault APLANKAS --user VARDAS --passphrase-file KELIAS --org PAVADINIMAS --public-key MINISIGN-RAKTAS
  sauga directory import FAILAS --vault APLANKAS --user VARDAS --passphrase-file KELIAS
                       Pasirašytas katalogo failas; senesnės versijos ir nežinomi pasirašytojai atmetami.

Demonstraciniai duomenys (išgalvotos bylos; niekada nerašomi į saugyklą su tikromis bylomis):
  sauga demo           --vault APLANKAS --cases N --passphrase-file KELIAS [--user VARDAS] [--seed TEKSTAS]
                       Jei aplanke saugyklos nėra, sukuria demonstracinę; N nuo 1 iki 200000.

Kiekviena komanda priima --json (mašinai skaitomas rezultatas standartinėje išvestyje) ir --lang lt|en.
Slaptafrazės skaitomos tik iš failų (arba - iš standartinės įvesties), niekada iš komandų eilutės.
Išėjimo kodai: 0 gerai, 1 patikra nepavyko, 2 netinkami duomenys.
`,
    created: 'Saugykla sukurta aplanke {dir}.',
    recoveryHeader:
      'ATKŪRIMO ŽODŽIAI: užrašykite juos ant popieriaus, patikrinkite ir laikykite lapą seife.\nJie rodomi tik dabar. Kas juos turi, gali atidaryti saugyklą.',
    infoVault: 'Saugykla {id}, formatas {format}, sukurta {created}',
    infoDb: 'Duomenų bazė: {bytes} baitų, {enc}',
    encrypted: 'užšifruota',
    notEncrypted: 'NEUŽŠIFRUOTA',
    infoSlot: 'Rakto lizdas {kind}: {user} ({roles}); Argon2id m={m} KiB, t={t}, p={p}',
    checkOk: 'Saugyklos patikra sėkminga: vientisumas geras, audito grandinė ({n} įrašų) nepažeista, schema {schema}.',
    checkFailed: 'Saugyklos patikra NEPAVYKO.',
    integrity: 'Vientisumas: {detail}',
    auditBad: 'Audito grandinė nutrūksta ties įrašu {seq} ({reason}).',
    auditOk: 'Audito grandinė nepažeista: {n} įrašų, galva {head}…',
    passwdDone: 'Naudotojo {user} slaptafrazė pakeista. Duomenų bazė nepakeista.',
    userAdded: 'Pridėtas naudotojas {user}, vaidmenys: {roles}.',
    recovered: 'Naudotojo {user} slaptafrazė atkurta atkūrimo žodžiais.',
    unknownCommand: 'Nežinoma komanda. Paleiskite `sauga --help`.',
    error: 'Klaida',
    demoProgress: 'Kuriamos demonstracinės bylos: {pct} % ({done}/{total})',
    demoCreated: 'Demonstracinė saugykla sukurta aplanke {dir}.',
    demoAdded: 'Pridėta demonstracinių bylų: {n} ({first} … {last}); iš viso saugykloje: {total}. Užtruko {seconds} s.',
    demoUsers:
      'Prisijunkite kaip {user} (administratorius ir vadovas: mato visas bylas). Atvejo vadybininkai: {workers}. Tik administratorius: {admin}. Visų slaptafrazė – faile {file}.',
    demoRecovery: 'Šios demonstracinės saugyklos atkūrimo žodžiai: {words}',
    demoNotDemo:
      'Aplanke {dir} esanti saugykla nėra demonstracinė. Demonstracinės bylos rašomos tik į saugyklas, sukurtas komanda `sauga demo`. Niekas nepakeista.',
    demoRealCases:
      'Aplanke {dir} esančioje saugykloje yra ne demonstracinių bylų, todėl demonstracinės bylos į ją nerašomos. Niekas nepakeista.',
    keyFingerprint: 'Kontrolinis kodas: {fingerprint}',
    keyCompare:
      'Organizacijos {org} raktas {keyId}. Prieš pasitikėdama raktu, ministerija sutikrina kontrolinį kodą telefonu arba popieriuje.',
    keysInitDone:
      'Ši saugykla dabar yra gavėjo diegimas. Toliau pateiktus viešuosius raktus perduokite organizacijoms, kurios jums siunčia bylų santraukas.',
    keysRecipientOf: 'Gavėjas: {institution} ({category})',
    keysAgeRecipient: 'age gavėjo raktas: {recipient}',
    keysEd25519: 'Ed25519 raktas: {key}',
    keysRecipientCompare:
      'Prieš ką nors siųsdama šiais raktais, organizacija sutikrina šį kontrolinį kodą su jumis telefonu arba popieriuje.',
    keysIdentityExported:
      '{institution} age tapatybė įrašyta į {file}, užšifruota tapatybės slaptafraze. Failą ir slaptafrazę laikykite atskirai.',
    keysIdentityUse:
      'Naudojimas: age -d -o identity.txt {file} (paprašys tapatybės slaptafrazės), tada age -d -i identity.txt PAKETAS.age. Po to identity.txt ištrinkite.',
    dirEntry:
      '{institution} ({category}{person}): {state}. Kontrolinis kodas {fingerprint}. Galioja nuo {from} iki {to}. Id {id}.',
    dirStateVerified: 'patvirtinta',
    dirStateUnverified: 'NEPATVIRTINTA',
    dirStateKeyChanged: 'RAKTAS PASIKEITĖ, iš naujo nepatvirtinta',
    dirStateWithdrawn: 'išbraukta iš katalogo',
    dirInstalled: 'Įdiegtas katalogas: versija {version}, leidėjas {issuer}, išleista {issued}.',
    dirNoneInstalled: 'Katalogo failas neįdiegtas.',
    dirEmpty: 'Kataloge gavėjų nėra.',
    dirAdded:
      'Gavėjas {id} pridėtas, NEPATVIRTINTAS. Sutikrinkite kontrolinį kodą su gavėju telefonu arba popieriuje, tada paleiskite `sauga directory verify --id {id} --fingerprint "…"`.',
    dirVerified: 'Gavėjas {id} patvirtintas: bylų santraukas galima siųsti institucijai {institution}.',
    dirImported:
      'Įdiegta katalogo versija {version} (leidėjas {issuer}): pridėta {added}, atnaujinta {updated}, pasikeitęs raktas {changed}, išbraukta {withdrawn}, nepakeista {unchanged}.',
    dirChangedKeys: 'Šiems gavėjams nieko siųsti negalima, kol nepatvirtintas naujas kontrolinis kodas: {ids}.',
    dirSignerTrusted:
      'Katalogo pasirašytojo {org} raktas {keyId} laikomas patikimu. Kontrolinis kodas {fingerprint}: sutikrinkite jį su leidėju telefonu arba popieriuje.',
    dirRefused: 'Atmesta: {reason} ({code}: {detail})',
    statsExported: '{period} ataskaita nr. {seq} įrašyta į {file}. SHA-256 {sha256}.',
    statsSuppressed: 'Neskelbiamų langelių: {primary} pirminių, {secondary} antrinių (riba k = {k}).',
    statsVerified: '{file}: PATIKRINTA. {org}, laikotarpis {period}, eilės numeris {seq}, raktas {keyId}.',
    statsRejected: '{file}: ATMESTA ({reason}): {detail}.',
    statsNothingWritten: 'Niekas neįrašyta.',
    statsNationalAuditFailed: 'Nacionalinės lentelės nepraėjo statistinio konfidencialumo audito.',
    statsAggregated:
      'Sudėta ataskaitų už {period}: {n}; rezultatai aplanke {dir}. Nepilnų langelių (apatinės ribos): {incomplete}, paslėptų: {suppressed}.',
    statsCountedTwice:
      'Asmuo, kuriam pagalbą teikė dvi organizacijos, nacionalinėse lentelėse skaičiuojamas du kartus.',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type CliKey = keyof (typeof cli)['en'];

export function pickLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): Language {
  const v = (flag ?? env.SAUGA_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '').toLowerCase();
  return v.startsWith('lt') ? 'lt' : 'en';
}

const fill = (s: string, vars: Record<string, string | number>): string =>
  s.replace(/\{(\w+)\}/gu, (_, k: string) => String(vars[k] ?? `{${k}}`));

export function tr(lang: Language, key: CliKey, vars: Record<string, string | number> = {}): string {
  return fill(cli[lang][key], vars);
}

/** The same translated error texts the desktop app shows. */
export function errorText(lang: Language, code: ErrorCode): string {
  const errors = shared[lang].errors as Record<string, string>;
  return errors[code] ?? errors[ErrorCode.Internal] ?? code;
}
