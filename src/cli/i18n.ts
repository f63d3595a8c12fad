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

Users (administrator):
  sauga users list     --vault DIR --user ADMIN --passphrase-file PATH
  sauga users add      --vault DIR --user ADMIN --passphrase-file PATH --name NAME --roles ROLES --new-passphrase-file PATH
                       A removed user comes back this way, with a new passphrase.
  sauga users remove   --vault DIR --user ADMIN --passphrase-file PATH --name NAME
                       Moves the database to a new key: the removed user's passphrase and any key they
                       copied stop working. Every other user must have logged in once since the upgrade.
  sauga users role     --vault DIR --user ADMIN --passphrase-file PATH --name NAME --roles ROLES

Audit:
  sauga audit verify   --vault DIR --user NAME --passphrase-file PATH [--anchors FILE]
                       [--against RECEIPT.json | --head SEQ:MAC]
                       The chain, the head recorded outside the vault (rollback check) and a receipt.
                       --anchors, or SAUGA_AUDIT_ANCHORS; default audit-anchors.json beside the vault folder.
  sauga audit head     --vault DIR --user NAME --passphrase-file PATH [--out RECEIPT.json]
                       The chain head as a receipt to print or keep.

Backups (administrator makes them; the recovery words restore them on a new machine):
  sauga backup create  --vault DIR --user NAME --passphrase-file PATH --out FILE
  sauga backup verify  FILE [--recovery-words-file PATH | --user NAME --passphrase-file PATH]
                       Without a secret: hashes only. With one: the seal and a full check of the contents.
  sauga backup restore FILE --to NEW-DIR (--recovery-words-file PATH | --user NAME --passphrase-file PATH)
  sauga backup status  --vault DIR --user NAME --passphrase-file PATH [--days N]
                       When the last backup was made and whether one is due; --days sets the policy.

Cases (a caseworker sees their own cases, a supervisor every case; views are logged):
  sauga cases list     --vault DIR --user NAME --passphrase-file PATH [--search TEXT] [--status OPEN|FOLLOW_UP|CLOSED]
                       [--offset N] [--limit N]
  sauga cases show     --vault DIR --user NAME --passphrase-file PATH --case CODE [--reveal-identity]

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

Case summaries for a prosecutor (NGO):
  sauga summary create --vault DIR --user NAME --passphrase-file PATH --case CODE --recipient ID
                       --purpose CRIMINAL_PROCEEDINGS --out FILE [--categories A,B] [--lang lt|en]
                       Composes under the person's consent and writes the encrypted package; if a
                       supervisor must approve, prints the waiting draft's id instead.
  sauga summary approve --vault DIR --user NAME --passphrase-file PATH --draft ID
  sauga summary export --vault DIR --user NAME --passphrase-file PATH --draft ID --out FILE

Case summaries (recipient role):
  sauga summary trust-sender --vault DIR --user NAME --passphrase-file PATH --organisation NAME --key FILE.pub
                       The NGO's key from its 'sauga keys export-public'; compare the fingerprint first.
  sauga summary open PKG --vault DIR --user NAME --passphrase-file PATH [--pdf-out FILE]
  sauga summary list   --vault DIR --user NAME --passphrase-file PATH

Information duties (rules and registry: administrator; report: supervisor or administrator):
  sauga duties institutions [--type POLICE] / institution-add --name NAME --type POLICE [--municipality M] [--contact C]
  sauga duties institutions-import FILE [--format json|csv]
  sauga duties rules | rules-example | rules-import FILE | rules-export --out FILE [--version N] [--issuer NAME]
  sauga duties trust-signer --org NAME --public-key MINISIGN-KEY
                       A signed rule set file; older versions and unknown signers are refused.
  sauga duties tasks --case ID | dashboard [--days N] | recompute
  sauga duties done --id TASK --at 2026-03-02[T10:00+02:00] --what TEXT [--recipient WHO] [--institution ID] [--method PHONE]
  sauga duties not-applicable --id TASK --reason NO_CONSENT [--note TEXT]
  sauga duties report --from 2026-01-01 --to 2026-03-31 [--out report.xlsx|report.csv]
                       (every duties command takes --vault DIR --user NAME --passphrase-file PATH)

Import from spreadsheets (supervisor; docs/import.md):
  sauga import suggest FILE --out PROFILE.json [--name NAME]
                       A first mapping profile from the headers (Lithuanian or English); no vault needed.
  sauga import         --vault DIR --user NAME --passphrase-file PATH FILE --mapping PROFILE.json
                       [--dry-run] [--report OUT.csv]
                       XLSX or CSV; all rows in one transaction or none. --dry-run writes nothing (exit 1 if
                       a row would fail); --report writes the row-by-row report.
  sauga import batches --vault DIR --user NAME --passphrase-file PATH
  sauga import undo    --vault DIR --user NAME --passphrase-file PATH --batch ID
                       Deletes the batch's cases for good, only while none of them changed.

