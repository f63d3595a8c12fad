import { casesEn } from './cases.en';
import { statsEn } from './stats.en';
import { summaryEn } from './summary.en';
import { dutiesEn } from './duties.en';
import { importEn } from './import.en';
import { governanceEn } from './governance.en';
import { auditEn } from './audit.en';
import { usersEn } from './users.en';
import type { Messages } from './lt';

/** English. Typed from the Lithuanian tree, so a missing or extra key fails to compile. */
export const en: Messages = {
  app: {
    name: 'Sauga',
    documentTitle: 'Sauga',
    tagline: 'Encrypted case files',
    loading: 'Loading…',
    version: 'Version {{version}}',
    demoVault: 'Demo vault: every case here is made up by the demo generator. Do not enter real cases.',
    unavailableTitle: 'Sauga did not start correctly',
    unavailable:
      'This window cannot reach the vault. Close Sauga and open it again. If this keeps happening, contact your administrator.',
    retry: 'Try again',
  },
  language: {
    label: 'Language (Kalba)',
    lt: 'Lietuvių',
    en: 'English',
  },
  common: {
    back: 'Back',
    continue: 'Continue',
    cancel: 'Cancel',
    working: 'Please wait…',
    required: 'This field is required.',
    tone: {
      error: 'Error',
      warning: 'Important',
      success: 'Done',
      info: 'Information',
    },
  },
  passphrase: {
    label: 'Passphrase',
    repeat: 'Repeat the passphrase',
    hint: 'At least {{min}} characters. Best: several unrelated words, such as “wind lamp three apples”.',
    mismatch: 'The passphrases do not match.',
    strength: {
      label: 'Passphrase strength',
      empty: 'Type a passphrase to see whether it is strong enough.',
      checking: 'Checking…',
      score0: 'Very weak',
      score1: 'Weak',
      score2: 'Fair',
      score3: 'Strong',
      score4: 'Very strong',
      acceptable: 'This passphrase is acceptable.',
      notAcceptable: 'This passphrase is not acceptable:',
    },
    problems: {
      too_short: 'Too short: use at least {{min}} characters.',
      guessable: 'Easy to guess: add more unrelated words.',
      contains_name: 'It contains the organisation’s or the user’s name.',
    },
    notAcceptable: 'Choose a stronger passphrase: this one does not meet the requirements.',
  },
  create: {
    steps: {
      label: 'Vault creation steps',
      details: 'Details',
      words: 'Recovery words',
      confirm: 'Confirmation',
      current: 'current step',
      done: 'done',
    },
    details: {
      title: 'Create a vault',
      intro:
        'There is no vault on this computer yet. You will be its administrator. All data is encrypted and kept only on this computer.',
      orgName: 'Organisation name',
      adminName: 'Your name',
      adminNameHint: 'You will unlock the vault with this name.',
      submit: 'Continue',
    },
    words: {
      title: 'Write down your recovery words',
      warning:
        'These 24 words are shown only once. They unlock the vault if a passphrase is forgotten, so whoever holds them can read every case file.',
      advice:
        'Write the words on paper or print them, and keep the sheet in a safe. Do not photograph them or store them on a computer or phone.',
      listLabel: 'Recovery words',
      printHeading: '{{org}} – Sauga recovery words',
      print: 'Print',
      continue: 'I have written them down',
    },
    confirm: {
      title: 'Confirm your recovery words',
      intro: 'Type the requested words from your sheet. The vault is created only when they match.',
      word: 'Word no. {{n}}',
      showAgain: 'Show the words again',
      submit: 'Create the vault',
      working: 'Creating the vault…',
    },
    cancel: 'Cancel creation',
  },
  unlock: {
    title: 'Unlock the vault',
    user: 'User',
    userName: 'User name',
    submit: 'Unlock',
    working: 'Unlocking…',
    forgot: 'Forgot your passphrase? Use the recovery words',
    noticeIdle: 'The vault was locked because there was no activity for a while.',
    noticeLocked: 'The vault is locked.',
  },
  missing: {
    title: 'Vault folder not found',
    body: 'A vault was created on this computer, but its folder is gone. If the vault is kept on a removable drive, connect it and try again. If the folder is lost, contact your administrator: the vault can be restored from a backup.',
    retry: 'Try again',
    startOver: 'Create a new vault',
    confirmStartOver:
      'Really create a new, empty vault? The old vault will not be deleted, but this program will stop looking for it.',
    confirm: 'Yes, create a new one',
  },
  recover: {
    title: 'Unlock with recovery words',
    intro:
      'Type the 24 recovery words from the sheet and choose a new passphrase. The user’s old passphrase will stop working.',
    wordsLegend: 'Recovery words',
    wordsHint: 'You can paste all the words into the first box; they will be spread over the boxes.',
    word: 'Word no. {{n}}',
    wordsIncomplete: 'Type all 24 words.',
    newPassphrase: 'New passphrase',
    repeat: 'Repeat the new passphrase',
    submit: 'Recover and unlock',
    working: 'Checking the words…',
    back: 'Back to unlocking',
  },
  home: {
    title: 'Home',
    unlocked: 'The vault is unlocked.',
    signedInAs: 'User',
    roles: 'Roles',
    lock: 'Lock',
    idleOn: 'The vault locks itself after {{minutes}} min without activity.',
    idleOff: 'Automatic locking is off.',
    adminNote:
      'Administrators manage users and settings. They see no case content unless they are also a supervisor or a caseworker.',
  },
  roles: {
    caseworker: 'Caseworker',
    supervisor: 'Supervisor',
    administrator: 'Administrator',
  },
  settings: {
    title: 'Settings',
    idle: {
      legend: 'Automatic locking',
      label: 'Lock after inactivity (minutes)',
      hint: '0 means never lock automatically. The maximum is 240.',
      invalid: 'Enter a whole number from 0 to 240.',
      save: 'Save',
      saved: 'Setting saved.',
    },
    passphrase: {
      legend: 'Change your passphrase',
      current: 'Current passphrase',
      new: 'New passphrase',
      repeat: 'Repeat the new passphrase',
      submit: 'Change passphrase',
      working: 'Changing…',
      changed: 'Passphrase changed. Use the new passphrase next time you unlock the vault.',
    },
  },
  errors: {
    INVALID_INPUT: 'Some of the data entered is not valid. Check the fields and try again.',
    WRONG_PASSPHRASE: 'Wrong passphrase. Check that Caps Lock is off and the right keyboard language is selected.',
    UNKNOWN_USER: 'There is no user of that name in this vault. Check the name.',
    RECOVERY_WORDS_INVALID:
      'The recovery words are not valid: a word is misspelt or out of place. Check them against the sheet.',
    RECOVERY_CONFIRM_MISMATCH: 'The words do not match the ones shown. Check what you wrote down and try again.',
    KDF_BELOW_FLOOR:
      'The vault’s key file has been altered: its protection is weaker than allowed, so the vault was not unlocked. Restore the vault from a backup and tell your administrator.',
    SLOT_FILE_INVALID:
      'The vault’s key file is damaged or has been altered, so the vault was not unlocked. Restore the vault from a backup and tell your administrator.',
    VAULT_MISSING:
      'The vault folder cannot be found. If the vault is kept on a removable drive, connect it and try again.',
    VAULT_EXISTS: 'There is already a vault in this folder, so no new vault was created.',
    VAULT_DAMAGED:
      'The vault’s database is damaged and cannot be opened. Do not delete any files: restore the vault from a backup or contact your administrator.',
    VAULT_REPLACED:
      'The vault’s database has been replaced or belongs to another vault, so the vault was not unlocked. Do not delete any files: restore the vault from a backup and tell your administrator.',
    VAULT_TOO_NEW: 'This vault was made by a newer version of Sauga. Update the program and try again.',
    NOT_DEMO_VAULT:
      'Demo cases are written only into a demo vault made by “sauga demo” that holds no real cases. Nothing was written.',
    VAULT_BUSY: 'The vault is in use by another Sauga window or program. Wait a moment and try again.',
    VAULT_IN_USE:
      'This vault is already open in another Sauga window or program on this computer (perhaps the command-line tool). Close it there first. Nothing was changed.',
    BACKUP_DAMAGED:
      'The backup file is damaged, cut short or not a Sauga backup, so it cannot be used. Nothing was restored. Use another copy of the backup.',
    BACKUP_ALTERED:
      'The backup file has been altered since it was made: its seal does not match. Nothing was restored. Use another copy and tell your administrator.',
    RESTORE_TARGET_NOT_EMPTY:
      'The folder to restore into is not empty. A backup is restored only into a new or empty folder, so nothing was overwritten.',
    MIGRATION_FAILED:
      'The vault’s data structure could not be updated; the changes were rolled back. Contact your administrator.',
    WEAK_PASSPHRASE: 'The passphrase is too weak. Choose a longer one made of several unrelated words.',
    USER_EXISTS: 'A user of that name already exists.',
    LOCKED: 'The vault is locked. Unlock it and try again.',
    FORBIDDEN: 'Your role does not allow this.',
    REKEY_NEEDS_UPGRADE:
      'No user can be removed yet: some users still have old-format keys. Each of them must log in once (the recovery sheet key is updated by one recovery with the words). The user list shows who.',
    CANNOT_REMOVE_SELF: 'You cannot remove yourself. Ask another administrator.',
    LAST_ADMINISTRATOR: 'The vault must keep at least one administrator.',
    FOREIGN_ORIGIN: 'Request refused: it did not come from the Sauga window.',
    UNKNOWN_CHANNEL: 'The program does not know this action. Its parts may be of different versions: reinstall Sauga.',
    NO_PENDING_CREATION: 'Vault creation was not started or was interrupted. Start again.',
    DISK_FULL: 'The disk is full. Free some space and try again.',
    FILE_UNREADABLE: 'A file could not be read or written: permission is missing or another program is using it.',
    STALE_VERSION:
      'Someone else changed this case while you were editing. Nothing was overwritten: reload the case and enter your changes again.',
    NOT_FOUND: 'The record was not found. It may have been removed.',
    CASE_CLOSED: 'The case is closed and cannot be changed. A supervisor can reopen it.',
    ITEM_IN_USE:
      'This record cannot be removed because another record relies on it (for example, a referral relies on a consent).',
    ATTACHMENT_TOO_LARGE: 'The file is too large. The largest attachment allowed is 25 MB.',
    ATTACHMENT_TYPE_REFUSED: 'Files of this type cannot be attached. PDF, PNG, JPEG, TIFF and WebP files are allowed.',
    INTERNAL: 'Something unexpected went wrong. Try again; if it keeps happening, contact your administrator.',
    STATS_PACKAGE_REJECTED:
      'The statistics return was refused: it is damaged, altered, signed by an unregistered key or already received. Ask the organisation to send it again.',
    STATS_TRUSTED_KEYS_INVALID:
      'The trusted keys list is not valid: each entry must name an organisation and its minisign public key.',
    STATS_PERIOD_MISMATCH: 'The returns are for different periods and cannot be added up.',
    STATS_DUPLICATE_RETURN:
      'One organisation sent two returns for the same period and neither replaces the other. Keep only one.',
    STATS_AUDIT_FAILED:
      'The return was not exported: the disclosure audit found cells from which a person could be worked out. The preview lists them; try a larger period or a higher threshold.',
    RECIPIENT_KEYS_EXIST:
      'This vault already has recipient keys, so no new ones were made. Keys are replaced only by a key rotation.',
    RECIPIENT_KEYS_MISSING:
      'This vault is not set up as a recipient installation: it has no recipient keys. An administrator runs `sauga keys init` first.',
    OUTPUT_EXISTS: 'A file of that name already exists. Nothing was overwritten: choose another name.',
    DIRECTORY_ENTRY_UNVERIFIED:
      "This recipient's keys are not verified yet. Compare the fingerprint with the recipient by phone or on paper and confirm it; only then can anything be sent.",
    DIRECTORY_KEY_CHANGED:
      "The recipient's key has changed since it was last verified. Nothing can be sent until the new key's fingerprint has been compared and confirmed.",
    DIRECTORY_ENTRY_EXPIRED:
      "The recipient's key is outside its validity period. Nothing can be sent to this recipient.",
    DIRECTORY_ENTRY_REPLACED:
      'This recipient entry has been replaced by a newer one or removed from the directory. Choose the current entry.',
    DIRECTORY_FINGERPRINT_MISMATCH:
      "The fingerprint entered does not match the recipient's keys. The key was not verified; compare the digits with the recipient again.",
    DIRECTORY_FILE_REJECTED:
      'The key directory file was refused: it is not signed by a trusted key, it is damaged, or its content is not valid. Nothing was changed.',
    DIRECTORY_VERSION_OLD:
      'This key directory is not newer than the one installed. An older or the same version is not installed; nothing was changed.',
    DUTY_RULE_SET_REJECTED:
      'The rule set file was refused: it is not signed by a trusted key, it is damaged, or its content is not valid. Nothing was changed.',
    DUTY_RULE_SET_VERSION_OLD:
      'This rule set is not newer than a signed rule set already installed. An older or the same version is not installed; nothing was changed.',
    DUTY_TASK_CLOSED:
      'This task is already done or set aside as not applicable. A completed duty is never overwritten.',
    DUTY_RULE_SET_MISSING: 'No information-duty rule set is installed yet. An administrator installs one first.',
    RETENTION_NOT_DUE:
      'At least one of the confirmed cases is not due for deletion now (not closed long enough, on legal hold, or no longer in the plan). Nothing was deleted; make the plan again.',
    LEGAL_HOLD_ACTIVE: 'This case is already on legal hold. Release the hold first if it should be replaced.',
    LEGAL_HOLD_MISSING: 'This case is not on legal hold, so there is nothing to release.',
    CONSENT_NOT_WITHDRAWN:
      'The consent has no withdrawal date. Record the withdrawal in the case first, then record how it was handled.',
    IMPORT_TOO_LARGE:
      'The file is larger than Sauga imports (50 MB, or more than 200 MB once unpacked). Split it into smaller files; nothing was imported.',
    IMPORT_ARCHIVE_REFUSED:
      'The spreadsheet file was refused as unsafe: it unpacks to far more than its size, has too many parts, or is encrypted. Save it again from the spreadsheet program as a plain XLSX or CSV file; nothing was imported.',
    IMPORT_FILE_INVALID:
      'The file is not a readable XLSX or CSV spreadsheet (damaged, cut short, or without a worksheet). Save it again as XLSX or CSV; nothing was imported.',
    IMPORT_ENCODING_INVALID:
      'The text of the file could not be read in any supported encoding (UTF-8, UTF-16 or Windows-1257). Save it again as UTF-8 CSV; nothing was imported.',
    IMPORT_LIMIT_EXCEEDED:
      'The file has more rows, columns or text in one cell than Sauga imports at once (100,000 rows, 200 columns, 20,000 characters per cell). Split it; nothing was imported.',
    IMPORT_MAPPING_INVALID:
      'The column mapping is not valid: a column or Sauga field is unknown, a field is mapped twice, or the case opening date is not mapped. Check the mapping and try again.',
    IMPORT_ROWS_INVALID:
      'Some rows cannot be imported. Nothing was imported: run the dry run, fix the file or the mapping as its report says, and import again.',
    IMPORT_UNDO_REFUSED:
      'This import cannot be undone: it was undone already, or at least one of its cases was changed after the import. Nothing was deleted.',
    CONSENT_MISSING: 'No consent of the person covers this recipient and purpose, so the summary cannot be prepared.',
    CONSENT_WITHDRAWN:
      'The person has withdrawn the consent for this recipient and purpose, so nothing may be shared under it.',
    CONSENT_EXPIRED: 'The consent for this recipient and purpose has expired. Ask the person for a new consent.',
    CONSENT_NOT_YET_VALID:
      'The consent for this recipient and purpose is dated later than today, so it is not yet in force.',
    CONSENT_WRONG_PURPOSE: 'The person consented to sharing with this recipient, but for a different purpose.',
    CONSENT_WRONG_RECIPIENT:
      'The person consented to sharing for this purpose, but with a different kind of institution.',
    CONSENT_NO_CATEGORIES:
      'The consent does not say which information may be shared, so it covers none. Record the categories the person agreed to.',
    SUMMARY_WITHHOLDING_UNCLEAR:
      'The case says some information must be withheld from this recipient but not which parts of the case. Mark the parts in the data protection section first.',
    SUMMARY_DRAFT_STATE:
      'This summary is not at a stage where that can be done (it may already be approved, sent or waiting for something else).',
    SUMMARY_APPROVAL_REQUIRED:
      "The organisation requires a supervisor's approval before a summary is sent. Ask a supervisor to approve it.",
    SUMMARY_OVERRIDE_INVALID:
      'Sharing without consent needs a recorded legal basis and a second supervisor, different from the first, who confirms it.',
    SUMMARY_CONSENT_CHANGED:
      'The consent behind this summary has changed since it was prepared. Prepare the summary again.',
    DISCLOSURE_DUPLICATE: 'This package has already been recorded as sent.',
    SUMMARY_PACKAGE_NOT_FOR_YOU:
      'This package was encrypted for someone else: none of this vault’s keys can open it. Nothing was stored. Ask the sender to check whom they addressed it to.',
    SUMMARY_PACKAGE_WRONG_RECIPIENT:
      'This package is addressed to another institution’s key: it was forwarded or re-encrypted. Nothing was stored; tell the sending organisation.',
    SUMMARY_PACKAGE_DAMAGED:
      'The package file is damaged or truncated, or its content was altered. Nothing was stored. Ask the sender to send it again.',
    SUMMARY_PACKAGE_INVALID: 'This file is not a Sauga case summary package, or it is too large. Nothing was stored.',
    SUMMARY_PACKAGE_BAD_SIGNATURE:
      'The signature does not verify: the package is unsigned or was altered after signing. Nothing was stored. Ask the sender to send it again.',
    SUMMARY_PACKAGE_UNTRUSTED_SENDER:
      'The sender is not trusted: the package is signed by a key this vault has not been told to trust. Compare the organisation’s key fingerprint by phone or on paper, add it as a trusted sender, then open the package again.',
    SUMMARY_PACKAGE_REPLAYED: 'This package has already been received. Nothing was stored twice.',
  },
  ...casesEn,
  ...statsEn,
  ...summaryEn,
  ...dutiesEn,
  ...importEn,
  ...governanceEn,
  ...auditEn,
  ...usersEn,
};
