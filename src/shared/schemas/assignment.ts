import { z } from 'zod';
import { CHANNELS, COMPLEXITIES, PRIORITIES } from '../tickets/ticket-status.ts';
import { patchOf } from './common.ts';

const id = z.number().int().positive();
const tag = z.string().trim().min(1).max(50);

export const teamMemberSchema = z.object({
  userId: id,
  skills: z.array(tag).max(30).default([]),
  languages: z
    .array(z.enum(['zh-CN', 'zh-TW', 'en']))
    .max(3)
    .default([]),
  isAway: z.boolean().default(false),
});

export const teamCreate = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).nullish(),
  leadUserId: id.nullish(),
  members: z.array(teamMemberSchema).max(200).default([]),
});
export const teamUpdate = patchOf(teamCreate);

export const teamView = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  leadUserId: z.number().nullable(),
  members: z.array(
    z.object({
      userId: z.number(),
      displayName: z.string(),
      skills: z.array(z.string()),
      languages: z.array(z.string()),
      isAway: z.boolean(),
      openTickets: z.number(),
    }),
  ),
});
export type TeamView = z.infer<typeof teamView>;

export const ruleConditions = z.object({
  typeIds: z.array(id).max(50).optional(),
  categoryIds: z.array(id).max(50).optional(),
  channels: z.array(z.enum(CHANNELS)).optional(),
  priorities: z.array(z.enum(PRIORITIES)).optional(),
  customerClasses: z.array(z.enum(['A', 'B', 'C'])).optional(),
  tags: z.array(tag).max(20).optional(),
  languages: z.array(z.enum(['zh-CN', 'zh-TW', 'en'])).optional(),
});
export type RuleConditions = z.infer<typeof ruleConditions>;

export const ASSIGNMENT_STRATEGIES = ['advisor_first', 'round_robin', 'least_loaded', 'skills'] as const;

export const assignmentRuleCreate = z.object({
  name: z.string().trim().min(1).max(100),
  position: z.number().int().min(0).max(100_000).default(100),
  isActive: z.boolean().default(true),
  conditions: ruleConditions.default({}),
  strategy: z.enum(ASSIGNMENT_STRATEGIES),
  teamId: id.nullish(),
  requiredSkills: z.array(tag).max(20).default([]),
  setPriority: z.enum(PRIORITIES).nullish(),
  setComplexity: z.enum(COMPLEXITIES).nullish(),
});
export const assignmentRuleUpdate = patchOf(assignmentRuleCreate);
export const assignmentRuleView = assignmentRuleCreate.extend({
  id: z.number(),
  teamId: z.number().nullable(),
  setPriority: z.string().nullable(),
  setComplexity: z.string().nullable(),
});
export type AssignmentRuleView = z.infer<typeof assignmentRuleView>;