Retention (policy: administrator; holds, plan and purge: supervisor):
  sauga retention policy  [--type MINOR|IDENTIFIED|PRESUMED|AT_RISK|NOT_VICTIM|UNKNOWN (--years N | --clear)]
                       A case type without a rule is never purged. MINOR: a minor at closure; kept N years from the 18th birthday.
  sauga retention hold    --case CODE --reason CRIMINAL_PROCEEDINGS|CIVIL_PROCEEDINGS|COMPENSATION_CLAIM|... [--note TEXT]
  sauga retention release --case CODE --reason PROCEEDINGS_ENDED|NO_LONGER_NEEDED|SET_IN_ERROR|OTHER [--note TEXT]
  sauga retention plan    [--today DATE]
  sauga retention purge   --today DATE (--confirm CODE,CODE… | --confirm-file PATH)
                       Deletes the confirmed due cases for good and rewrites the database file.
  sauga retention withdrawal plan   --case CODE --consent ID
  sauga retention withdrawal record --case CODE --consent ID [--informed ID,ID…] [--keep-drafts] [--note TEXT]
                       What a consent's withdrawal requires (restrict, tell, keep by law), and how it was handled.
                       (every retention command takes --vault DIR --user NAME --passphrase-file PATH)

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
    auditReasonMissing: 'that entry is not in this database (an older copy, or entries cut off)',
    auditReasonMac: 'a different entry stands in its place (the chain was rewritten)',
    auditReasonChain: 'the chain is broken before it',
    auditAnchorNone: 'No head recorded outside the vault yet ({file}).',
    auditAnchorExtends: 'The chain extends the head recorded outside the vault: entry {seq}, {at}.',
    auditAnchorRollback:
      'ROLLBACK WARNING: the head recorded outside the vault (entry {seq}, {at}) is not in this chain: {why}; from entry {first}. This database is an older copy or was rewritten.',
    auditRollbacksRecorded: 'The chain records {n} rollback warning(s) found at unlock; the last on {at}.',
    auditReceiptOtherVault: 'The receipt is of another vault.',
    auditReceiptExtends: 'The chain extends the receipt (entry {seq}).',
    auditReceiptNotExtends: 'The chain does NOT extend the receipt (entry {seq}): {why}.',
    auditReceiptTitle: 'Sauga audit chain receipt',
    auditReceiptOrg: 'Organisation: {org}',
    auditReceiptVault: 'Vault:        {id}',
    auditReceiptSeq: 'Entry:        {seq}',
    auditReceiptMac: 'MAC:          {a}\n              {b}',
    auditReceiptAt: 'Taken:        {at}',
    auditReceiptSaved: 'Saved to {file}; check later with: sauga audit verify --against {file}',
    casesListed: '{n} cases shown of {total}.',
    caseShown: 'Case {code}: {status}, opened {opened}.',
    caseIdentityHidden: 'The identity section is hidden; --reveal-identity shows it (the reveal is logged).',
    passwdDone: 'Passphrase changed for {user}. The database was not modified.',
    userAdded: 'User {user} added with roles {roles}.',
    userRemoved: 'User {user} removed. The database now has a new key; their passphrase no longer opens it.',
    userRoleChanged: 'Roles of {user} are now {roles}.',
    usersLine: '{user}: {roles}',
    usersLineOld: '{user}: {roles} (must log in once before anyone can be removed)',
    usersLineRemoved: '{user}: removed {removed}',
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
    summaryWritten: 'Case summary package written to {file} ({name}). SHA-256 {sha256}.',
    summaryLogged: 'The disclosure to {recipient} is recorded in the case’s disclosure log.',
    summaryLeftOutCategories: 'Left out (categories): {list}',
    summaryLeftOutFields: 'Left out (fields): {list}',
    summaryNeedsApproval:
      'Not sent: the organisation requires a supervisor’s approval. Draft {id} is waiting. After `sauga summary approve --draft {id}`, run `sauga summary export --draft {id} --out FILE`.',
    summaryApproved: 'Draft {id} approved; it can now be exported.',
    summarySenderTrusted:
      'Case summaries signed by key {keyId} of {org} are now accepted. Fingerprint {fingerprint}: compare it with the organisation by phone or on paper.',
    summaryRefused: '{file}: REFUSED: {reason} ({code}: {detail})',
    summaryReceived: 'Received from {org} (key {keyId}); stored in this vault as {id}.',
    summaryHeader: 'Case {code}, purpose {purpose}, prepared {created}, for {institution}.',
    summaryUnderConsent: 'Disclosed under consent {id} (version {version}), given on {givenOn}.',
    summaryUnderOverride: 'Disclosed WITHOUT the person’s consent, on the legal basis: {basis}.',
    summaryPdfWritten: 'PDF written to {file}. Keep it only on encrypted storage.',
    summaryInboxEmpty: 'No case summaries received.',
    summaryInboxItem: '{at} {org}: case {code}, {purpose} ({basis}). Id {id}.',
    dutRefused: 'Refused: {reason} ({code}: {detail})',
    dutInstitution: '{name} ({type}), {municipality}; contact: {contact}. Id {id}.',
    dutNoInstitutions: 'The institution registry is empty.',
    dutInstitutionAdded: 'Institution {id} added.',
    dutInstitutionsImported: 'Institutions imported: {added} added, {updated} updated, {unchanged} unchanged.',
    dutRuleSet:
      'Active rule set: version {version}, “{title}” ({source}, issued by {issuer}), {rules} rules, installed {installed}.',
    dutRuleSetExample:
      'Active rule set: EXAMPLE version {version}, “{title}” ({source}), {rules} rules, installed {installed}. It is not an official protocol.',
    dutRule: '  {id}: {title} (deadline {deadline})',
    dutNoRuleSet: 'No rule set is installed: no duties are planned.',
    dutReplanned: 'Re-planned {cases} cases; tasks changed in {changed}. Completed tasks were not changed.',
    dutRulesExported: 'Signed rule set written to {file}.',
    dutSignerTrusted:
      'Rule set signer {keyId} of {org} trusted. Fingerprint {fingerprint}: compare it with the issuer by phone or on paper.',
    dutTask: '{code}: {status} – {title} → {recipient}, due {due}; {consent}. Task {id}.',
    dutConsentMissing: 'NO CONSENT yet',
    dutConsentOk: 'consent or legal basis in place',
    dutNoTasks: 'This case has no information-duty tasks.',
    dutDashboard: '{overdue} overdue, {due} due within {days} days.',
    dutReflection: '{code}: reflection period ends {end} ({days} days left); outcome not recorded.',
    dutNoRights: '{code}: no rights information recorded {days} days after opening.',
    dutWorker:
      '{name}: {overdue} overdue, {due} due soon, {reflections} reflection periods ending, {rights} cases without rights information.',
    dutReport:
      'Duties due {from} to {to}: {total} in all; met in time {metInTime}, late {late}, missed {missed}, not yet due {pending}, not applicable {notApplicable}.',
    dutReportExample: 'The duties come from the EXAMPLE rule set, not from an official protocol.',
    dutReportRow:
      '  {name}: {total} (in time {metInTime}, late {late}, missed {missed}, not yet due {pending}, not applicable {notApplicable})',
    dutReportWritten: 'Report written to {file}.',
    backupCreated: 'Backup written to {file}: {mib} MiB, {cases} cases, {seconds} s.',
    backupKeep:
      'Keep it away from this computer (another building, a safe). It is encrypted; the recovery words or a user passphrase open it.',
    backupVerifiedHead: '{file}: backup {id} made {created}, database {mib} MiB; hashes match.',
    backupVerifiedHashes:
      'Checked without a secret: the file is whole, but an edit by someone else is caught only with the recovery words or a passphrase.',
    backupVerifiedFull:
      'Seal verified and contents checked: {org}, {cases} cases, audit chain of {entries} entries intact; made by {by}.',
    backupRestored: 'Vault restored into {dir} from the backup made {created}.',
    backupRestoredHolds:
      '{org}: {cases} cases, audit chain of {entries} entries intact. Work done after the backup was made is not in it.',
    backupLast: 'Last backup: {at}. Policy: a backup at least every {days} days.',
    backupNever: 'No backup has been made of this vault. Policy: a backup at least every {days} days.',
    backupDue: 'A backup is DUE: run `sauga backup create`.',
    backupRestoredFrom: 'This vault was restored on {at} from a backup made {created}.',
    impDryRun:
      'Dry run: {rows} rows; ready to import: {ready}; with errors: {blocked}; warnings: {warnings}. Nothing was written.',
    impMore: '  … and {n} more (see --report).',
    impReportWritten: 'Report written to {path}.',
    impImported: 'Imported {cases} cases ({first} to {last}); warnings: {warnings}.',
    impBatch: 'Import batch {batch} (the cases list filter and `sauga import undo --batch` take it).',
    impSuggested: 'Mapping profile written to {path}: {mapped} of {columns} columns mapped. Check it before importing.',
    impUnmapped: 'Columns not mapped (not imported): {columns}',
    impUnmatched: 'Values that match no code (add them to "values" in the profile, or fix the file):',
    impUndone: 'Import {batch} undone: {cases} cases deleted for good.',
    impNoBatches: 'No imports yet.',
    impBatchLine: '{batch}  {at}  {by}  {cases} cases  {kind}',
    impBatchUndone: '{batch}  {at}  {by}  {cases} cases  {kind}  (undone {undone})',
    retPolicyHeader: 'Retention after closure, by case type:',
    retPolicyRule: '  {type}: {years} years',
    retPolicyKeep: '  {type}: no rule – kept until a rule is set',
    retHoldSet: 'Case {code} is on legal hold ({reason}); it will not be purged until the hold is released.',
    retHoldReleased: 'Legal hold on case {code} released; the retention policy applies again.',
    retPlan:
      'Due for deletion on {today}: {n} cases with {attachments} attachments ({mib} MiB). Kept by a legal hold: {held}.',
    retNoPolicy: 'No retention rule is set, so no case is ever due.',
    retPlanNext: 'To delete them: sauga retention purge --today {today} --confirm CODE,… (check the list first).',
    retProgress: 'Purging: {phase}…',
    retPurged: 'Purged for good: {cases} cases, {attachments} attachments ({mib} MiB), {rows} rows; {seconds} s.',
    retPurgedFile: 'Database file: {before} MiB before, {after} MiB after; freed space rewritten.',
    retNotCompacted:
      'WARNING: the cases are deleted and their space zeroed, but the file could not be rewritten (disk full or the vault in use by another window). Free space or close the other window; the next purge rewrites it.',
    retBackupsWarning: 'Older backups still hold these cases until they are replaced or destroyed.',
    retWdHead: 'Case {code}: consent to {recipient} for {purpose}; withdrawn: {withdrawn}.',
    retWdNotWithdrawn: 'not yet (this is what a withdrawal would mean)',
    retWdNone: 'none',
    retWdRestrict: 'Never send again: {categories}.',
    retWdDrafts: 'Unsent summaries to cancel: {n}; referrals not to send: {referrals}.',
    retWdStatistics: 'The case leaves statistics returns made with “consented only”.',
    retWdErasure:
      'Processing rested on this consent alone: consider erasing what only it covered (GDPR art. 17(1)(b)).',
    retWdNotify: 'Recipients to tell: {n} ({open} not yet told):',
    retWdKeep: 'Kept by law: {items}.',
    retWdHandled: 'Handled {at} by {by}: {drafts} drafts cancelled, {informed} recipients told.',
    retWdRecorded: 'Recorded how the withdrawal was handled.',
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

