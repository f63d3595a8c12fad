import { z } from 'zod';

export const Role = z.enum(['caseworker', 'supervisor', 'administrator']);
export type Role = z.infer<typeof Role>;

export const Roles = z
  .array(Role)
  .min(1)
  .max(3)
  .refine((roles) => new Set(roles).size === roles.length, { message: 'duplicate role' });
export type Roles = z.infer<typeof Roles>;
