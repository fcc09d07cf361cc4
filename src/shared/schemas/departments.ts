import { z } from 'zod';
import { patchOf } from './common.ts';

export const departmentView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  parentId: z.number().nullable(),
  description: z.string().nullable(),
  headUserId: z.number().nullable(),
  headName: z.string().nullable(),
  isActive: z.boolean(),
  userCount: z.number(),
});
export type DepartmentView = z.infer<typeof departmentView>;

export const departmentCreate = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(1).max(100),
  parentId: z.number().int().positive().nullish(),
  description: z.string().trim().max(500).nullish(),
  /** 部门负责人: overdue work of the department is escalated to them. */
  headUserId: z.number().int().positive().nullish(),
  isActive: z.boolean().default(true),
});
export type DepartmentCreate = z.input<typeof departmentCreate>;
export const departmentUpdate = patchOf(departmentCreate);