Naudotojai (administratorius):
  sauga users list     --vault APLANKAS --user ADMIN --passphrase-file KELIAS
  sauga users add      --vault APLANKAS --user ADMIN --passphrase-file KELIAS --name VARDAS --roles VAIDMENYS --new-passphrase-file KELIAS
                       Taip grąžinamas ir pašalintas naudotojas, su nauja slaptafraze.
  sauga users remove   --vault APLANKAS --user ADMIN --passphrase-file KELIAS --name VARDAS
                       Duomenų bazei suteikiamas naujas raktas: pašalinto naudotojo slaptafrazė ir bet kuris
                       jo nusikopijuotas raktas nebetinka. Kiti naudotojai turi būti bent kartą prisijungę po atnaujinimo.
  sauga users role     --vault APLANKAS --user ADMIN --passphrase-file KELIAS --name VARDAS --roles VAIDMENYS

Auditas:
  sauga audit verify   --vault APLANKAS --user VARDAS --passphrase-file KELIAS [--anchors FAILAS]
                       [--against KVITAS.json | --head NR:MAC]
                       Grandinė, už saugyklos ribų įrašyta galva (senesnės kopijos patikra) ir kvitas.
                       --anchors arba SAUGA_AUDIT_ANCHORS; numatyta audit-anchors.json šalia saugyklos aplanko.
  sauga audit head     --vault APLANKAS --user VARDAS --passphrase-file KELIAS [--out KVITAS.json]
                       Grandinės galva kaip kvitas spausdinti ar saugoti.

