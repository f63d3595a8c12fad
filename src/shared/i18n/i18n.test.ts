import { describe, expect, it } from 'vitest';
import { VALIDATION_KEYS } from '../cases/schemas';
import { ErrorCode } from '../errors';
import { en, errorMessage, lt } from './index';

function keyPaths(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value as object, `${prefix}${key}.`),
  );
}

function placeholders(tree: object): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: object, prefix: string): void => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') {
        out.set(
          `${prefix}${key}`,
          [...value.matchAll(/\{\{(\w+)\}\}/gu)]
            .map((m) => m[1])
            .sort()
            .join(','),
        );
      } else walk(value as object, `${prefix}${key}.`);
    }
  };
  walk(tree, '');
  return out;
}

describe('translations', () => {
  it('have the same keys in every language', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(lt).sort());
  });

  it('use the same interpolations in every language', () => {
    expect(placeholders(en)).toEqual(placeholders(lt));
  });

  it('explain every error code in every language', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(errorMessage(code, 'lt').length, code).toBeGreaterThan(10);
      expect(errorMessage(code, 'en').length, code).toBeGreaterThan(10);
    }
    expect(Object.keys(lt.errors).sort()).toEqual(Object.values(ErrorCode).sort());
  });

  it('explain every validation key the case schemas can produce', () => {
    for (const key of VALIDATION_KEYS) {
      const name = key.replace(/^validation\./u, '') as keyof typeof lt.validation;
      expect(lt.validation[name], key).toEqual(expect.any(String));
      expect(en.validation[name], key).toEqual(expect.any(String));
    }
    expect(Object.keys(lt.validation).sort()).toEqual(VALIDATION_KEYS.map((k) => k.slice('validation.'.length)).sort());
  });

  it('have no empty strings', () => {
    for (const tree of [lt, en]) {
      const empty = keyPaths(tree).filter((path) => {
        const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });

  it('write Lithuanian with its own letters', () => {
    expect(JSON.stringify(lt)).toMatch(/[ąčęėįšųūž]/u);
  });
});
