import { z } from 'zod';
import {
  DryRunReport,
  ImportBatch,
  ImportResult,
  MappingProfile,
  PickedSpreadsheet,
  UndoResult,
} from '../import/schemas';
import type { Access, ChannelSpec } from './contract';

const spec = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): ChannelSpec<I, O> => ({
  input,
  output,
  access,
});
const Empty = z.strictObject({});
/** Importing makes cases for everyone and warns with case codes: supervisors, as in core. */
const supervisor: Access = { kind: 'roles', roles: ['supervisor'] };
const WithProfile = z.strictObject({ profile: MappingProfile });

/** Importing case records from a spreadsheet (docs/import.md): spread into the contract. */
export const importContract = {
  /** Asks which file (a dialog in main); its rows stay in main until imported or locked. */
  'import.pick': spec(
    Empty,
    z.union([
      z.strictObject({ picked: z.literal(false) }),
      z.strictObject({ picked: z.literal(true), file: PickedSpreadsheet }),
    ]),
    supervisor,
  ),
  'import.dryRun': spec(WithProfile, DryRunReport, supervisor),
  /** Asks where to save the dry run's report (a dialog in main); CSV in the given language. */
  'import.exportReport': spec(
    z.strictObject({ profile: MappingProfile, language: z.enum(['lt', 'en']) }),
    z.strictObject({ saved: z.boolean() }),
    supervisor,
  ),
  'import.run': spec(WithProfile, ImportResult, supervisor),
  'import.batches': spec(Empty, z.array(ImportBatch).max(10_000), supervisor),
  'import.undo': spec(z.strictObject({ batchId: z.uuid() }), UndoResult, supervisor),
  'import.profiles': spec(Empty, z.array(MappingProfile).max(1000), supervisor),
  'import.saveProfile': spec(WithProfile, MappingProfile, supervisor),
} as const;