Atsarginės kopijos (daro administratorius; atkuriama naujame kompiuteryje su atkūrimo žodžiais):
  sauga backup create  --vault APLANKAS --user VARDAS --passphrase-file KELIAS --out FAILAS
  sauga backup verify  FAILAS [--recovery-words-file KELIAS | --user VARDAS --passphrase-file KELIAS]
                       Be slaptos informacijos tikrinamos tik maišos; su ja – ir antspaudas, ir visas turinys.
  sauga backup restore FAILAS --to NAUJAS-APLANKAS (--recovery-words-file KELIAS | --user VARDAS --passphrase-file KELIAS)
  sauga backup status  --vault APLANKAS --user VARDAS --passphrase-file KELIAS [--days N]
                       Kada padaryta paskutinė kopija ir ar laikas daryti naują; --days nustato tvarką.

Atvejai (atvejo vadybininkas mato savo atvejus, vadovas – visus; peržiūros registruojamos):
  sauga cases list     --vault APLANKAS --user VARDAS --passphrase-file KELIAS [--search TEKSTAS]
                       [--status OPEN|FOLLOW_UP|CLOSED] [--offset N] [--limit N]
  sauga cases show     --vault APLANKAS --user VARDAS --passphrase-file KELIAS --case KODAS [--reveal-identity]

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

