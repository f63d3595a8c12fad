import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Language } from '../shared/vault';
import { writeFileAtomic } from './fs/atomic';

/** Per-installation preferences kept outside the vault: nothing in here is secret. */
export const AppConfig = z.strictObject({
  language: Language,
  /** The id of the vault this installation created or opened, so a vanished folder is noticed. */
  knownVaultId: z.uuid().optional(),
});
export type AppConfig = z.infer<typeof AppConfig>;

const DEFAULTS: AppConfig = { language: 'lt' };

export function readConfig(path: string): AppConfig {
  try {
    const parsed = AppConfig.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : DEFAULTS;
  } catch {
    // A missing or damaged preferences file must never stop anyone from opening their vault.
    return DEFAULTS;
  }
}

export function writeConfig(path: string, config: AppConfig): void {
  writeFileAtomic(path, `${JSON.stringify(AppConfig.parse(config), null, 2)}\n`);
}
