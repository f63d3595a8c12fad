import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { V } from '../../../../../shared/cases/schemas';
import { toPayload, type FieldSpec, type FormValues } from './spec';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function valueAt(root: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (isRecord(node) || Array.isArray(node) ? (node as never)[key] : undefined),
    root,
  );
}

const MISSING_MESSAGES = new Set<string>([V.invalid, V.invalidOption]);

/**
 * A required field left empty reaches zod as null, and the schemas word that as "invalid"
 * (for text) or "choose an option" (for a code): say "required" instead, which is what it is.
 */
function explainMissing(errors: Record<string, unknown>, payload: unknown, path: string[] = []): void {
  for (const [key, node] of Object.entries(errors)) {
    if (!isRecord(node)) continue;
    const here = [...path, key];
    if (typeof node.message === 'string' && typeof node.type === 'string') {
      const value = valueAt(payload, here);
      if ((value === null || value === undefined) && MISSING_MESSAGES.has(node.message))
        (node as unknown as FieldError).message = V.required;
    } else explainMissing(node, payload, here);
  }
}

/**
 * react-hook-form's zod resolver over a shared schema, fed with the converted payload. The
 * errors keep the schemas' translation keys (`validation.*`); fields translate them.
 */
export function schemaResolver(
  schema: z.ZodType,
  convert: readonly FieldSpec[] | ((values: FormValues) => Record<string, unknown>),
): Resolver<FormValues> {
  const base = zodResolver(schema as never) as unknown as Resolver<Record<string, unknown>>;
  const toInput = typeof convert === 'function' ? convert : (values: FormValues) => toPayload(convert, values);
  return async (values, context, options) => {
    const payload = toInput(values);
    const result = await base(payload, context, options);
    explainMissing(result.errors as Record<string, unknown>, payload);
    return result as unknown as Awaited<ReturnType<Resolver<FormValues>>>;
  };
}

/** The message of the error at a dotted path, if any. */
export function errorAt(errors: FieldErrors, name: string): string | undefined {
  const node = valueAt(errors, name.split('.'));
  if (!isRecord(node)) return undefined;
  if (typeof node.message === 'string') return node.message;
  // An error on a list as a whole ("too many") sits on its root.
  const root = node.root;
  return isRecord(root) && typeof root.message === 'string' ? root.message : undefined;
}