Bylų santraukos prokurorui (organizacija):
  sauga summary create --vault APLANKAS --user VARDAS --passphrase-file KELIAS --case KODAS --recipient ID
                       --purpose CRIMINAL_PROCEEDINGS --out FAILAS [--categories A,B] [--lang lt|en]
                       Sudaro santrauką pagal asmens sutikimą ir įrašo užšifruotą paketą; jei reikia
                       vadovo patvirtinimo, vietoj to parodo laukiančio projekto id.
  sauga summary approve --vault APLANKAS --user VARDAS --passphrase-file KELIAS --draft ID
  sauga summary export --vault APLANKAS --user VARDAS --passphrase-file KELIAS --draft ID --out FAILAS

Bylų santraukos (gavėjo vaidmuo):
  sauga summary trust-sender --vault APLANKAS --user VARDAS --passphrase-file KELIAS --organisation PAVADINIMAS --key FAILAS.pub
                       Organizacijos raktas iš jos 'sauga keys export-public'; pirmiausia sutikrinkite kontrolinį kodą.
  sauga summary open PAKETAS --vault APLANKAS --user VARDAS --passphrase-file KELIAS [--pdf-out FAILAS]
  sauga summary list   --vault APLANKAS --user VARDAS --passphrase-file KELIAS

Informavimo pareigos (taisyklės ir registras: administratorius; ataskaita: vadovas arba administratorius):
  sauga duties institutions [--type POLICE] / institution-add --name PAVADINIMAS --type POLICE [--municipality S] [--contact K]
  sauga duties institutions-import FAILAS [--format json|csv]
  sauga duties rules | rules-example | rules-import FAILAS | rules-export --out FAILAS [--version N] [--issuer PAVADINIMAS]
  sauga duties trust-signer --org PAVADINIMAS --public-key MINISIGN-RAKTAS
                       Pasirašytas taisyklių rinkinio failas; senesnės versijos ir nežinomi pasirašytojai atmetami.
  sauga duties tasks --case ID | dashboard [--days N] | recompute
  sauga duties done --id UŽDUOTIS --at 2026-03-02[T10:00+02:00] --what TEKSTAS [--recipient KAM] [--institution ID] [--method PHONE]
  sauga duties not-applicable --id UŽDUOTIS --reason NO_CONSENT [--note TEKSTAS]
  sauga duties report --from 2026-01-01 --to 2026-03-31 [--out report.xlsx|report.csv]
                       (kiekviena duties komanda priima --vault APLANKAS --user VARDAS --passphrase-file KELIAS)

Importas iš skaičiuoklių (vadovas; docs/import.md):
  sauga import suggest FAILAS --out SUSIEJIMAS.json [--name PAVADINIMAS]
                       Pirminis susiejimas pagal antraštes (lietuviškas ar angliškas); saugyklos nereikia.
  sauga import         --vault APLANKAS --user VARDAS --passphrase-file KELIAS FAILAS --mapping SUSIEJIMAS.json
                       [--dry-run] [--report ATASKAITA.csv]
                       XLSX ar CSV; visos eilutės vienoje transakcijoje arba nė viena. --dry-run nieko nerašo
                       (išeities kodas 1, jei kuri eilutė nepavyktų); --report įrašo ataskaitą eilutė po eilutės.
  sauga import batches --vault APLANKAS --user VARDAS --passphrase-file KELIAS
  sauga import undo    --vault APLANKAS --user VARDAS --passphrase-file KELIAS --batch ID
                       Visam laikui ištrina importo bylas, tik jei nė viena jų nepakeista.

Saugojimo terminai (tvarka: administratorius; sulaikymas, planas ir trynimas: vadovas):
  sauga retention policy  [--type MINOR|IDENTIFIED|PRESUMED|AT_RISK|NOT_VICTIM|UNKNOWN (--years N | --clear)]
                       Bylų rūšis be taisyklės niekada netrinama. MINOR: uždarant bylą nepilnametis; saugoma N metų nuo pilnametystės.
  sauga retention hold    --case KODAS --reason CRIMINAL_PROCEEDINGS|CIVIL_PROCEEDINGS|COMPENSATION_CLAIM|... [--note TEKSTAS]
  sauga retention release --case KODAS --reason PROCEEDINGS_ENDED|NO_LONGER_NEEDED|SET_IN_ERROR|OTHER [--note TEKSTAS]
  sauga retention plan    [--today DATA]
  sauga retention purge   --today DATA (--confirm KODAS,KODAS… | --confirm-file KELIAS)
                       Visam laikui ištrina patvirtintas bylas, kurių terminas suėjo, ir perrašo duomenų bazės failą.
  sauga retention withdrawal plan   --case KODAS --consent ID
  sauga retention withdrawal record --case KODAS --consent ID [--informed ID,ID…] [--keep-drafts] [--note TEKSTAS]
                       Ką reiškia sutikimo atšaukimas (apriboti, informuoti, saugoti pagal įstatymą) ir kaip jis sutvarkytas.
                       (kiekviena retention komanda priima --vault APLANKAS --user VARDAS --passphrase-file KELIAS)

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
    auditReasonMissing: 'šio įrašo duomenų bazėje nėra (senesnė kopija arba nukirpti įrašai)',
    auditReasonMac: 'jo vietoje yra kitas įrašas (grandinė perrašyta)',
    auditReasonChain: 'grandinė nutrūksta anksčiau',
    auditAnchorNone: 'Už saugyklos ribų dar neįrašyta jokia galva ({file}).',
    auditAnchorExtends: 'Grandinė tęsia už saugyklos ribų įrašytą galvą: įrašas {seq}, {at}.',
    auditAnchorRollback:
      'ĮSPĖJIMAS APIE SENESNĘ KOPIJĄ: už saugyklos ribų įrašytos galvos (įrašas {seq}, {at}) šioje grandinėje nėra: {why}; nuo įrašo {first}. Ši duomenų bazė yra senesnė kopija arba perrašyta.',
    auditRollbacksRecorded:
      'Grandinėje užfiksuota atrakinant rastų įspėjimų apie senesnę kopiją: {n}; paskutinis {at}.',
    auditReceiptOtherVault: 'Kvitas yra kitos saugyklos.',
    auditReceiptExtends: 'Grandinė tęsia kvitą (įrašas {seq}).',
    auditReceiptNotExtends: 'Grandinė NETĘSIA kvito (įrašas {seq}): {why}.',
    auditReceiptTitle: 'Sauga audito grandinės kvitas',
    auditReceiptOrg: 'Organizacija: {org}',
    auditReceiptVault: 'Saugykla:     {id}',
    auditReceiptSeq: 'Įrašas:       {seq}',
    auditReceiptMac: 'MAC:          {a}\n              {b}',
    auditReceiptAt: 'Paimta:       {at}',
    auditReceiptSaved: 'Išsaugota: {file}; vėliau patikrinkite: sauga audit verify --against {file}',
    casesListed: 'Parodyta atvejų: {n} iš {total}.',
    caseShown: 'Atvejis {code}: {status}, pradėtas {opened}.',
    caseIdentityHidden: 'Tapatybės skyrius paslėptas; --reveal-identity jį parodo (atskleidimas registruojamas).',
    passwdDone: 'Naudotojo {user} slaptafrazė pakeista. Duomenų bazė nepakeista.',
    userAdded: 'Pridėtas naudotojas {user}, vaidmenys: {roles}.',
    userRemoved: 'Naudotojas {user} pašalintas. Duomenų bazė turi naują raktą; jo slaptafrazė jos nebeatidaro.',
    userRoleChanged: 'Naudotojo {user} vaidmenys dabar: {roles}.',
    usersLine: '{user}: {roles}',
    usersLineOld: '{user}: {roles} (turi vieną kartą prisijungti, kol bus galima ką nors pašalinti)',
    usersLineRemoved: '{user}: pašalintas {removed}',
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
    summaryWritten: 'Bylos santraukos paketas įrašytas į {file} ({name}). SHA-256 {sha256}.',
    summaryLogged: 'Informacijos teikimas gavėjui {recipient} užregistruotas bylos teikimų žurnale.',
    summaryLeftOutCategories: 'Neįtraukta (kategorijos): {list}',
    summaryLeftOutFields: 'Neįtraukta (laukai): {list}',
    summaryNeedsApproval:
      'Neišsiųsta: organizacijoje reikia vadovo patvirtinimo. Projektas {id} laukia. Po `sauga summary approve --draft {id}` paleiskite `sauga summary export --draft {id} --out FAILAS`.',
    summaryApproved: 'Projektas {id} patvirtintas; jį galima eksportuoti.',
    summarySenderTrusted:
      'Bylų santraukos, pasirašytos organizacijos {org} raktu {keyId}, dabar priimamos. Kontrolinis kodas {fingerprint}: sutikrinkite jį su organizacija telefonu arba popieriuje.',
    summaryRefused: '{file}: ATMESTA: {reason} ({code}: {detail})',
    summaryReceived: 'Gauta iš {org} (raktas {keyId}); išsaugota šioje saugykloje kaip {id}.',
    summaryHeader: 'Byla {code}, tikslas {purpose}, parengta {created}, gavėjas {institution}.',
    summaryUnderConsent: 'Teikiama pagal sutikimą {id} (versija {version}), duotą {givenOn}.',
    summaryUnderOverride: 'Teikiama BE asmens sutikimo, remiantis teisiniu pagrindu: {basis}.',
    summaryPdfWritten: 'PDF įrašytas į {file}. Laikykite jį tik užšifruotoje laikmenoje.',
    summaryInboxEmpty: 'Gautų bylų santraukų nėra.',
    summaryInboxItem: '{at} {org}: byla {code}, {purpose} ({basis}). Id {id}.',
    dutRefused: 'Atmesta: {reason} ({code}: {detail})',
    dutInstitution: '{name} ({type}), {municipality}; kontaktai: {contact}. Id {id}.',
    dutNoInstitutions: 'Institucijų registras tuščias.',
    dutInstitutionAdded: 'Institucija {id} pridėta.',
    dutInstitutionsImported: 'Institucijos importuotos: pridėta {added}, atnaujinta {updated}, nepakeista {unchanged}.',
    dutRuleSet:
      'Galiojantis taisyklių rinkinys: versija {version}, „{title}“ ({source}, leidėjas {issuer}), taisyklių: {rules}, įdiegtas {installed}.',
    dutRuleSetExample:
      'Galiojantis taisyklių rinkinys: PAVYZDINĖ versija {version}, „{title}“ ({source}), taisyklių: {rules}, įdiegtas {installed}. Tai ne oficialus protokolas.',
    dutRule: '  {id}: {title} (terminas {deadline})',
    dutNoRuleSet: 'Taisyklių rinkinys neįdiegtas: pareigos neplanuojamos.',
    dutReplanned: 'Perplanuota bylų: {cases}; užduotys pasikeitė {changed} bylose. Atliktos užduotys nepakeistos.',
    dutRulesExported: 'Pasirašytas taisyklių rinkinys įrašytas į {file}.',
    dutSignerTrusted:
      'Taisyklių pasirašytojo {org} raktas {keyId} laikomas patikimu. Kontrolinis kodas {fingerprint}: sutikrinkite jį su leidėju telefonu arba popieriuje.',
    dutTask: '{code}: {status} – {title} → {recipient}, terminas {due}; {consent}. Užduotis {id}.',
    dutConsentMissing: 'SUTIKIMO dar NĖRA',
    dutConsentOk: 'yra sutikimas arba teisinis pagrindas',
    dutNoTasks: 'Šioje byloje informavimo pareigų užduočių nėra.',
    dutDashboard: 'Vėluojama: {overdue}; per {days} d. reikia atlikti: {due}.',
    dutReflection: '{code}: apmąstymo laikotarpis baigiasi {end} (liko {days} d.); sprendimas neįrašytas.',
    dutNoRights: '{code}: praėjus {days} d. nuo bylos atidarymo neįrašyta, kad asmuo informuotas apie teises.',
    dutWorker:
      '{name}: vėluojama {overdue}, netrukus terminas {due}, baigiasi apmąstymo laikotarpių {reflections}, bylų be informavimo apie teises {rights}.',
    dutReport:
      'Pareigos, kurių terminas {from}–{to}: iš viso {total}; įvykdyta laiku {metInTime}, pavėluotai {late}, neįvykdyta {missed}, terminas dar nepraėjo {pending}, netaikoma {notApplicable}.',
    dutReportExample: 'Pareigos nustatytos pagal PAVYZDINĮ taisyklių rinkinį, o ne pagal oficialų protokolą.',
    dutReportRow:
      '  {name}: {total} (laiku {metInTime}, pavėluotai {late}, neįvykdyta {missed}, terminas nepraėjo {pending}, netaikoma {notApplicable})',
    dutReportWritten: 'Ataskaita įrašyta į {file}.',
    backupCreated: 'Atsarginė kopija įrašyta į {file}: {mib} MiB, {cases} atvejų, {seconds} s.',
    backupKeep:
      'Laikykite ją ne šiame kompiuteryje (kitame pastate, seife). Ji užšifruota; ją atveria atkūrimo žodžiai arba naudotojo slaptafrazė.',
    backupVerifiedHead: '{file}: atsarginė kopija {id}, padaryta {created}, duomenų bazė {mib} MiB; maišos sutampa.',
    backupVerifiedHashes:
      'Patikrinta be slaptos informacijos: failas vientisas, bet kito asmens pakeitimas aptinkamas tik su atkūrimo žodžiais ar slaptafraze.',
    backupVerifiedFull:
      'Antspaudas patikrintas, turinys patikrintas: {org}, {cases} atvejų, audito grandinė iš {entries} įrašų nepažeista; padarė {by}.',
    backupRestored: 'Saugykla atkurta į {dir} iš atsarginės kopijos, padarytos {created}.',
    backupRestoredHolds:
      '{org}: {cases} atvejų, audito grandinė iš {entries} įrašų nepažeista. Darbų, atliktų po kopijos sukūrimo, joje nėra.',
    backupLast: 'Paskutinė atsarginė kopija: {at}. Tvarka: kopija bent kas {days} d.',
    backupNever: 'Šios saugyklos atsarginė kopija dar nedaryta. Tvarka: kopija bent kas {days} d.',
    backupDue: 'LAIKAS daryti atsarginę kopiją: paleiskite `sauga backup create`.',
    backupRestoredFrom: 'Ši saugykla atkurta {at} iš atsarginės kopijos, padarytos {created}.',
    impDryRun:
      'Bandomasis importas: eilučių {rows}; paruošta importuoti: {ready}; su klaidomis: {blocked}; įspėjimų: {warnings}. Niekas neįrašyta.',
    impMore: '  … ir dar {n} (žr. --report).',
    impReportWritten: 'Ataskaita įrašyta į {path}.',
    impImported: 'Importuota bylų: {cases} (nuo {first} iki {last}); įspėjimų: {warnings}.',
    impBatch: 'Importo paketas {batch} (jį priima bylų sąrašo filtras ir `sauga import undo --batch`).',
    impSuggested:
      'Susiejimas įrašytas į {path}: susieta stulpelių {mapped} iš {columns}. Patikrinkite jį prieš importuodami.',
    impUnmapped: 'Nesusieti stulpeliai (neimportuojami): {columns}',
    impUnmatched: 'Reikšmės, neatitinkančios jokio kodo (įrašykite jas į susiejimo „values“ arba pataisykite failą):',
    impUndone: 'Importas {batch} atšauktas: visam laikui ištrinta bylų: {cases}.',
    impNoBatches: 'Importų dar nebuvo.',
    impBatchLine: '{batch}  {at}  {by}  bylų: {cases}  {kind}',
    impBatchUndone: '{batch}  {at}  {by}  bylų: {cases}  {kind}  (atšauktas {undone})',
    retPolicyHeader: 'Saugojimo terminai po bylos uždarymo pagal bylų rūšį:',
    retPolicyRule: '  {type}: {years} m.',
    retPolicyKeep: '  {type}: taisyklės nėra – saugoma, kol taisyklė nustatoma',
    retHoldSet:
      'Bylai {code} taikomas teisinis sulaikymas ({reason}); ji nebus ištrinta, kol sulaikymas nepanaikintas.',
    retHoldReleased: 'Bylos {code} teisinis sulaikymas panaikintas; vėl taikoma saugojimo tvarka.',
    retPlan:
      '{today} ištrintinos bylos: {n}, jose priedų: {attachments} ({mib} MiB). Saugomos dėl teisinio sulaikymo: {held}.',
    retNoPolicy: 'Saugojimo taisyklių nėra, todėl jokia byla netrinama.',
    retPlanNext:
      'Joms ištrinti: sauga retention purge --today {today} --confirm KODAS,… (pirmiausia patikrinkite sąrašą).',
    retProgress: 'Trinama: {phase}…',
    retPurged: 'Visam laikui ištrinta: bylų {cases}, priedų {attachments} ({mib} MiB), eilučių {rows}; {seconds} s.',
    retPurgedFile: 'Duomenų bazės failas: prieš {before} MiB, po {after} MiB; atlaisvinta vieta perrašyta.',
    retNotCompacted:
      'DĖMESIO: bylos ištrintos ir jų vieta užnulinta, bet failo perrašyti nepavyko (pilnas diskas arba saugykla atverta kitame lange). Atlaisvinkite vietos ar uždarykite kitą langą; kitas trynimas failą perrašys.',
    retBackupsWarning: 'Senesnėse atsarginėse kopijose šios bylos lieka, kol kopijos nepakeistos ar nesunaikintos.',
    retWdHead: 'Byla {code}: sutikimas {recipient}, tikslas {purpose}; atšauktas: {withdrawn}.',
    retWdNotWithdrawn: 'dar ne (taip atrodytų atšaukimas)',
    retWdNone: 'nėra',
    retWdRestrict: 'Niekada daugiau neperduoti: {categories}.',
    retWdDrafts: 'Neišsiųstų santraukų atšaukti: {n}; siuntimų neišsiųsti: {referrals}.',
    retWdStatistics: 'Byla neįtraukiama į statistikos ataskaitas, sudarytas tik su sutikimais.',
    retWdErasure:
      'Tvarkymas rėmėsi tik šiuo sutikimu: apsvarstykite, ar ištrinti tai, ką apėmė tik jis (BDAR 17 str. 1 d. b p.).',
    retWdNotify: 'Informuotini gavėjai: {n} (dar neinformuota {open}):',
    retWdKeep: 'Saugoma pagal įstatymą: {items}.',
    retWdHandled: 'Sutvarkyta {at}, {by}: atšaukta juodraščių {drafts}, informuota gavėjų {informed}.',
    retWdRecorded: 'Įrašyta, kaip sutvarkytas sutikimo atšaukimas.',
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
